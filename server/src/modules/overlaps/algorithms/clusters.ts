/**
 * Overlap clusters: three or more offerings that all overlap each other are shown as one cluster instead of three
 * or more separate pairs.
 *
 * A cluster is a *maximal clique* of the overlap graph, not a connected component: overlapping is not transitive.
 * A county-wide café overlaps one in Lörrach and one in Schopfheim, but those two do not overlap each other, so the
 * three are two pairs, not a cluster. Cliques can share members (an offering can sit in two clusters); each
 * cluster is a set of offerings that pairwise serve the same need for the same people in the same place and time.
 * Both kinds of finding count as edges: a data-entry duplicate of an offering that overlaps a third one still
 * belongs to the same cluster.
 *
 * Maximal cliques are found with Bron–Kerbosch with pivoting per connected component; overlap graphs are sparse,
 * so this stays fast (a safety cap stops pathological inputs).
 */
import { OverlapFinding, Taxonomy } from "./types";

export interface OverlapCluster {
  /** Stable identity: the sorted member ids joined with "-". */
  key: string;
  memberIds: number[];
  /** Number of findings among the members (n·(n−1)/2 for a clique). */
  findingCount: number;
  /** Whether any member pair is a same-actor duplicate. */
  includesDuplicates: boolean;
  minScore: number;
  meanScore: number;
  /** Field keys shared by every pair of the cluster. */
  fields: string[];
  /** German summary, e.g. "3 Angebote überschneiden sich paarweise: Sprache". */
  explanation: string;
}

export interface ClusterOptions {
  /** Smallest cluster reported; default 3. */
  minSize?: number;
  /** Stops after this many cliques (protects against adversarial graphs); default 100 000. */
  maxClusters?: number;
  /** For the German field names in the explanation. */
  taxonomy?: Taxonomy;
}

function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

export function findClusters(findings: readonly OverlapFinding[], options: ClusterOptions = {}): OverlapCluster[] {
  const minSize = options.minSize ?? 3;
  const maxClusters = options.maxClusters ?? 100_000;
  const adjacency = new Map<number, Set<number>>();
  const byPair = new Map<string, OverlapFinding>();
  for (const f of findings) {
    if (f.aId === f.bId) continue;
    byPair.set(pairKey(f.aId, f.bId), f);
    for (const [x, y] of [
      [f.aId, f.bId],
      [f.bId, f.aId],
    ]) {
      let set = adjacency.get(x);
      if (!set) adjacency.set(x, (set = new Set()));
      set.add(y);
    }
  }

  const cliques: number[][] = [];
  const seen = new Set<number>();
  for (const start of adjacency.keys()) {
    if (seen.has(start)) continue;
    // Connected component of `start`.
    const component: number[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const v = stack.pop() as number;
      component.push(v);
      for (const w of adjacency.get(v) ?? []) {
        if (!seen.has(w)) {
          seen.add(w);
          stack.push(w);
        }
      }
    }
    if (component.length < minSize) continue;
    bronKerbosch([], new Set(component), new Set(), adjacency, minSize, cliques, maxClusters);
    if (cliques.length >= maxClusters) break;
  }

  const clusters = cliques.map((members) => {
    const sorted = [...members].sort((x, y) => x - y);
    const pairs: OverlapFinding[] = [];
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const f = byPair.get(pairKey(sorted[i], sorted[j]));
        if (f) pairs.push(f);
      }
    }
    const scores = pairs.map((p) => p.score);
    let fields = pairs[0]?.shared.fields ?? [];
    for (const p of pairs) fields = fields.filter((k) => p.shared.fields.includes(k));
    const names = fields.map((k) => options.taxonomy?.fieldNames.get(k) ?? k);
    return {
      key: sorted.join("-"),
      memberIds: sorted,
      findingCount: pairs.length,
      includesDuplicates: pairs.some((p) => p.kind === "SAME_ACTOR_DUPLICATE"),
      minScore: Math.min(...scores),
      meanScore: Math.round((scores.reduce((x, y) => x + y, 0) / scores.length) * 10_000) / 10_000,
      fields,
      explanation: `${sorted.length} Angebote überschneiden sich paarweise${names.length ? `: ${names.join(", ")}` : ""}`,
    };
  });
  return clusters.sort((x, y) => y.memberIds.length - x.memberIds.length || y.meanScore - x.meanScore || (x.key < y.key ? -1 : 1));
}

/** Bron–Kerbosch with pivot: reports every maximal clique R (with |R| ≥ minSize) extending `r` within P, excluding X. */
function bronKerbosch(
  r: number[],
  p: Set<number>,
  x: Set<number>,
  adjacency: Map<number, Set<number>>,
  minSize: number,
  out: number[][],
  maxClusters: number,
): void {
  if (out.length >= maxClusters) return;
  if (p.size === 0 && x.size === 0) {
    if (r.length >= minSize) out.push([...r]);
    return;
  }
  if (r.length + p.size < minSize) return;
  let pivot = -1;
  let best = -1;
  for (const u of [...p, ...x]) {
    const neighbours = adjacency.get(u) as Set<number>;
    let count = 0;
    for (const v of p) if (neighbours.has(v)) count++;
    if (count > best) {
      best = count;
      pivot = u;
    }
  }
  const pivotNeighbours = adjacency.get(pivot) ?? new Set<number>();
  for (const v of [...p]) {
    if (pivotNeighbours.has(v)) continue;
    const neighbours = adjacency.get(v) as Set<number>;
    const nextP = new Set<number>();
    for (const w of p) if (neighbours.has(w)) nextP.add(w);
    const nextX = new Set<number>();
    for (const w of x) if (neighbours.has(w)) nextX.add(w);
    r.push(v);
    bronKerbosch(r, nextP, nextX, adjacency, minSize, out, maxClusters);
    r.pop();
    p.delete(v);
    x.add(v);
  }
}
