// IPTC digital source types (NewsCodes "digitalsourcetype") and the disclosure line a photo's
// credit carries when it is AI-generated or a composite.

/** https://cv.iptc.org/newscodes/digitalsourcetype/ */
export const DIGITAL_SOURCE_TYPES = [
  'digitalCapture',
  'computationalCapture',
  'negativeFilm',
  'positiveFilm',
  'print',
  'humanEdits',
  'compositeCapture',
  'algorithmicallyEnhanced',
  'dataDrivenMedia',
  'digitalArt',
  'virtualRecording',
  'compositeSynthetic',
  'trainedAlgorithmicMedia',
  'compositeWithTrainedAlgorithmicMedia',
  'algorithmicMedia',
  'screenCapture',
  'composite',
] as const;
export type DigitalSourceType = (typeof DIGITAL_SOURCE_TYPES)[number];

/** Made wholly or partly by an algorithm (generative AI or otherwise): "AI-generated image". */
export const AI_GENERATED: ReadonlySet<string> = new Set(['trainedAlgorithmicMedia', 'compositeWithTrainedAlgorithmicMedia', 'algorithmicMedia', 'compositeSynthetic']);
/** Assembled from several captures: "Composite image". */
export const COMPOSITE: ReadonlySet<string> = new Set(['composite', 'compositeCapture']);

export interface DisclosureLabels {
  ai: string;
  composite: string;
}
export const DEFAULT_DISCLOSURE_LABELS: DisclosureLabels = { ai: 'AI-generated image', composite: 'Composite image' };

export const IPTC_URI_BASE = 'http://cv.iptc.org/newscodes/digitalsourcetype/';

export function isAiGenerated(type: string | null | undefined): boolean {
  return Boolean(type && AI_GENERATED.has(type));
}

/** The disclosure line for a source type, or null when none is owed. */
export function disclosureFor(type: string | null | undefined, labels: DisclosureLabels = DEFAULT_DISCLOSURE_LABELS): string | null {
  if (!type) return null;
  if (AI_GENERATED.has(type)) return labels.ai;
  if (COMPOSITE.has(type)) return labels.composite;
  return null;
}

/** The credit line with the disclosure after it ("© AP / Jane Doe · AI-generated image"). */
export function withDisclosure(creditLine: string, disclosure: string | null): string {
  if (!disclosure) return creditLine;
  return creditLine ? `${creditLine} · ${disclosure}` : disclosure;
}
