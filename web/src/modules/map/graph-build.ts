import { MultiUndirectedGraph } from "graphology";
import type { NetworkGraphQuery } from "../../gql/graphql";

export type GraphPayload = NetworkGraphQuery["networkGraph"];
export type SizeBy = "measureCount" | "degree" | "betweenness";

/** One colour per actor kind (distinguishable for common colour-vision deficiencies; legend gives names). */
export const KIND_COLOURS: Record<string, string> = {
  PUBLIC_AUTHORITY: "#0b4f8a",
  MIGRATION_SERVICE: "#1b9e77",
  WELFARE_ASSOCIATION: "#d95f02",
  EDUCATION_PROVIDER: "#7570b3",
  EMPLOYMENT_SERVICE: "#66a61e",
  MUNICIPALITY: "#8c6d1f",
  MIGRANT_ORGANISATION: "#e7298a",
  VOLUNTEER_INITIATIVE: "#1f78b4",
  CHURCH: "#6a3d9a",
  ADVISORY_COUNCIL: "#b15928",
  OTHER: "#666666",
};

export const OVERLAP_COLOUR = "#d62728";
export const EDGE_COLOUR = "#b8c2cc";

/** Node size in pixels: square-root scaled so a provider with 30 offerings is not 30 times larger. */
export function nodeSize(node: GraphPayload["nodes"][number], sizeBy: SizeBy, max: number): number {
  const value = sizeBy === "betweenness" ? (node.betweenness ?? 0) : sizeBy === "degree" ? node.degree : node.measureCount;
  return 3 + 14 * Math.sqrt(max > 0 ? value / max : 0);
}

/**
 * Start positions, computed in O(n) before any layout: each community on its own circle around the
 * centre, so the first frame already shows the communities apart and ForceAtlas2 settles quickly.
 * `positions[2i]`, `positions[2i + 1]` are node i's x and y.
 */
export function seedPositions(payload: GraphPayload): Float32Array {
  const nodes = payload.nodes;
  const total = nodes.length;
  const communities = Math.max(1, payload.communityCount + 1);
  const positions = new Float32Array(2 * total);
  for (let i = 0; i < total; i++) {
    const angle = (2 * Math.PI * (nodes[i]!.community ?? communities - 1)) / communities;
    const jitter = (26 * Math.PI * i) / Math.max(1, total);
    const radius = 10 + (i % 7);
    positions[2 * i] = 40 * Math.cos(angle) + radius * Math.cos(jitter);
    positions[2 * i + 1] = 40 * Math.sin(angle) + radius * Math.sin(jitter);
  }
  return positions;
}

/**
 * The graphology graph with the nodes only (key = index in the payload), straight from the payload:
 * enough for the first frame. The links follow with addEdges(), in slices if the caller wants.
 */
export function buildNodeGraph(payload: GraphPayload, sizeBy: SizeBy, positions: Float32Array): MultiUndirectedGraph {
  const graph = new MultiUndirectedGraph();
  const nodes = payload.nodes;
  const max = nodes.reduce((m, n) => Math.max(m, sizeBy === "betweenness" ? (n.betweenness ?? 0) : sizeBy === "degree" ? n.degree : n.measureCount), 0);
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    graph.addNode(String(i), {
      x: positions[2 * i],
      y: positions[2 * i + 1],
      size: nodeSize(n, sizeBy, max),
      color: KIND_COLOURS[n.kind] ?? KIND_COLOURS["OTHER"],
      label: n.name,
      kind: n.kind,
    });
  }
  return graph;
}

/**
 * The order in which links are added to the drawn graph: overlaps last, so that they are drawn on top
 * of the other links without a z-index (sigma would sort every link on each update).
 */
export function edgeDrawOrder(payload: GraphPayload): Uint32Array {
  const overlapCode = payload.edgeKinds.indexOf("OVERLAP");
  const { edgeKind } = payload;
  const order = new Uint32Array(edgeKind.length);
  let front = 0;
  let back = edgeKind.length;
  for (let e = 0; e < edgeKind.length; e++) {
    if (edgeKind[e] === overlapCode) order[--back] = e;
    else order[front++] = e;
  }
  return order;
}

/** Adds the links order[from] … order[to - 1] of the payload's parallel arrays (key = index); overlaps red. */
export function addEdges(graph: MultiUndirectedGraph, payload: GraphPayload, order: Uint32Array, from: number, to: number): void {
  const overlapCode = payload.edgeKinds.indexOf("OVERLAP");
  const { edgeSource, edgeTarget, edgeKind, edgeWeight } = payload;
  for (let i = from; i < to; i++) {
    const e = order[i]!;
    const isOverlap = edgeKind[e] === overlapCode;
    graph.addEdgeWithKey(String(e), String(edgeSource[e]), String(edgeTarget[e]), {
      kind: payload.edgeKinds[edgeKind[e]!],
      weight: edgeWeight[e] ?? 1,
      size: isOverlap ? 2 : Math.min(4, 0.6 + 0.4 * (edgeWeight[e] ?? 1)),
      color: isOverlap ? OVERLAP_COLOUR : EDGE_COLOUR,
    });
  }
}

/** The nodes linked to node `index` (for highlighting a selection), from the payload, not the drawn graph. */
export function neighbourKeys(payload: GraphPayload, index: number): Set<string> {
  const keys = new Set<string>();
  const { edgeSource, edgeTarget } = payload;
  for (let e = 0; e < edgeSource.length; e++) {
    if (edgeSource[e] === index) keys.add(String(edgeTarget[e]));
    else if (edgeTarget[e] === index) keys.add(String(edgeSource[e]));
  }
  return keys;
}
