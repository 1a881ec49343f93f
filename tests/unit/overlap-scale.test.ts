import { OverlapIndex } from "../../server/src/modules/overlaps/algorithms/detector";
import { generateMeasures } from "../../server/src/modules/overlaps/algorithms/generate";
import { describePart, mergeCorpus, partitionByPlace } from "../../server/src/modules/overlaps/algorithms/parallel";
import { OverlapFinding } from "../../server/src/modules/overlaps/algorithms/types";

// Generated German measures (several counties), as `npm run bench:overlaps` uses them at scale.
const { measures, taxonomy } = generateMeasures({ n: 3000, seed: 20260101 });
const byPair = (x: OverlapFinding, y: OverlapFinding) => x.aId - y.aId || x.bId - y.bId;

describe("overlap detection at scale", () => {
  const index = OverlapIndex.build(measures, taxonomy);
  const fast = index.findAll();
  const fastRun = index.lastRun!;

  it("finds, scores and explains exactly what comparing every pair finds", () => {
    // The full run compares candidates row by row (dense row vectors); the exhaustive reference compares every
    // pair with the pairwise similarity. Every field of every finding must agree, scores to the last bit.
    expect(fast.length).toBeGreaterThan(1000);
    expect(fast).toEqual(index.findAll({ exhaustive: true }));
  });

  it("gives the same findings when the measures are indexed in parts and the parts share their corpus statistics", () => {
    const partition = partitionByPlace(measures, 2);
    if ("reason" in partition) throw new Error(partition.reason);
    expect(partition.parts).toHaveLength(2);
    // Each part indexes its measures alone (as a worker thread does), then adopts the whole corpus's statistics.
    const parts = partition.parts.map((positions) => OverlapIndex.build(Array.from(positions, (i) => measures[i]), taxonomy));
    const corpus = mergeCorpus(parts.map(describePart), partition.parts);
    const found: OverlapFinding[] = [];
    let candidatePairs = 0;
    parts.forEach((part, p) => {
      part.textModel.adoptCorpus({ ...corpus, globalIdOf: corpus.globalIdOf[p] });
      candidatePairs += part.scan((f) => found.push(f)).candidatePairs;
    });
    expect(found.sort(byPair)).toEqual(fast);
    expect(candidatePairs).toBe(fastRun.candidatePairs);
  });

  it("does not partition measures that serve the whole county", () => {
    expect(partitionByPlace([...measures, { ...measures[0], id: 99_999, countyWide: true }], 2)).toEqual({ reason: "county-wide measures connect every place" });
  });
});
