import { FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode, ValidationRule } from "graphql";
import { LimitsConfig } from "../../config";
import { LimitError } from "./limit-error";

/** What the limits measure about one operation, with every fragment spread inlined where it is used. */
export interface DocumentMeasures {
  /** Deepest field; a root field is at depth 1. The inside of `__schema`/`__type` is not counted. */
  depth: number;
  aliases: number;
  directives: number;
  /** The most fields in one selection set (duplicates count). */
  selections: number;
  /** Every field the operation expands to. */
  fields: number;
}

interface SetMeasures {
  depth: number;
  aliases: number;
  directives: number;
  /** Fields of this selection set itself, inline fragments and spreads included. */
  width: number;
  /** The widest selection set at or below this one. */
  widest: number;
  fields: number;
}

const NONE: SetMeasures = { depth: 0, aliases: 0, directives: 0, width: 0, widest: 0, fields: 0 };
const INTROSPECTION_ROOTS = new Set(["__schema", "__type"]);

/**
 * Measures every operation of a document. Fragments are measured once and their figures reused at each spread, so
 * a "fragment bomb" (each fragment spreading the next twice) costs linear time here while its figures grow as the
 * server would have to work. A fragment cycle counts as nothing (graphql-js refuses it with its own rule).
 */
export function measureOperations(
  definitions: readonly (OperationDefinitionNode | FragmentDefinitionNode | { kind: string })[],
): Map<OperationDefinitionNode, DocumentMeasures> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set((d as FragmentDefinitionNode).name.value, d as FragmentDefinitionNode);
  const memo = new Map<string, SetMeasures | "measuring">();

  const fragment = (name: string): SetMeasures => {
    const known = memo.get(name);
    if (known === "measuring") return NONE;
    if (known) return known;
    const def = fragments.get(name);
    if (!def) return NONE;
    memo.set(name, "measuring");
    const inner = selectionSet(def.selectionSet);
    const measured = { ...inner, directives: inner.directives + (def.directives?.length ?? 0) };
    memo.set(name, measured);
    return measured;
  };

  const selectionSet = (set: SelectionSetNode): SetMeasures => {
    const m = { ...NONE };
    const inline = (child: SetMeasures) => {
      m.depth = Math.max(m.depth, child.depth);
      m.aliases += child.aliases;
      m.directives += child.directives;
      m.width += child.width;
      m.widest = Math.max(m.widest, child.widest);
      m.fields += child.fields;
    };
    for (const sel of set.selections) {
      m.directives += sel.directives?.length ?? 0;
      if (sel.kind === Kind.FIELD) {
        m.width += 1;
        m.fields += 1;
        if (sel.alias) m.aliases += 1;
        if (!sel.selectionSet) {
          m.depth = Math.max(m.depth, 1);
          continue;
        }
        const child = selectionSet(sel.selectionSet);
        m.depth = Math.max(m.depth, 1 + (INTROSPECTION_ROOTS.has(sel.name.value) ? 0 : child.depth));
        m.aliases += child.aliases;
        m.directives += child.directives;
        m.widest = Math.max(m.widest, child.widest);
        m.fields += child.fields;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        inline(selectionSet(sel.selectionSet));
      } else {
        inline(fragment(sel.name.value));
      }
    }
    m.widest = Math.max(m.widest, m.width);
    return m;
  };

  const result = new Map<OperationDefinitionNode, DocumentMeasures>();
  for (const d of definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const op = d as OperationDefinitionNode;
    const m = selectionSet(op.selectionSet);
    const ownDirectives = (op.directives?.length ?? 0) + (op.variableDefinitions ?? []).reduce((n, v) => n + (v.directives?.length ?? 0), 0);
    result.set(op, { depth: m.depth, aliases: m.aliases, directives: m.directives + ownDirectives, selections: m.widest, fields: m.fields });
  }
  return result;
}

/**
 * Depth, aliases, directives and selections per selection set, checked while the document is validated. The whole
 * document is measured when validation enters it, so these refusals come before graphql-js's own errors about
 * the same document (unknown directives of a directive flood, for instance), and the limits plugin keeps only them.
 */
export function documentLimitsRule(limits: Pick<LimitsConfig, "depth" | "aliases" | "directives" | "selections">): ValidationRule {
  return (context) => ({
    Document(doc) {
      for (const m of measureOperations(doc.definitions).values()) {
        const over: [LimitError["limitName"], number, number][] = [
          ["depth", m.depth, limits.depth],
          ["aliases", m.aliases, limits.aliases],
          ["directives", m.directives, limits.directives],
          ["selections", m.selections, limits.selections],
        ];
        for (const [name, measured, limit] of over) {
          if (measured > limit) context.reportError(new LimitError(name, measured, limit));
        }
      }
      return false;
    },
  });
}
