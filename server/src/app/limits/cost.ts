import {
  DocumentNode,
  GraphQLCompositeType,
  GraphQLNamedType,
  GraphQLSchema,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isObjectType,
  isInterfaceType,
} from "graphql";
import { ComplexityEstimator, getComplexity } from "graphql-query-complexity";
import { DEFAULT_PAGE_SIZE } from "../../common/pagination";

/** An unpaged list (an actor's measures, a network's members) is assumed to hold this many objects. */
export const UNPAGED_LIST_SIZE = DEFAULT_PAGE_SIZE;

function hasFields(t: GraphQLNamedType | GraphQLCompositeType, ...names: string[]): boolean {
  if (!isObjectType(t) && !isInterfaceType(t)) return false;
  const fields = t.getFields();
  return names.every((n) => n in fields);
}

/** Relay envelopes carry the objects but are not objects of the domain themselves. */
const isConnection = (t: GraphQLNamedType | GraphQLCompositeType) => hasFields(t, "pageInfo", "edges") || hasFields(t, "pageInfo", "nodes");
const isEdge = (t: GraphQLNamedType | GraphQLCompositeType) => hasFields(t, "cursor", "node");
const isPageInfo = (t: GraphQLNamedType | GraphQLCompositeType) => hasFields(t, "hasNextPage", "hasPreviousPage");

/** `first` as the server would use it; values below 1 count as 1, so a negative `first` cannot offset other costs. */
function pageSize(first: unknown): number {
  return typeof first === "number" && Number.isFinite(first) ? Math.max(1, Math.floor(first)) : DEFAULT_PAGE_SIZE;
}

/**
 * GitHub's node count: every object a query can return costs 1; a connection multiplies what one of its edges costs
 * by its `first`, an unpaged list by {@link UNPAGED_LIST_SIZE}, `nodes(ids)` by the number of ids. Scalars,
 * `pageInfo`, the connection and edge envelopes and introspection cost nothing.
 */
export const listSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (type.name.startsWith("__") || field.name.startsWith("__")) return 0;
  const named = getNamedType(field.type);
  if (isLeafType(named)) return 0;
  const self = isConnection(named) || isEdge(named) || isPageInfo(named) ? 0 : 1;
  const perItem = self + childComplexity;
  if (isConnection(named)) return pageSize(args.first) * perItem;
  // `edges` and `nodes` of a connection: the connection field has multiplied already.
  if (isListType(getNullableType(field.type)) && !isConnection(type)) {
    return (Array.isArray(args.ids) ? args.ids.length : UNPAGED_LIST_SIZE) * perItem;
  }
  return perItem;
};

export type CostResult = { cost: number } | { tooManyFields: true } | { unknown: true };

/**
 * The estimated cost of the operation that will run. `tooManyFields` when expanding fragments exceeded `maxFields`
 * (graphql-query-complexity's guard against fragment bombs); `unknown` when the variables do not fit the operation
 * (execution refuses those with BAD_USER_INPUT, so nothing runs).
 */
export function measureCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
  maxFields: number,
): CostResult {
  // Apollo hands out the same parsed document for the same query text, so the estimate is kept per document and
  // per operation name and variables: a client repeating its queries pays for the estimate once.
  let byArgs = costCache.get(document);
  if (!byArgs) costCache.set(document, (byArgs = new Map()));
  const key = `${operationName ?? ""}\u0000${maxFields}\u0000${JSON.stringify(variables ?? {})}`;
  const known = byArgs.get(key);
  if (known) return known;
  const result = estimate(schema, document, operationName, variables, maxFields);
  if (byArgs.size >= COST_CACHE_PER_DOCUMENT) byArgs.delete(byArgs.keys().next().value as string);
  byArgs.set(key, result);
  return result;
}

/** Estimates kept per document (oldest dropped first); the documents themselves are held weakly. */
const COST_CACHE_PER_DOCUMENT = 64;
const costCache = new WeakMap<DocumentNode, Map<string, CostResult>>();

function estimate(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
  maxFields: number,
): CostResult {
  try {
    return { cost: getComplexity({ schema, query: document, operationName, variables, estimators: [listSizeEstimator], maxQueryNodes: maxFields }) };
  } catch (e) {
    if (e instanceof Error && /maximum allowed number of nodes/.test(e.message)) return { tooManyFields: true };
    return { unknown: true };
  }
}
