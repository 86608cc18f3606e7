// Where documents point at a photo, read from the database metadata: each path from a content
// type's table through its component and dynamic-zone join tables to a photo relation's join
// table. The photo embargo asks "does any published document use this photo?" along them.

export interface JoinTableMeta {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn?: { name: string };
  morphColumn?: { idColumn: { name: string }; typeColumn: { name: string } };
  on?: { field?: string };
  pivotColumns?: string[];
}

export interface AttributeMeta {
  type: string;
  relation?: string;
  target?: string;
  joinTable?: JoinTableMeta;
}

export interface ModelMeta {
  tableName: string;
  attributes: Record<string, AttributeMeta>;
}

/** One join: `table.from` holds the id reached so far, `table.to` the next id (the photo's on the last hop). */
export interface Hop {
  table: string;
  from: string;
  to: string;
  /** Column = value conditions (the component join tables' `field` and `component_type`). */
  where: Record<string, string>;
}

export interface ReferencePath {
  /** The content type whose rows (draft or published) hold the reference. */
  rootUid: string;
  rootTable: string;
  /** Attribute names from the root, for messages and tests ("body.link.thumbnail"). */
  via: string;
  hops: Hop[];
}

export interface ReferenceModel {
  /** uid → table and attributes (Strapi's `strapi.db.metadata`). */
  models: Record<string, ModelMeta>;
  /** uid → dynamic-zone attribute → the components it allows (from the schemas: metadata does not list them). */
  dynamicZones: Record<string, Record<string, string[]>>;
  /** uids that are components (reached only through a parent's join table). */
  components: Set<string>;
}

const MAX_DEPTH = 6;
const COMPONENT_TYPE = 'component_type';

/** Every path from a content type (not a component, not the photo type itself) to `photoUid`. */
export function photoReferencePaths(model: ReferenceModel, photoUid: string): ReferencePath[] {
  const paths: ReferencePath[] = [];
  for (const [uid, meta] of Object.entries(model.models)) {
    if (uid === photoUid || model.components.has(uid)) continue;
    walk(model, photoUid, uid, uid, meta.tableName, [], [], new Set([uid]), paths);
  }
  return paths;
}

function walk(
  model: ReferenceModel,
  photoUid: string,
  rootUid: string,
  uid: string,
  rootTable: string,
  hops: Hop[],
  via: string[],
  seen: Set<string>,
  out: ReferencePath[],
) {
  const meta = model.models[uid];
  if (!meta || hops.length >= MAX_DEPTH) return;
  for (const [name, attribute] of Object.entries(meta.attributes)) {
    const jt = attribute.joinTable;
    if (attribute.type !== 'relation' || !jt) continue;
    if (attribute.target === photoUid && jt.inverseJoinColumn) {
      out.push({ rootUid, rootTable, via: [...via, name].join('.'), hops: [...hops, { table: jt.name, from: jt.joinColumn.name, to: jt.inverseJoinColumn.name, where: {} }] });
      continue;
    }
    const field = jt.on?.field;
    if (!field) continue; // a relation to another content type: its own rows count for it
    if (jt.morphColumn) {
      for (const component of model.dynamicZones[uid]?.[name] ?? []) {
        if (seen.has(component)) continue;
        const hop = { table: jt.name, from: jt.joinColumn.name, to: jt.morphColumn.idColumn.name, where: { field, [jt.morphColumn.typeColumn.name]: component } };
        walk(model, photoUid, rootUid, component, rootTable, [...hops, hop], [...via, name], new Set([...seen, component]), out);
      }
    } else if (attribute.target && model.components.has(attribute.target) && jt.inverseJoinColumn && !seen.has(attribute.target)) {
      const where: Record<string, string> = { field };
      if (jt.pivotColumns?.includes(COMPONENT_TYPE)) where[COMPONENT_TYPE] = attribute.target;
      const hop = { table: jt.name, from: jt.joinColumn.name, to: jt.inverseJoinColumn.name, where };
      walk(model, photoUid, rootUid, attribute.target, rootTable, [...hops, hop], [...via, name], new Set([...seen, attribute.target]), out);
    }
  }
}
