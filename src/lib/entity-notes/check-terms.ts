// Save-time checks of an entity's name, aliases and marker: what would mark nothing, everything or the wrong words.
import { normalizeTerm } from './matcher';

export const MAX_MARKER_LENGTH = 3;
export const MAX_TERM_LENGTH = 200;
export const MAX_ALIASES = 200;

// Words so common that an alias equal to one of them would mark nearly every story.
const COMMON_WORDS = new Set(
  (
    'a an and are as at be but by for from has have he her his i in is it its not of on or she that the their they this to was we were will with you ' +
    'и в во не на я он она оно они что с со как а то все к по но из у за от о об же бы ли для мы вы ты это был была были его ее её их ' +
    'le la les un une des et en du de au aux est il elle ce qui que ne pas pour sur par dans ' +
    'der die das und ein eine ist nicht zu mit den dem des von auf für sich es im ' +
    'el los las y en un una es que de del por con para se lo al'
  ).split(' '),
);

/** Why `term` cannot be a name or alias, or null when it is fine. */
export function termProblem(term: unknown): string | null {
  if (typeof term !== 'string') return 'must be text';
  const normal = normalizeTerm(term);
  if (!normal) return 'is empty';
  if (term.length > MAX_TERM_LENGTH) return `is longer than ${MAX_TERM_LENGTH} characters`;
  const wordChars = normal.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  if (wordChars === 0) return 'has no letters or digits, so it would never match on word boundaries';
  if ([...normal].length < 2) return 'is a single character and would match everywhere';
  if (wordChars < 2) return 'has a single letter or digit and would match everywhere';
  if (COMMON_WORDS.has(normal)) return `is a common word ("${normal}") and would match nearly every story`;
  if (!/^[\p{L}\p{N}]/u.test(normal) || !/[\p{L}\p{N}]$/u.test(normal)) return 'must begin and end with a letter or digit';
  return null;
}

/** Why `marker` cannot mark a mention, or null. */
export function markerProblem(marker: unknown): string | null {
  if (typeof marker !== 'string') return 'must be text';
  if (marker.trim() !== marker || marker === '') return 'must be 1 to 3 characters without spaces';
  if ([...marker].length > MAX_MARKER_LENGTH) return `must be at most ${MAX_MARKER_LENGTH} characters (got ${[...marker].length})`;
  if (/[\s<>&"'\\\p{L}\p{Nd}]/u.test(marker)) return 'may hold only symbols such as *, †, ‡ or ¹ (no letters, digits, spaces or HTML characters)';
  return null;
}
