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
 * Builds the graphology graph straight from the parallel arrays: no per-edge objects in between.
 * Start positions: each community on its own circle around the centre, so ForceAtlas2 starts near
 * a sensible layout and settles quickly.
 */
export function buildGraph(payload: GraphPayload, sizeBy: SizeBy): MultiUndirectedGraph {
  const graph = new MultiUndirectedGraph();
  const nodes = payload.nodes;
  const max = nodes.reduce((m, n) => Math.max(m, sizeBy === "betweenness" ? (n.betweenness ?? 0) : sizeBy === "degree" ? n.degree : n.measureCount), 0);
  const communities = Math.max(1, payload.communityCount + 1);
  const total = nodes.length;
  for (let i = 0; i < total; i++) {
    const n = nodes[i]!;
    const community = n.community ?? communities - 1;
    const angle = (2 * Math.PI * community) / communities;
    const jitter = (2 * Math.PI * i) / Math.max(1, total);
    const radius = 10 + (i % 7);
    graph.addNode(String(i), {
      x: 40 * Math.cos(angle) + radius * Math.cos(jitter * 13),
      y: 40 * Math.sin(angle) + radius * Math.sin(jitter * 13),
      size: nodeSize(n, sizeBy, max),
      color: KIND_COLOURS[n.kind] ?? KIND_COLOURS["OTHER"],
      label: n.name,
      kind: n.kind,
    });
  }
  const overlapCode = payload.edgeKinds.indexOf("OVERLAP");
  const { edgeSource, edgeTarget, edgeKind, edgeWeight } = payload;
  for (let e = 0; e < edgeSource.length; e++) {
    const isOverlap = edgeKind[e] === overlapCode;
    graph.addEdge(String(edgeSource[e]), String(edgeTarget[e]), {
      kind: payload.edgeKinds[edgeKind[e]!],
      weight: edgeWeight[e] ?? 1,
      size: isOverlap ? 2 : Math.min(4, 0.6 + 0.4 * (edgeWeight[e] ?? 1)),
      color: isOverlap ? OVERLAP_COLOUR : EDGE_COLOUR,
      zIndex: isOverlap ? 1 : 0,
    });
  }
  return graph;
}
