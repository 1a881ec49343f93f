import { Arg, Authorized, Ctx, ID, Query, Resolver } from "type-graphql";
import { PUBLIC } from "../../common/auth-checker";
import { Context } from "../../app/context";
import { MAX_ID_LIST } from "../../common/inputs";
import { UserInputError } from "../../common/errors";
import { Node } from "../../common/node";
import { fetchNode } from "./node.service";

/** Relay object identification: any object by its global id. Unknown ids resolve to null, as Relay expects. */
@Authorized(PUBLIC)
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any object by its global id; null if there is none." })
  node(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    return fetchNode(ctx, id);
  }

  @Query(() => [Node], { nullable: "items", description: "Several objects by global id, in the same order; null where there is none." })
  nodes(@Arg("ids", () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<(Node | null)[]> {
    if (ids.length > MAX_ID_LIST) throw new UserInputError([{ path: "ids", message: `may name at most ${MAX_ID_LIST} ids` }]);
    return Promise.all(ids.map((id) => fetchNode(ctx, id)));
  }
}
