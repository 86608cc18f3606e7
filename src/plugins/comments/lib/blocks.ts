// The block/appeal state machine of a reader's account, as pure functions over its block and
// appeal rows. States:
//   active ──block──▶ blocked (ordinal 1) ──appeal──▶ appeal open ──lift──▶ active (one block in the past)
//                                                                └─refuse─▶ blocked (may appeal again)
//   active with a past block ──block──▶ permanent (ordinal 2): no appeal, no lift, ever.
// The invariant other parts rely on: blocked iff a block row has liftedAt null; a permanent block
// never gets liftedAt.

export interface BlockRow {
  id: number;
  ordinal: number;
  permanent: boolean | null;
  liftedAt: Date | string | null;
}

export interface AppealRow {
  id: number;
  blockId: number;
  status: 'open' | 'lifted' | 'refused';
}

export type AccountState =
  | { kind: 'active'; pastBlocks: number }
  | { kind: 'blocked'; block: BlockRow; openAppeal: AppealRow | null }
  | { kind: 'permanent'; block: BlockRow };

export type RefusalReason = 'AlreadyBlocked' | 'BlockPermanent' | 'NotBlocked' | 'AppealOpen' | 'AppealNotOpen' | 'AppealNotFound';

export type Decision<T> = ({ ok: true } & T) | { ok: false; reason: RefusalReason; message: string };

const refuse = (reason: RefusalReason, message: string) => ({ ok: false as const, reason, message });

/** The account's state from all its block rows and appeal rows (any order). */
export function accountState(blocks: BlockRow[], appeals: AppealRow[]): AccountState {
  const current = blocks.filter((b) => !b.liftedAt).sort((a, b) => b.ordinal - a.ordinal)[0];
  const permanent = blocks.find((b) => b.permanent || b.ordinal >= 2);
  if (permanent) return { kind: 'permanent', block: permanent };
  if (!current) return { kind: 'active', pastBlocks: blocks.length };
  const openAppeal = appeals.find((a) => a.blockId === current.id && a.status === 'open') ?? null;
  return { kind: 'blocked', block: current, openAppeal };
}

/** A new block: the first has ordinal 1 (may be appealed), any later one ordinal 2 and permanent. */
export function canBlock(state: AccountState): Decision<{ ordinal: number; permanent: boolean }> {
  if (state.kind === 'permanent') return refuse('BlockPermanent', 'This account is already blocked for good (second block).');
  if (state.kind === 'blocked') return refuse('AlreadyBlocked', 'This account is already blocked.');
  return state.pastBlocks === 0 ? { ok: true, ordinal: 1, permanent: false } : { ok: true, ordinal: 2, permanent: true };
}

/** A blocked reader's appeal: only against a first block, one open appeal at a time. */
export function canAppeal(state: AccountState): Decision<{ blockId: number }> {
  if (state.kind === 'permanent') return refuse('BlockPermanent', 'A second block is permanent: it cannot be appealed.');
  if (state.kind === 'active') return refuse('NotBlocked', 'This account is not blocked: there is nothing to appeal.');
  if (state.openAppeal) return refuse('AppealOpen', 'An appeal is already open for this block; wait for its decision.');
  return { ok: true, blockId: state.block.id };
}

/** A moderator's decision on an appeal: only an open one; a permanent block is never lifted. */
export function canDecide(state: AccountState, appeal: AppealRow | null | undefined, decision: 'lift' | 'refuse'): Decision<{ blockId: number }> {
  if (!appeal) return refuse('AppealNotFound', 'No such appeal.');
  if (state.kind === 'permanent' && decision === 'lift') return refuse('BlockPermanent', 'A second block is permanent: it can never be lifted.');
  if (appeal.status !== 'open') return refuse('AppealNotOpen', `This appeal was already decided (${appeal.status}).`);
  if (state.kind === 'permanent') return { ok: true, blockId: appeal.blockId };
  if (state.kind !== 'blocked' || state.block.id !== appeal.blockId) return refuse('AppealNotOpen', 'This appeal is not about the account’s current block.');
  return { ok: true, blockId: appeal.blockId };
}

/** What a reader may still do: whether posting is refused and whether an appeal may be filed. */
export function summary(state: AccountState): { blocked: boolean; permanent: boolean; canAppeal: boolean } {
  return { blocked: state.kind !== 'active', permanent: state.kind === 'permanent', canAppeal: canAppeal(state).ok };
}
