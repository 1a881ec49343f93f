import { OverlapIndex } from "../../server/src/modules/overlaps/algorithms/detector";
import { fixtureMeasures, fixtureTaxonomy, OVERLAP_PAIRS } from "../fixtures/overlap-pairs";

/**
 * Precision and recall of flagged overlaps on the labelled pairs. A pair counts as found only when it is flagged
 * with the expected kind (a cross-actor overlap reported as a data-entry duplicate is a miss and a false alarm).
 * All fixture measures form one corpus, as in a county: IDF weights come from all of them.
 */
describe("overlap detection quality on labelled German pairs", () => {
  const { measures, pairs } = fixtureMeasures();
  const index = OverlapIndex.build(measures, fixtureTaxonomy());
  const findings = new Map(index.findAll().map((f) => [`${f.aId}:${f.bId}`, f]));

  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const mistakes: string[] = [];
  for (const { aId, bId, pair } of pairs) {
    const predicted = findings.get(`${aId}:${bId}`)?.kind ?? null;
    if (predicted && predicted === pair.expected) truePositives++;
    if (predicted && predicted !== pair.expected) falsePositives++;
    if (pair.expected && predicted !== pair.expected) falseNegatives++;
    if (predicted !== pair.expected) {
      const e = index.evaluate(aId, bId);
      mistakes.push(`${pair.category}: "${pair.a.title}" / "${pair.b.title}" expected ${pair.expected}, got ${predicted} (${e.explanation})`);
    }
  }
  const precision = truePositives / Math.max(1, truePositives + falsePositives);
  const recall = truePositives / Math.max(1, truePositives + falseNegatives);

  it("has the required mix of labelled pairs", () => {
    const count = (category: string) => OVERLAP_PAIRS.filter((p) => p.category === category).length;
    expect(OVERLAP_PAIRS.length).toBeGreaterThanOrEqual(130);
    expect(count("cross")).toBeGreaterThanOrEqual(35);
    expect(count("duplicate")).toBeGreaterThanOrEqual(15);
    const hardNegatives = ["target-group", "ages", "municipalities", "time", "field"].reduce((n, c) => n + count(c), 0);
    expect(hardNegatives).toBeGreaterThanOrEqual(60);
    expect(count("text")).toBeGreaterThan(0);
  });

  it("flags overlaps with precision and recall of at least 0.9", () => {
    console.log(`overlap quality: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)} on ${pairs.length} pairs`);
    if (mistakes.length) console.log(`misclassified pairs:\n${mistakes.join("\n")}`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
