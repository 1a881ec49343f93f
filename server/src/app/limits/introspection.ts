import { DocumentNode, FragmentDefinitionNode, GraphQLError, Kind, OperationDefinitionNode, SelectionSetNode } from "graphql";
import { IntrospectionPolicy } from "../../config";
import { Role } from "../../modules/auth/auth.enums";
import { Viewer } from "../../modules/auth/viewer";

const INTROSPECTION_FIELDS = new Set(["__schema", "__type"]);

/** Whether the operation asks for the schema (`__schema` or `__type`, also inside fragments). `__typename` does not count. */
export function usesIntrospection(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): boolean =>
    set.selections.some((sel) => {
      if (sel.kind === Kind.FIELD) return INTROSPECTION_FIELDS.has(sel.name.value) || (sel.selectionSet ? walk(sel.selectionSet) : false);
      if (sel.kind === Kind.INLINE_FRAGMENT) return walk(sel.selectionSet);
      if (seen.has(sel.name.value)) return false;
      seen.add(sel.name.value);
      const def = fragments.get(sel.name.value);
      return def ? walk(def.selectionSet) : false;
    });
  return walk(operation.selectionSet);
}

/** `roles`: analysts and the commissioner, who use GraphiQL; partners and visitors work through the web client. */
export function mayIntrospect(policy: IntrospectionPolicy, viewer: Viewer | null): boolean {
  if (policy === "all") return true;
  if (policy === "off") return false;
  return viewer?.role === Role.ANALYST || viewer?.role === Role.COMMISSIONER;
}

/**
 * Anonymous visitors are told to log in (UNAUTHENTICATED, HTTP 401) when logging in as an analyst would help;
 * everyone else is refused with FORBIDDEN (HTTP 403).
 */
export function introspectionRefusal(policy: IntrospectionPolicy, viewer: Viewer | null): GraphQLError {
  if (!viewer && policy === "roles") {
    return new GraphQLError("Introspection is only available to analysts and the commissioner; please log in", {
      extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
    });
  }
  const message = policy === "off" ? "Introspection is switched off on this server" : "Introspection is only available to analysts and the commissioner";
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN", http: { status: 403 } } });
}
