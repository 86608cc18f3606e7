import knexFactory, { type Knex } from 'knex';
import { createQueryMemo } from '../../../../src/lib/db/query-memo';

describe('createQueryMemo on SQLite', () => {
  let knex: Knex;
  beforeAll(async () => {
    knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    await knex.schema.createTable('items', (t) => {
      t.increments('id');
      t.string('name');
      t.bigInteger('at');
      t.boolean('on');
    });
    await knex('items').insert([
      { name: 'a', at: 1000, on: true },
      { name: 'b', at: 2000, on: false },
      { name: 'c', at: 3000, on: true },
    ]);
  });
  afterAll(() => knex.destroy());

  it('builds each shape once and binds fresh values (dates and booleans as SQLite stores them)', async () => {
    const run = createQueryMemo(() => knex);
    let built = 0;
    const build = ([after]: string[]) => {
      built += 1;
      return knex('items').select('name').where('at', '>', after).andWhere('on', true).orderBy('id');
    };
    expect((await run('after', [new Date(500)], build)).map((r) => r.name)).toEqual(['a', 'c']);
    expect((await run('after', [new Date(1500)], build)).map((r) => r.name)).toEqual(['c']);
    expect(built).toBe(1);
  });

  it("emits knex's query event for every run, so counting still sees them", async () => {
    const run = createQueryMemo(() => knex);
    const seen: string[] = [];
    const listener = (q: { sql: string }) => seen.push(q.sql);
    knex.on('query', listener);
    await run('names', [], () => knex('items').select('name'));
    await run('names', [], () => knex('items').select('name'));
    knex.off('query', listener);
    expect(seen).toHaveLength(2);
  });
});
