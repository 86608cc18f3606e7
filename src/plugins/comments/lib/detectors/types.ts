// What every detector returns: the standard codes it fired (none, one or more), its own score in
// 0..1 (how strongly it suspects the comment, also when it fires nothing) and details for moderators.
export interface Finding { codes: string[]; score: number; details: Record<string, unknown> }

export const NOTHING: Finding = Object.freeze({ codes: [], score: 0, details: {} }) as Finding;
