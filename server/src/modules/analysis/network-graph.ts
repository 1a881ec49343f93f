import { UndirectedGraph } from "graphology";
import louvain from "graphology-communities-louvain";
import betweennessCentrality from "graphology-metrics/centrality/betweenness";
import { isActiveOn, periodContains } from "./analysis.rules";
import {
  AnalysisActor,
  AnalysisCooperation,
  AnalysisMeasure,
  AnalysisMeasurePartner,
  AnalysisMembership,
  AnalysisOverlapLink,
  CooperationKindValue,
  IsoDate,
} from "./analysis.types";

/**
 * The network map: actors as nodes, and an edge for each way two actors are tied.
 *
 * Edge kinds (the legend is fixed, so a kind's code never changes between requests):
 * - COOPERATION_<KIND>: a recorded cooperation of that kind, current on the reference date when it has a period.
 * - SHARED_MEMBERSHIP: both are current members of the same network (Gremium); weight = number of shared networks.
 *   Every network becomes a clique, so a body with 40 members adds 780 edges.
 * - CO_PROVIDED_MEASURE: both run the same active measure (provider and partners, pairwise); weight = number of
 *   such measures.
 * - OVERLAP: an overlap between offerings of the two (the caller chooses which review states to pass).
 * Two actors tied in several ways get one edge per kind (kept distinct, never merged); each edge's weight counts
 * the underlying links of that kind (two referral cooperations between the same pair weigh 2).
 *
 * Metrics run on the simple graph behind these edges (one link per tied pair):
 * - degree: number of distinct actors tied to the actor by any kind;
 * - betweenness: normalised (0..1) shortest-path betweenness on hop distance, ignoring weights (brokers between
 *   otherwise separate parts of the network score high);
 * - community: Louvain on the pair weights (the sum of all kinds' weights), seeded so the same input gives the
 *   same communities; numbered 0, 1, … in order of each community's first node; isolated actors have none (null);
 * - measureCount: active measures the actor runs as provider (partnerships not counted).
 *
 * The payload is compact for large maps (thousands of nodes, tens of thousands of edges): nodes in one array (the
 * index is the node's handle), edges as parallel number arrays `source`, `target`, `kind` (index into `edgeKinds`)
 * and `weight`, ordered by source, target, kind with source < target. The web client can wrap them in typed arrays.
 */

export const NETWORK_EDGE_KINDS = [
  "COOPERATION_REFERRAL",
  "COOPERATION_JOINT_MEASURE",
  "COOPERATION_FUNDING",
  "COOPERATION_AGREEMENT",
  "COOPERATION_INFORMATION_EXCHANGE",
  "SHARED_MEMBERSHIP",
  "CO_PROVIDED_MEASURE",
  "OVERLAP",
] as const;

export type NetworkEdgeKind = (typeof NETWORK_EDGE_KINDS)[number];

const COOPERATION_EDGE_KIND: Record<CooperationKindValue, NetworkEdgeKind> = {
  REFERRAL: "COOPERATION_REFERRAL",
  JOINT_MEASURE: "COOPERATION_JOINT_MEASURE",
  FUNDING: "COOPERATION_FUNDING",
  AGREEMENT: "COOPERATION_AGREEMENT",
  INFORMATION_EXCHANGE: "COOPERATION_INFORMATION_EXCHANGE",
};

const KIND_CODE = new Map<NetworkEdgeKind, number>(NETWORK_EDGE_KINDS.map((k, i) => [k, i]));

export type NetworkGraphMeasure = Pick<AnalysisMeasure, "id" | "providerId" | "status" | "archived" | "startDate" | "endDate">;

export interface NetworkGraphInput {
  actors: readonly AnalysisActor[];
  measures?: readonly NetworkGraphMeasure[];
  partners?: readonly AnalysisMeasurePartner[];
  cooperations?: readonly AnalysisCooperation[];
  memberships?: readonly AnalysisMembership[];
  overlaps?: readonly AnalysisOverlapLink[];
}

export interface NetworkGraphOptions {
  /** Decides which memberships, cooperations and measures are current. */
  referenceDate: IsoDate;
  /** Only these edge kinds (default: all). Degree, betweenness, communities and isolation follow the choice. */
  edgeKinds?: readonly NetworkEdgeKind[];
  /** Only these actors (e.g. after a filter by kind or place); edges to others are dropped. */
  actorIds?: readonly number[];
  /** Archived actors are left out unless this is true. */
  includeArchived?: boolean;
  /** Seed of Louvain's random order (default 1). */
  seed?: number;
  /** Louvain resolution (default 1; higher = smaller communities). */
  resolution?: number;
  /**
   * Compute betweenness (default true). It is exact Brandes, O(actors × ties): about 3.5 s for 5,000 actors and
   * 20,000 ties, against well under 0.3 s for everything else; a caller serving very large views may switch it
   * off (betweenness is then null) or cache the payload, which depends only on the rows and the reference date.
   */
  betweenness?: boolean;
}

export interface NetworkGraphNode {
  id: number;
  name: string;
  kind: string;
  degree: number;
  /** null when switched off by `options.betweenness`. */
  betweenness: number | null;
  community: number | null;
  measureCount: number;
}

/** Parallel arrays: edge i joins nodes[source[i]] and nodes[target[i]] with kind edgeKinds[kind[i]]. */
export interface NetworkGraphEdges {
  source: number[];
  target: number[];
  kind: number[];
  weight: number[];
}

export interface NetworkGraphPayload {
  /** Legend for `edges.kind`: always the full list, so codes are stable. */
  edgeKinds: NetworkEdgeKind[];
  /** Ordered by actor id; a node's index is its handle in `edges` and `isolated`. */
  nodes: NetworkGraphNode[];
  edges: NetworkGraphEdges;
  /** Indexes of actors without any tie. */
  isolated: number[];
  communityCount: number;
  /** Louvain modularity of the partition (0 for a graph without edges). */
  modularity: number;
}

/** mulberry32: a small seeded PRNG, so Louvain visits nodes in the same "random" order on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildNetworkGraph(input: NetworkGraphInput, options: NetworkGraphOptions): NetworkGraphPayload {
  const allowedActors = options.actorIds ? new Set(options.actorIds) : null;
  const actors = input.actors
    .filter((a) => (options.includeArchived || !a.archived) && (!allowedActors || allowedActors.has(a.id)))
    .slice()
    .sort((a, b) => a.id - b.id);
  const n = actors.length;
  const indexOf = new Map(actors.map((a, i) => [a.id, i]));
  const kinds = new Set<NetworkEdgeKind>(options.edgeKinds ?? NETWORK_EDGE_KINDS);
  const K = NETWORK_EDGE_KINDS.length;

  // (lo, hi, kind) → number of underlying links, keyed as one integer (lo * n + hi) * K + kind.
  const links = new Map<number, number>();
  const link = (aId: number, bId: number, kind: NetworkEdgeKind, count = 1): void => {
    if (!kinds.has(kind)) return;
    const a = indexOf.get(aId);
    const b = indexOf.get(bId);
    if (a === undefined || b === undefined || a === b) return;
    const key = ((a < b ? a : b) * n + (a < b ? b : a)) * K + KIND_CODE.get(kind)!;
    links.set(key, (links.get(key) ?? 0) + count);
  };
  /** Links every pair of a group of actor ids (a network's members, a measure's providers). */
  const linkAll = (ids: Iterable<number>, kind: NetworkEdgeKind): void => {
    const members = [...new Set(ids)].filter((id) => indexOf.has(id));
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) link(members[i], members[j], kind);
  };

  for (const c of input.cooperations ?? []) {
    if (periodContains(c.startDate, c.endDate, options.referenceDate)) link(c.actorAId, c.actorBId, COOPERATION_EDGE_KIND[c.kind]);
  }

  const networkMembers = new Map<number, number[]>();
  for (const m of input.memberships ?? []) {
    if (!periodContains(m.since, m.until, options.referenceDate)) continue;
    const list = networkMembers.get(m.networkId) ?? [];
    list.push(m.actorId);
    networkMembers.set(m.networkId, list);
  }
  for (const members of networkMembers.values()) linkAll(members, "SHARED_MEMBERSHIP");

  const measureCount = new Uint32Array(n);
  const runners = new Map<number, number[]>();
  for (const m of input.measures ?? []) {
    if (!isActiveOn(m, options.referenceDate)) continue;
    const provider = indexOf.get(m.providerId);
    if (provider !== undefined) measureCount[provider]++;
    runners.set(m.id, [m.providerId]);
  }
  for (const p of input.partners ?? []) runners.get(p.measureId)?.push(p.actorId);
  for (const ids of runners.values()) if (ids.length > 1) linkAll(ids, "CO_PROVIDED_MEASURE");

  for (const o of input.overlaps ?? []) link(o.aActorId, o.bActorId, "OVERLAP");

  const keys = [...links.keys()].sort((a, b) => a - b);
  const edges: NetworkGraphEdges = { source: [], target: [], kind: [], weight: [] };
  const pairWeight = new Map<number, number>();
  for (const key of keys) {
    const kind = key % K;
    const pair = (key - kind) / K;
    const weight = links.get(key)!;
    edges.source.push(Math.floor(pair / n));
    edges.target.push(pair % n);
    edges.kind.push(kind);
    edges.weight.push(weight);
    pairWeight.set(pair, (pairWeight.get(pair) ?? 0) + weight);
  }

  const graph = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (let i = 0; i < n; i++) graph.addNode(String(i));
  for (const [pair, weight] of pairWeight) graph.addEdge(String(Math.floor(pair / n)), String(pair % n), { weight });

  // Without edges every betweenness is 0 (and graphology's Brandes cannot run on an empty graph).
  let betweenness: Record<string, number> = {};
  let rawCommunities: Record<string, number> = {};
  let modularity = 0;
  if (graph.size > 0) {
    if (options.betweenness !== false) betweenness = betweennessCentrality(graph, { getEdgeWeight: null, normalized: true });
    const detailed = louvain.detailed(graph, {
      getEdgeWeight: "weight",
      rng: seededRandom(options.seed ?? 1),
      resolution: options.resolution ?? 1,
    });
    rawCommunities = detailed.communities;
    modularity = detailed.modularity;
  }

  const renumbered = new Map<number, number>();
  const isolated: number[] = [];
  const nodes = actors.map((actor, i): NetworkGraphNode => {
    const key = String(i);
    const degree = graph.degree(key);
    let community: number | null = null;
    if (degree === 0) isolated.push(i);
    else {
      const raw = rawCommunities[key];
      if (!renumbered.has(raw)) renumbered.set(raw, renumbered.size);
      community = renumbered.get(raw)!;
    }
    return {
      id: actor.id,
      name: actor.name,
      kind: actor.kind,
      degree,
      betweenness: options.betweenness === false ? null : Math.round((betweenness[key] ?? 0) * 1e6) / 1e6,
      community,
      measureCount: measureCount[i],
    };
  });

  return {
    edgeKinds: [...NETWORK_EDGE_KINDS],
    nodes,
    edges,
    isolated,
    communityCount: renumbered.size,
    modularity,
  };
}
