// Writes rows straight into Strapi's tables in bulk, naming every table and column from
// strapi.db.metadata, so the benchmark seed follows the content model instead of guessing it.
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

interface JoinColumn {
  name: string;
}
interface JoinTable {
  name: string;
  joinColumn: JoinColumn;
  inverseJoinColumn?: JoinColumn;
  morphColumn?: { idColumn: JoinColumn; typeColumn: JoinColumn };
  on?: Record<string, string>;
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}
interface Attribute {
  type: string;
  columnName?: string;
  joinTable?: JoinTable;
  target?: string;
}
interface Meta {
  tableName: string;
  attributes: Record<string, Attribute>;
}

export type Row = Record<string, unknown>;

/** Most bound parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_BINDINGS = 30000;

export class BulkWriter {
  private readonly nextIds = new Map<string, number>();
  private readonly pending = new Map<string, { columns: string[]; rows: unknown[][] }>();
  readonly sqlite: boolean;
  rowsWritten = 0;

  constructor(private readonly strapi: Core.Strapi, private readonly knex: Knex) {
    this.sqlite = (strapi.db.dialect as unknown as { client: string }).client === 'sqlite';
  }

  meta(uid: string): Meta {
    const meta = this.strapi.db.metadata.get(uid) as unknown as Meta | undefined;
    if (!meta) throw new Error(`No database metadata for ${uid}`);
    return meta;
  }

  attribute(uid: string, name: string): Attribute {
    const attribute = this.meta(uid).attributes[name];
    if (!attribute) throw new Error(`${uid} has no attribute "${name}"`);
    return attribute;
  }

  has(uid: string, name: string): boolean {
    return Boolean(this.meta(uid).attributes[name]);
  }

  /** Reserves the next primary key of a table (read once from the table, then counted here). */
  async nextId(table: string): Promise<number> {
    let next = this.nextIds.get(table);
    if (next === undefined) {
      const row = (await this.knex(table).max({ max: 'id' }).first()) as { max: number | string | null } | undefined;
      next = Number(row?.max ?? 0) + 1;
    }
    this.nextIds.set(table, next + 1);
    return next;
  }

  /** Queues a row of a content type or component, given by attribute names; returns its id. */
  async entity(uid: string, values: Row): Promise<number> {
    const meta = this.meta(uid);
    const id = await this.nextId(meta.tableName);
    const row: Row = { id };
    for (const [name, value] of Object.entries(values)) {
      const attribute = meta.attributes[name];
      if (!attribute?.columnName) throw new Error(`${uid}.${name} is not a column`);
      row[attribute.columnName] = value;
    }
    // What the Document Service would fill in: the schema's defaults (comment switches, for instance).
    for (const [name, attribute] of Object.entries(meta.attributes) as Array<[string, { columnName?: string; default?: unknown }]>) {
      if (attribute.columnName && !(name in values) && attribute.default !== undefined && typeof attribute.default !== 'function') row[attribute.columnName] = attribute.default;
    }
    this.queue(meta.tableName, row);
    return id;
  }

  /** Links a row to a target row through a relation's link table (`*_lnk`). */
  async relate(uid: string, name: string, fromId: number, toId: number, order?: { order?: number; inverseOrder?: number }) {
    const joinTable = this.attribute(uid, name).joinTable;
    if (!joinTable?.inverseJoinColumn) throw new Error(`${uid}.${name} is not a relation with a link table`);
    const row: Row = { id: await this.nextId(joinTable.name), [joinTable.joinColumn.name]: fromId, [joinTable.inverseJoinColumn.name]: toId };
    if (joinTable.orderColumnName) row[joinTable.orderColumnName] = order?.order ?? 1;
    if (joinTable.inverseOrderColumnName) row[joinTable.inverseOrderColumnName] = order?.inverseOrder ?? 1;
    this.queue(joinTable.name, row);
  }

  /** Attaches a component row to its owner through the owner's `*_cmps` table (component or dynamic zone). */
  async attach(uid: string, name: string, ownerId: number, componentUid: string, componentId: number, order: number | null) {
    const attribute = this.attribute(uid, name);
    const joinTable = attribute.joinTable;
    if (!joinTable) throw new Error(`${uid}.${name} is not a component or dynamic zone`);
    const cmpColumn = joinTable.morphColumn?.idColumn.name ?? joinTable.inverseJoinColumn?.name;
    if (!cmpColumn) throw new Error(`${uid}.${name}: no component id column`);
    const row: Row = {
      id: await this.nextId(joinTable.name),
      [joinTable.joinColumn.name]: ownerId,
      [cmpColumn]: componentId,
      [joinTable.morphColumn?.typeColumn.name ?? 'component_type']: componentUid,
      ...(joinTable.on ?? {}),
      order,
    };
    this.queue(joinTable.name, row);
  }

  /** Attaches a media file to a row (the upload plugin's `files_related_mph`). */
  async media(uid: string, field: string, ownerId: number, fileId: number) {
    const joinTable = this.attribute('plugin::upload.file', 'related').joinTable;
    if (!joinTable?.morphColumn) throw new Error('The upload plugin has no related morph table');
    this.queue(joinTable.name, {
      id: await this.nextId(joinTable.name),
      [joinTable.joinColumn.name]: fileId,
      [joinTable.morphColumn.idColumn.name]: ownerId,
      [joinTable.morphColumn.typeColumn.name]: uid,
      field,
      order: 1,
    });
  }

  private queue(table: string, row: Row) {
    let batch = this.pending.get(table);
    if (!batch) {
      batch = { columns: Object.keys(row), rows: [] };
      this.pending.set(table, batch);
    }
    if (Object.keys(row).length !== batch.columns.length) throw new Error(`Rows for ${table} must all have the same columns`);
    batch.rows.push(batch.columns.map((c) => this.value(row[c])));
  }

  private value(v: unknown): unknown {
    if (v === undefined) return null;
    // Strapi stores SQLite datetimes as epoch milliseconds and booleans as 0/1.
    if (this.sqlite && v instanceof Date) return v.getTime();
    if (this.sqlite && typeof v === 'boolean') return v ? 1 : 0;
    return v;
  }

  /** Writes every queued row in one transaction, as multi-row INSERTs. */
  async flush() {
    const batches = [...this.pending.entries()];
    this.pending.clear();
    await this.knex.transaction(async (trx) => {
      for (const [table, { columns, rows }] of batches) {
        const perStatement = Math.max(1, Math.floor(MAX_BINDINGS / columns.length));
        const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
        const tuple = `(${columns.map(() => '?').join(', ')})`;
        for (let i = 0; i < rows.length; i += perStatement) {
          const chunk = rows.slice(i, i + perStatement);
          await trx.raw(head + new Array(chunk.length).fill(tuple).join(', '), chunk.flat() as Knex.RawBinding[]);
        }
        this.rowsWritten += rows.length;
      }
    });
  }

  /** PostgreSQL: moves each sequence past the ids written here. SQLite's AUTOINCREMENT follows by itself. */
  async fixSequences() {
    if (this.sqlite) return;
    for (const table of this.nextIds.keys()) {
      await this.knex.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT COALESCE(MAX(id), 1) FROM ??))`, [table, table]);
    }
  }
}
