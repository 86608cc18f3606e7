import { createBatchLoader } from '../../../../src/lib/short-urls/batch-loader';

describe('createBatchLoader', () => {
  it('loads the keys asked for in one tick with one call', async () => {
    const calls: string[][] = [];
    const load = createBatchLoader(async (keys: string[]) => {
      calls.push(keys);
      return new Map(keys.map((k) => [k, k.toUpperCase()]));
    });
    const values = await Promise.all(['a', 'b', 'a', 'c'].map((k) => load(k)));
    expect(values).toEqual(['A', 'B', 'A', 'C']);
    expect(calls).toEqual([['a', 'b', 'c']]);
  });

  it('starts a new batch for later keys and answers undefined for missing ones', async () => {
    let calls = 0;
    const load = createBatchLoader(async (keys: string[]) => {
      calls++;
      return new Map(keys.filter((k) => k !== 'none').map((k) => [k, k.length]));
    });
    expect(await load('one')).toBe(3);
    expect(await load('none')).toBeUndefined();
    expect(calls).toBe(2);
  });

  it('passes a failed load on to every caller of the batch', async () => {
    const load = createBatchLoader<string, number>(async () => {
      throw new Error('db down');
    });
    await expect(Promise.all([load('a'), load('b')])).rejects.toThrow('db down');
  });
});
