import { FieldNode, GraphQLObjectType, GraphQLResolveInfo, Kind, SelectionSetNode, getNamedType, isObjectType } from "graphql";

/**
 * Which fields of an object type one place in an operation reads, e.g. the `Measure` fields under an actor's
 * `measures`. A list or loader that returns entities straight to GraphQL can then skip the columns behind the
 * type's other fields (see `compileEntity`).
 */
export interface FieldSelection {
  /** The fields the GraphQL type has. */
  readonly exposed: ReadonlySet<string>;
  /** The fields the operation selects there (every fragment and inline fragment counted, whatever its type condition). */
  readonly selected: ReadonlySet<string>;
}

/**
 * Kept per field occurrence of a parsed document (Apollo reuses the parsed document of a known query, so its nodes
 * are the same objects request after request), per merged set of nodes and per path.
 */
const cache = new WeakMap<FieldNode, { nodes: readonly FieldNode[]; key: string; selection: FieldSelection | null }[]>();

/**
 * The selection on the object type reached from the resolving field through `paths` (for a connection:
 * `["edges", "node"]` and `["nodes"]`, merged). Null when that is not one object type.
 */
export function fieldSelection(info: GraphQLResolveInfo, ...paths: string[][]): FieldSelection | null {
  const nodes = info.fieldNodes;
  const key = paths.map((p) => p.join(".")).join("|");
  let known = cache.get(nodes[0]);
  if (!known) cache.set(nodes[0], (known = []));
  const hit = known.find((k) => k.key === key && k.nodes.length === nodes.length && k.nodes.every((n, i) => n === nodes[i]));
  if (hit) return hit.selection;
  const selection = measure(info, paths);
  known.push({ nodes: [...nodes], key, selection });
  return selection;
}

function measure(info: GraphQLResolveInfo, paths: string[][]): FieldSelection | null {
  let type: GraphQLObjectType | null = null;
  const selected = new Set<string>();
  for (const path of paths.length ? paths : [[]]) {
    let sets: SelectionSetNode[] = info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
    let current = getNamedType(info.returnType);
    for (const step of path) {
      if (!isObjectType(current)) return null;
      const field = current.getFields()[step];
      if (!field) return null;
      current = getNamedType(field.type);
      sets = sets.flatMap((s) => fieldsOf(s, info)).flatMap((f) => (f.name.value === step && f.selectionSet ? [f.selectionSet] : []));
    }
    if (!isObjectType(current) || (type && type !== current)) return null;
    type = current;
    for (const s of sets) for (const f of fieldsOf(s, info)) selected.add(f.name.value);
  }
  return type ? { exposed: new Set(Object.keys(type.getFields())), selected } : null;
}

/** The fields of a selection set with fragments and inline fragments flattened in. */
function fieldsOf(set: SelectionSetNode, info: GraphQLResolveInfo, seen = new Set<string>()): FieldNode[] {
  const out: FieldNode[] = [];
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) out.push(sel);
    else if (sel.kind === Kind.INLINE_FRAGMENT) out.push(...fieldsOf(sel.selectionSet, info, seen));
    else if (!seen.has(sel.name.value)) {
      seen.add(sel.name.value);
      const fragment = info.fragments[sel.name.value];
      if (fragment) out.push(...fieldsOf(fragment.selectionSet, info, seen));
    }
  }
  return out;
}
