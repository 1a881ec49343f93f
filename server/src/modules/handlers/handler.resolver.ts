import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Context } from "../../app/context";
import { PUBLIC } from "../../common/auth-checker";
import { Role } from "../auth/auth.enums";
import { ArchiveInput } from "../../common/inputs";
import { PageArgsType } from "../../common/page-args";
import { ConnectionResult, ConnectionType } from "../../common/pagination";
import { Actor } from "../actors/actor.entity";
import { FieldOfAction, Municipality, TargetGroup } from "../taxonomy/taxonomy.entity";
import { Handler } from "./handler.entity";
import { CreateHandlerInput, HandlerFilter, HandlerOrder, HandlerPayload, UpdateHandlerInput } from "./handler.inputs";
import { archiveHandler, createHandler, getHandler, listHandlers, updateHandler } from "./handler.service";

export const HandlerConnection = ConnectionType(Handler, "Handler");

@ArgsType()
class HandlerListArgs extends PageArgsType {
  @Field(() => HandlerFilter, { nullable: true })
  filter?: HandlerFilter | null;

  @Field(() => HandlerOrder, { nullable: true })
  orderBy?: HandlerOrder | null;
}

@Authorized()
@Resolver(() => Handler)
export class HandlerResolver {
  @Query(() => HandlerConnection, { description: "Responsibilities (Zuständigkeiten), filtered, sorted and paged." })
  handlers(@Args() args: HandlerListArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Handler>> {
    return listHandlers(ctx, args.filter ?? undefined, args.orderBy ?? undefined, args);
  }

  @Query(() => Handler)
  handler(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Handler> {
    return getHandler(ctx, id);
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => HandlerPayload)
  async createHandler(@Arg("input", () => CreateHandlerInput) input: CreateHandlerInput, @Ctx() ctx: Context): Promise<HandlerPayload> {
    return { handler: await createHandler(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => HandlerPayload)
  async updateHandler(@Arg("input", () => UpdateHandlerInput) input: UpdateHandlerInput, @Ctx() ctx: Context): Promise<HandlerPayload> {
    return { handler: await updateHandler(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => HandlerPayload, { description: "Archives (or, with archived: false, restores) a handler." })
  async archiveHandler(@Arg("input", () => ArchiveInput) input: ArchiveInput, @Ctx() ctx: Context): Promise<HandlerPayload> {
    return { handler: await archiveHandler(ctx, input) };
  }

  @Authorized(PUBLIC)
  @FieldResolver(() => Actor)
  actor(@Root() h: Handler, @Ctx() ctx: Context): Promise<Actor | null> {
    return ctx.loaders.actor.load(h.actorId);
  }

  @Authorized(PUBLIC)
  @FieldResolver(() => FieldOfAction, { description: "The case type." })
  async fieldOfAction(@Root() h: Handler, @Ctx() ctx: Context): Promise<FieldOfAction | undefined> {
    return (await ctx.loaders.fields()).get(h.fieldOfActionId);
  }

  @Authorized(PUBLIC)
  @FieldResolver(() => [TargetGroup], { description: "Empty = every target group." })
  async targetGroups(@Root() h: Handler, @Ctx() ctx: Context): Promise<TargetGroup[]> {
    const [ids, rows] = await Promise.all([ctx.loaders.handlerTargetGroupIds.load(h.rowId), ctx.loaders.targetGroups()]);
    return ids.map((id) => rows.get(id)).filter((r): r is TargetGroup => r !== undefined);
  }

  @Authorized(PUBLIC)
  @FieldResolver(() => [Municipality], { description: "Empty when county-wide." })
  async municipalities(@Root() h: Handler, @Ctx() ctx: Context): Promise<Municipality[]> {
    const [ids, rows] = await Promise.all([ctx.loaders.handlerMunicipalityIds.load(h.rowId), ctx.loaders.municipalities()]);
    return ids.map((id) => rows.get(id)).filter((r): r is Municipality => r !== undefined);
  }
}
