import type { GraphPayload } from "./graph-build";

/** Values per node and per link in ForceAtlas2's byte arrays (graphology-layout-forceatlas2's layout). */
const PPN = 10;
const PPE = 3;

export type LayoutSettings = {
  linLogMode: boolean;
  outboundAttractionDistribution: boolean;
  adjustSizes: boolean;
  edgeWeightInfluence: number;
  scalingRatio: number;
  strongGravityMode: boolean;
  gravity: number;
  slowDown: number;
  barnesHutOptimize: boolean;
  barnesHutTheta: number;
};

/** Message to the layout worker: the byte arrays (transferred) and how long and how often to report. */
export type LayoutStart = { nodes: Float32Array; edges: Float32Array; settings: LayoutSettings; durationMs: number; reportMs: number };
/** Message from the layout worker: x and y of every node (`xy[2i]`, `xy[2i + 1]`); `done` on the last one. */
export type LayoutReport = { xy: Float32Array; done: boolean };

/** graphology-layout-forceatlas2's inferSettings(), with a stronger slow-down so the picture moves calmly. */
export function layoutSettings(order: number): LayoutSettings {
  return {
    linLogMode: false,
    outboundAttractionDistribution: false,
    adjustSizes: false,
    edgeWeightInfluence: 1,
    scalingRatio: 10,
    strongGravityMode: true,
    gravity: 0.05,
    slowDown: 5,
    barnesHutOptimize: order > 300,
    barnesHutTheta: 0.5,
  };
}

/**
 * ForceAtlas2's byte arrays straight from the payload's parallel arrays and the start positions, in
 * O(nodes + links) with no graph in between (what graphToByteArrays() would build from a graphology
 * copy). A node's mass is 1 + its weighted degree; a link's source and target are byte offsets.
 */
export function layoutMatrices(payload: GraphPayload, positions: Float32Array, sizes: ArrayLike<number>): { nodes: Float32Array; edges: Float32Array } {
  const n = payload.nodes.length;
  const { edgeSource, edgeTarget, edgeWeight } = payload;
  const nodes = new Float32Array(n * PPN);
  for (let i = 0; i < n; i++) {
    const j = i * PPN;
    nodes[j] = positions[2 * i]!;
    nodes[j + 1] = positions[2 * i + 1]!;
    nodes[j + 6] = 1;
    nodes[j + 7] = 1;
    nodes[j + 8] = sizes[i] ?? 1;
  }
  const edges = new Float32Array(edgeSource.length * PPE);
  for (let e = 0; e < edgeSource.length; e++) {
    const s = edgeSource[e]! * PPN;
    const t = edgeTarget[e]! * PPN;
    const w = edgeWeight[e] ?? 1;
    nodes[s + 6]! += w;
    nodes[t + 6]! += w;
    edges[e * PPE] = s;
    edges[e * PPE + 1] = t;
    edges[e * PPE + 2] = w;
  }
  return { nodes, edges };
}

/** Node i's position out of the byte array, two numbers per node. */
export function positionsOf(nodes: Float32Array): Float32Array {
  const n = nodes.length / PPN;
  const xy = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    xy[2 * i] = nodes[i * PPN]!;
    xy[2 * i + 1] = nodes[i * PPN + 1]!;
  }
  return xy;
}
