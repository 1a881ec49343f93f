import { readFileSync } from "fs";
import { join } from "path";
import { buildSchema, parse, validate } from "graphql";
import { exampleQuery } from "../../web/src/modules/console/console.example-query";

/** The first thing an analyst sees in /graphiql must run, not greet them with red squiggles. */
describe("the analyst console's example query", () => {
  it("is valid against schema.graphql", () => {
    const schema = buildSchema(readFileSync(join(__dirname, "..", "..", "schema.graphql"), "utf8"));
    const messages = validate(schema, parse(exampleQuery)).map((error) => error.message);
    expect(messages).toEqual([]);
  });
});
