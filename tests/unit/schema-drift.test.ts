import fs from "node:fs";
import { renderSchema, SCHEMA_FILE } from "../../server/src/app/emit-schema";

describe("schema.graphql", () => {
  it("is exactly what the TypeGraphQL classes generate (run `npm run schema:emit` after changing the API)", async () => {
    expect(fs.readFileSync(SCHEMA_FILE, "utf8")).toBe(await renderSchema());
  });
});
