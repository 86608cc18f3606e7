// Keeps a photo's rendered credit line in step with its structured credit and its digital source
// type (the AI/composite disclosure is part of the line, so it shows wherever the credit does).
import type { Core } from '@strapi/strapi';
import { renderCreditLine, type PhotoCredit } from '../lib/photos/credit-line';
import { disclosureFor, withDisclosure, type DisclosureLabels } from '../lib/photos/provenance';

/** The full credit line as stored: the template's rendering plus the disclosure owed. */
export function photoCreditLineFor(strapi: Core.Strapi, credit: PhotoCredit | null | undefined, digitalSourceType: string | null | undefined): string {
  const labels = strapi.config.get('newsroom.disclosure') as DisclosureLabels;
  return withDisclosure(renderCreditLine(credit, strapi.config.get('newsroom.creditTemplate') as string), disclosureFor(digitalSourceType, labels));
}

export function photoCreditLine(strapi: Core.Strapi) {
  return async (ctx: { uid: string; action: string; params: unknown }, next: () => Promise<unknown>) => {
    if (ctx.uid === 'api::photo.photo' && (ctx.action === 'create' || ctx.action === 'update')) {
      const params = ctx.params as { data?: Record<string, unknown>; documentId?: string };
      const data = params.data;
      const creditGiven = Boolean(data && data.credit && typeof data.credit === 'object');
      const typeGiven = Boolean(data && data.digitalSourceType !== undefined);
      if (data && (creditGiven || typeGiven)) {
        let credit = creditGiven ? (data.credit as PhotoCredit) : null;
        let type = typeGiven ? (data.digitalSourceType as string | null) : null;
        if (ctx.action === 'update' && params.documentId && (!creditGiven || !typeGiven)) {
          const stored = (await strapi.documents('api::photo.photo').findOne({
            documentId: params.documentId,
            fields: ['digitalSourceType'],
            populate: { credit: true },
          })) as { digitalSourceType?: string | null; credit?: PhotoCredit | null } | null;
          if (!creditGiven) credit = stored?.credit ?? null;
          if (!typeGiven) type = stored?.digitalSourceType ?? null;
        }
        data.creditLine = photoCreditLineFor(strapi, credit, type);
      }
    }
    return next();
  };
}
