import { ArgsType, Field, Int } from "type-graphql";

@ArgsType()
export class PageArgsType {
  @Field(() => Int, { nullable: true, description: "Page size, 1–100 (default 20)." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "The `endCursor` of the previous page." })
  after?: string | null;
}
