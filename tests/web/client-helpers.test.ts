import { toCsv } from "../../web/src/ui/csv";
import { tableOf } from "../../web/src/modules/analyst/flatten";
import { markShared, sharedStems } from "../../web/src/modules/overlaps/text-match";

describe("CSV export", () => {
  it("writes semicolon-separated UTF-8 with a byte-order mark, as German Excel opens it", () => {
    const csv = toCsv([{ title: "Sprachcafé; dienstags", places: 12 }], [
      { header: "Titel", value: (r: { title: string; places: number }) => r.title },
      { header: "Plätze", value: (r) => r.places },
    ]);
    expect(csv).toBe('\uFEFFTitel;Plätze\r\n"Sprachcafé; dienstags";12\r\n');
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    const csv = toCsv([{ v: "=HYPERLINK(\"x\")" }], [{ header: "v", value: (r: { v: string }) => r.v }]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe("any query result as a table", () => {
  it("takes the first connection's nodes and flattens nested fields into a.b columns", () => {
    const table = tableOf({ overlaps: { totalCount: 1, nodes: [{ score: 0.9, measureA: { title: "A", provider: { name: "P" } }, tags: ["x", "y"] }] } });
    expect(table?.columns).toEqual(["score", "measureA.title", "measureA.provider.name", "tags"]);
    expect(table?.rows[0]).toEqual({ score: "0.9", "measureA.title": "A", "measureA.provider.name": "P", tags: "x, y" });
  });

  it("reads edges' nodes and finds nothing in a result without a list", () => {
    expect(tableOf({ actors: { edges: [{ node: { name: "VHS" } }] } })?.rows).toEqual([{ name: "VHS" }]);
    expect(tableOf({ me: { email: "a@b.example" } })).toBeNull();
  });
});

describe("shared words in the overlap comparison", () => {
  it("matches German word forms and umlaut spellings, ignoring stop words", () => {
    const stems = sharedStems("Sprachcafé für geflüchtete Frauen", "Sprachtreff für Frauen mit Fluchterfahrung; Geflüchteten willkommen");
    const marked = markShared("Sprachcafé für geflüchtete Frauen", stems).filter((r) => r.shared).map((r) => r.text);
    expect(marked).toEqual(["geflüchtete", "Frauen"]);
  });
});
