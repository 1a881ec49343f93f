import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Context } from "../../app/context";
import { Role } from "../auth/auth.enums";
import { ArchiveInput } from "../../common/inputs";
import { PageArgsType } from "../../common/page-args";
import { ConnectionResult, ConnectionType } from "../../common/pagination";
import { Actor } from "../actors/actor.entity";
import { Cooperation } from "./cooperation.entity";
import { CooperationFilter, CooperationOrder, CooperationPayload, CreateCooperationInput, UpdateCooperationInput } from "./cooperation.inputs";
import { archiveCooperation, createCooperation, getCooperation, listCooperations, updateCooperation } from "./cooperation.service";

export const CooperationConnection = ConnectionType(Cooperation, "Cooperation");

@ArgsType()
class CooperationListArgs extends PageArgsType {
  @Field(() => CooperationFilter, { nullable: true })
  filter?: CooperationFilter | null;

  @Field(() => CooperationOrder, { nullable: true })
  orderBy?: CooperationOrder | null;
}

@Authorized()
@Resolver(() => Cooperation)
export class CooperationResolver {
  @Query(() => CooperationConnection, { description: "Cooperations between actors, filtered, sorted and paged." })
  cooperations(@Args() args: CooperationListArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Cooperation>> {
    return listCooperations(ctx, args.filter ?? undefined, args.orderBy ?? undefined, args);
  }

  @Query(() => Cooperation)
  cooperation(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Cooperation> {
    return getCooperation(ctx, id);
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => CooperationPayload)
  async createCooperation(@Arg("input", () => CreateCooperationInput) input: CreateCooperationInput, @Ctx() ctx: Context): Promise<CooperationPayload> {
    return { cooperation: await createCooperation(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => CooperationPayload)
  async updateCooperation(@Arg("input", () => UpdateCooperationInput) input: UpdateCooperationInput, @Ctx() ctx: Context): Promise<CooperationPayload> {
    return { cooperation: await updateCooperation(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => CooperationPayload, { description: "Archives (or, with archived: false, restores) a cooperation." })
  async archiveCooperation(@Arg("input", () => ArchiveInput) input: ArchiveInput, @Ctx() ctx: Context): Promise<CooperationPayload> {
    return { cooperation: await archiveCooperation(ctx, input) };
  }

  @FieldResolver(() => Actor)
  actorA(@Root() c: Cooperation, @Ctx() ctx: Context): Promise<Actor | null> {
    return ctx.loaders.actor.load(c.actorAId);
  }

  @FieldResolver(() => Actor)
  actorB(@Root() c: Cooperation, @Ctx() ctx: Context): Promise<Actor | null> {
    return ctx.loaders.actor.load(c.actorBId);
  }
}
