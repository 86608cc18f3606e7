// The block/appeal state machine: every transition and every refused transition with its reason.
import { accountState, canAppeal, canBlock, canDecide, summary, type AppealRow, type BlockRow } from '../../../../src/plugins/comments/lib/blocks';

const block = (id: number, ordinal: number, liftedAt: string | null = null, permanent = ordinal >= 2): BlockRow => ({ id, ordinal, permanent, liftedAt });
const appeal = (id: number, blockId: number, status: AppealRow['status'] = 'open'): AppealRow => ({ id, blockId, status });

describe('accountState', () => {
  it('an account with no block is active with no past block', () => {
    expect(accountState([], [])).toEqual({ kind: 'active', pastBlocks: 0 });
  });
  it('a block without liftedAt is current', () => {
    expect(accountState([block(1, 1)], [])).toEqual({ kind: 'blocked', block: block(1, 1), openAppeal: null });
  });
  it('an open appeal of the current block is part of the state', () => {
    expect(accountState([block(1, 1)], [appeal(7, 1)])).toMatchObject({ kind: 'blocked', openAppeal: { id: 7 } });
  });
  it('decided appeals are not open', () => {
    expect(accountState([block(1, 1)], [appeal(7, 1, 'refused')])).toMatchObject({ kind: 'blocked', openAppeal: null });
  });
  it('a lifted block leaves the account active with one past block', () => {
    expect(accountState([block(1, 1, '2026-01-01T00:00:00Z')], [appeal(7, 1, 'lifted')])).toEqual({ kind: 'active', pastBlocks: 1 });
  });
  it('a second block is permanent, whatever the row order', () => {
    const rows = [block(2, 2), block(1, 1, '2026-01-01T00:00:00Z')];
    expect(accountState(rows, [])).toMatchObject({ kind: 'permanent', block: { id: 2 } });
  });
  it('a permanent row stays permanent even if someone set liftedAt on it', () => {
    expect(accountState([block(1, 1, '2026-01-01T00:00:00Z'), block(2, 2, '2026-02-01T00:00:00Z')], [])).toMatchObject({ kind: 'permanent' });
  });
});

describe('block', () => {
  it('active → blocked: the first block has ordinal 1, not permanent', () => {
    expect(canBlock(accountState([], []))).toEqual({ ok: true, ordinal: 1, permanent: false });
  });
  it('after a lifted block → permanent: ordinal 2', () => {
    expect(canBlock(accountState([block(1, 1, '2026-01-01T00:00:00Z')], []))).toEqual({ ok: true, ordinal: 2, permanent: true });
  });
  it('refused while blocked: AlreadyBlocked', () => {
    expect(canBlock(accountState([block(1, 1)], []))).toMatchObject({ ok: false, reason: 'AlreadyBlocked' });
  });
  it('refused while blocked with an open appeal: AlreadyBlocked', () => {
    expect(canBlock(accountState([block(1, 1)], [appeal(3, 1)]))).toMatchObject({ ok: false, reason: 'AlreadyBlocked' });
  });
  it('refused after the permanent block: BlockPermanent', () => {
    expect(canBlock(accountState([block(1, 1, '2026-01-01T00:00:00Z'), block(2, 2)], []))).toMatchObject({ ok: false, reason: 'BlockPermanent' });
  });
});

describe('appeal', () => {
  it('blocked → appeal open', () => {
    expect(canAppeal(accountState([block(1, 1)], []))).toEqual({ ok: true, blockId: 1 });
  });
  it('after a refusal the reader may appeal again', () => {
    expect(canAppeal(accountState([block(1, 1)], [appeal(3, 1, 'refused')]))).toEqual({ ok: true, blockId: 1 });
  });
  it('refused when not blocked: NotBlocked', () => {
    expect(canAppeal(accountState([], []))).toMatchObject({ ok: false, reason: 'NotBlocked' });
  });
  it('refused after the block was lifted: NotBlocked', () => {
    expect(canAppeal(accountState([block(1, 1, '2026-01-01T00:00:00Z')], [appeal(3, 1, 'lifted')]))).toMatchObject({ ok: false, reason: 'NotBlocked' });
  });
  it('refused while an appeal is open: AppealOpen', () => {
    expect(canAppeal(accountState([block(1, 1)], [appeal(3, 1)]))).toMatchObject({ ok: false, reason: 'AppealOpen' });
  });
  it('refused after a second block: BlockPermanent', () => {
    expect(canAppeal(accountState([block(1, 1, '2026-01-01T00:00:00Z'), block(2, 2)], []))).toMatchObject({ ok: false, reason: 'BlockPermanent' });
  });
});

describe('decide an appeal', () => {
  const open = accountState([block(1, 1)], [appeal(3, 1)]);
  it('appeal open → lifted', () => {
    expect(canDecide(open, appeal(3, 1), 'lift')).toEqual({ ok: true, blockId: 1 });
  });
  it('appeal open → refused', () => {
    expect(canDecide(open, appeal(3, 1), 'refuse')).toEqual({ ok: true, blockId: 1 });
  });
  it('refused for a missing appeal: AppealNotFound', () => {
    expect(canDecide(open, null, 'lift')).toMatchObject({ ok: false, reason: 'AppealNotFound' });
  });
  it('refused for an appeal already lifted: AppealNotOpen', () => {
    const state = accountState([block(1, 1, '2026-01-01T00:00:00Z')], [appeal(3, 1, 'lifted')]);
    expect(canDecide(state, appeal(3, 1, 'lifted'), 'lift')).toMatchObject({ ok: false, reason: 'AppealNotOpen' });
    expect(canDecide(state, appeal(3, 1, 'lifted'), 'refuse')).toMatchObject({ ok: false, reason: 'AppealNotOpen' });
  });
  it('refused for an appeal already refused: AppealNotOpen', () => {
    const state = accountState([block(1, 1)], [appeal(3, 1, 'refused')]);
    expect(canDecide(state, appeal(3, 1, 'refused'), 'lift')).toMatchObject({ ok: false, reason: 'AppealNotOpen' });
  });
  it('refused for an open appeal of a block that is no longer current: AppealNotOpen', () => {
    const state = accountState([block(1, 1, '2026-01-01T00:00:00Z')], [appeal(3, 1)]);
    expect(canDecide(state, appeal(3, 1), 'lift')).toMatchObject({ ok: false, reason: 'AppealNotOpen' });
  });
  it('lifting anything once the account is permanently blocked: BlockPermanent (even a stray open appeal)', () => {
    const state = accountState([block(1, 1, '2026-01-01T00:00:00Z'), block(2, 2)], [appeal(3, 1, 'lifted'), appeal(4, 2)]);
    expect(canDecide(state, appeal(4, 2), 'lift')).toMatchObject({ ok: false, reason: 'BlockPermanent' });
    expect(canDecide(state, appeal(3, 1, 'lifted'), 'lift')).toMatchObject({ ok: false, reason: 'BlockPermanent' });
  });
  it('a stray open appeal on a permanent block may only be refused (closed)', () => {
    const state = accountState([block(1, 1, '2026-01-01T00:00:00Z'), block(2, 2)], [appeal(4, 2)]);
    expect(canDecide(state, appeal(4, 2), 'refuse')).toEqual({ ok: true, blockId: 2 });
  });
  it('every refusal carries a message', () => {
    const refusal = canAppeal(accountState([], []));
    expect(refusal.ok).toBe(false);
    if (!refusal.ok) expect(refusal.message).toMatch(/not blocked/);
  });
});

describe('summary', () => {
  it('active', () => expect(summary(accountState([], []))).toEqual({ blocked: false, permanent: false, canAppeal: false }));
  it('blocked', () => expect(summary(accountState([block(1, 1)], []))).toEqual({ blocked: true, permanent: false, canAppeal: true }));
  it('blocked with an open appeal', () => expect(summary(accountState([block(1, 1)], [appeal(2, 1)]))).toEqual({ blocked: true, permanent: false, canAppeal: false }));
  it('permanent', () => expect(summary(accountState([block(1, 1, 'x'), block(2, 2)], []))).toEqual({ blocked: true, permanent: true, canAppeal: false }));
});

describe('a whole life', () => {
  it('active → blocked → appeal → lifted → second block (permanent) → no appeal, no lift', () => {
    let blocks: BlockRow[] = [];
    let appeals: AppealRow[] = [];
    const b1 = canBlock(accountState(blocks, appeals));
    expect(b1).toMatchObject({ ok: true, ordinal: 1 });
    blocks = [block(1, 1)];
    expect(canAppeal(accountState(blocks, appeals)).ok).toBe(true);
    appeals = [appeal(10, 1)];
    expect(canDecide(accountState(blocks, appeals), appeals[0], 'refuse').ok).toBe(true);
    appeals = [appeal(10, 1, 'refused')];
    expect(canAppeal(accountState(blocks, appeals)).ok).toBe(true);
    appeals.push(appeal(11, 1));
    expect(canDecide(accountState(blocks, appeals), appeals[1], 'lift').ok).toBe(true);
    blocks = [block(1, 1, '2026-03-01T00:00:00Z')];
    appeals[1] = appeal(11, 1, 'lifted');
    expect(accountState(blocks, appeals)).toEqual({ kind: 'active', pastBlocks: 1 });
    expect(canBlock(accountState(blocks, appeals))).toEqual({ ok: true, ordinal: 2, permanent: true });
    blocks.push(block(2, 2));
    expect(canAppeal(accountState(blocks, appeals))).toMatchObject({ ok: false, reason: 'BlockPermanent' });
    expect(canBlock(accountState(blocks, appeals))).toMatchObject({ ok: false, reason: 'BlockPermanent' });
  });
});
