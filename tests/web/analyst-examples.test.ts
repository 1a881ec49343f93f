import { readFileSync } from "fs";
import { join } from "path";
import { buildSchema, parse, validate } from "graphql";
import { analystExamples } from "../../web/src/modules/analyst/analyst.examples";

/** Every example on the analysis page must run as shown, in the console and in the CSV tool. */
describe("the analysis page's example queries", () => {
  const schema = buildSchema(readFileSync(join(__dirname, "..", "..", "schema.graphql"), "utf8"));

  it.each(analystExamples.map((e) => [e.id, e.query]))("%s is valid against schema.graphql", (_id, query) => {
    expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
  });
});
