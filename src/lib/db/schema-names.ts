// Table and column names for hand-written SQL, taken from Strapi's database metadata
// (strapi.db.metadata) so a fast path cannot drift from the schema; and the boot check that
// names every field a fast path needs and the schema no longer has.

export interface JoinTableMeta {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn?: { name: string };
  morphColumn?: { idColumn: { name: string }; typeColumn: { name: string } };
  on?: Record<string, string>;
  pivotColumns?: string[];
}
export interface ModelMeta {
  tableName: string;
  attributes: Record<string, { columnName?: string; joinTable?: JoinTableMeta } | undefined>;
}
/** strapi.db.metadata.get, or a stand-in in unit tests. */
export type MetadataLookup = (uid: string) => ModelMeta | undefined;

/** A lookup over Strapi's metadata map (strapi.db.metadata), which also holds join-table models. */
export function metadataLookup(metadata: { get(uid: never): unknown; has(uid: string): boolean }): MetadataLookup {
  // Strapi's typings force this: get() only admits content-type uids, while join tables are keyed by table name.
  return (uid) => (metadata.has(uid) ? (metadata.get(uid as never) as ModelMeta) : undefined);
}

/** What a fast path reads: a column, a to-one relation's join table, a media field's morph table, a component's join table. */
export type FieldNeed = { uid: string; attribute: string; as: 'column' | 'relation' | 'media' | 'component' };

export class SchemaDriftError extends Error {}

export interface MorphTable {
  name: string;
  fileColumn: string;
  ownerIdColumn: string;
  ownerTypeColumn: string;
  fieldColumn: string;
  orderColumn: string;
}
export interface ComponentTable {
  name: string;
  ownerColumn: string;
  componentColumn: string;
  typeColumn: string;
  /** Column/value pairs that pick this attribute's rows (the `field` column). */
  on: Record<string, string>;
}

export function schemaNames(lookup: MetadataLookup) {
  const model = (uid: string): ModelMeta => {
    const meta = lookup(uid);
    if (!meta) throw new SchemaDriftError(`${uid} no longer exists`);
    return meta;
  };
  const attribute = (uid: string, name: string) => {
    const found = model(uid).attributes[name];
    if (!found) throw new SchemaDriftError(`${uid}.${name} no longer exists`);
    return found;
  };
  const column = (uid: string, name: string): string => {
    const found = attribute(uid, name).columnName;
    if (!found) throw new SchemaDriftError(`${uid}.${name} is not a column (a relation or component now?)`);
    return found;
  };
  const joinTable = (uid: string, name: string): JoinTableMeta & { inverseJoinColumn: { name: string } } => {
    const table = attribute(uid, name).joinTable;
    if (!table?.inverseJoinColumn) throw new SchemaDriftError(`${uid}.${name} is not a relation with a join table`);
    return table as JoinTableMeta & { inverseJoinColumn: { name: string } };
  };
  return {
    table: (uid: string) => model(uid).tableName,
    column,
    joinTable,
    /** The morph table behind a media field's file side (plugin::upload.file.related). */
    morphTable(uid: string, name: string): MorphTable {
      const table = attribute(uid, name).joinTable;
      if (!table?.morphColumn) throw new SchemaDriftError(`${uid}.${name} is not a polymorphic relation`);
      const pivot = lookup(table.name);
      const fieldColumn = pivot?.attributes.field?.columnName;
      const orderColumn = pivot?.attributes.order?.columnName;
      if (!fieldColumn || !orderColumn) throw new SchemaDriftError(`${uid}.${name}'s morph table ${table.name} has no field/order columns`);
      return {
        name: table.name,
        fileColumn: table.joinColumn.name,
        ownerIdColumn: table.morphColumn.idColumn.name,
        ownerTypeColumn: table.morphColumn.typeColumn.name,
        fieldColumn,
        orderColumn,
      };
    },
    /** A component field's join table (entity → component rows). */
    componentTable(uid: string, name: string): ComponentTable {
      const table = joinTable(uid, name);
      const known = new Set([table.joinColumn.name, table.inverseJoinColumn.name, ...Object.keys(table.on ?? {})]);
      const typeColumn = table.pivotColumns?.find((c) => !known.has(c));
      if (!typeColumn) throw new SchemaDriftError(`${uid}.${name} is not a component`);
      return { name: table.name, ownerColumn: table.joinColumn.name, componentColumn: table.inverseJoinColumn.name, typeColumn, on: table.on ?? {} };
    },
  };
}

export type SchemaNames = ReturnType<typeof schemaNames>;

/** One line per field a fast path needs that the schema lacks (empty when all are there). */
export function missingFields(lookup: MetadataLookup, needs: readonly FieldNeed[]): string[] {
  const names = schemaNames(lookup);
  const missing: string[] = [];
  for (const need of needs) {
    try {
      if (need.as === 'column') names.column(need.uid, need.attribute);
      else if (need.as === 'relation') names.joinTable(need.uid, need.attribute);
      else if (need.as === 'media') names.morphTable(need.uid, need.attribute);
      else names.componentTable(need.uid, need.attribute);
    } catch (error) {
      if (!(error instanceof SchemaDriftError)) throw error;
      missing.push(error.message);
    }
  }
  return [...new Set(missing)];
}

/** Shorthand for lists of needs: columns('api::x.x', ['title', 'slug']). */
export const columns = (uid: string, attributes: string[]): FieldNeed[] => attributes.map((attribute) => ({ uid, attribute, as: 'column' }));
