import { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Info, InputType, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Context } from "../../app/context";
import { PUBLIC } from "../../common/auth-checker";
import { fieldSelection } from "../../common/field-selection";
import { ArchiveInput } from "../../common/inputs";
import { AuditEntry } from "../audit/audit.entity";
import { historyOf } from "../audit/audit.query";
import { Role } from "../auth/auth.enums";
import { can } from "../auth/auth.policy";
import { PageArgsType } from "../../common/page-args";
import { ConnectionResult, ConnectionType } from "../../common/pagination";
import { Cooperation } from "../cooperations/cooperation.entity";
import { Handler } from "../handlers/handler.entity";
import { Measure } from "../measures/measure.entity";
import { Membership } from "../networks/network.entity";
import { Municipality } from "../taxonomy/taxonomy.entity";
import { Actor, ContactPerson } from "./actor.entity";
import { ActorFilter, ActorOrder, ActorPayload, CreateActorInput, UpdateActorInput } from "./actor.inputs";
import { archiveActor, createActor, eraseContactPerson, getActor, listActors, updateActor } from "./actor.service";
import { ForbiddenError } from "../../common/errors";

@InputType()
class EraseContactPersonInput {
  @Field(() => ID)
  id!: string;
}

export const ActorConnection = ConnectionType(Actor, "Actor");

@ArgsType()
class ActorListArgs extends PageArgsType {
  @Field(() => ActorFilter, { nullable: true })
  filter?: ActorFilter | null;

  @Field(() => ActorOrder, { nullable: true })
  orderBy?: ActorOrder | null;
}

@Authorized()
@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => ActorConnection, { description: "Actors of the network, filtered, sorted and paged." })
  actors(@Args() args: ActorListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Actor>> {
    return listActors(ctx, args.filter ?? undefined, args.orderBy ?? undefined, args, fieldSelection(info, ["edges", "node"], ["nodes"]));
  }

  @Query(() => Actor, { description: "One actor by id (NOT_FOUND if there is none)." })
  actor(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Actor> {
    return getActor(ctx, id);
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => ActorPayload)
  async createActor(@Arg("input", () => CreateActorInput) input: CreateActorInput, @Ctx() ctx: Context): Promise<ActorPayload> {
    return { actor: await createActor(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER, Role.PARTNER)
  @Mutation(() => ActorPayload, { description: "Partners may change their own organisation only." })
  async updateActor(@Arg("input", () => UpdateActorInput) input: UpdateActorInput, @Ctx() ctx: Context): Promise<ActorPayload> {
    return { actor: await updateActor(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => ActorPayload, { description: "Archives (or, with archived: false, restores) an actor." })
  async archiveActor(@Arg("input", () => ArchiveInput) input: ArchiveInput, @Ctx() ctx: Context): Promise<ActorPayload> {
    return { actor: await archiveActor(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER, Role.PARTNER)
  @Mutation(() => ActorPayload, { description: "GDPR: removes a contact person and redacts their data in the audit trail." })
  async eraseContactPerson(@Arg("input", () => EraseContactPersonInput) input: EraseContactPersonInput, @Ctx() ctx: Context): Promise<ActorPayload> {
    return { actor: await eraseContactPerson(ctx, input.id) };
  }

  @Authorized(PUBLIC)
  @FieldResolver(() => Municipality, { nullable: true, description: "Where the organisation has its seat." })
  async municipality(@Root() actor: Actor, @Ctx() ctx: Context): Promise<Municipality | null> {
    return actor.municipalityId === null ? null : ((await ctx.loaders.municipalities()).get(actor.municipalityId) ?? null);
  }

  @Authorized(PUBLIC)
  @FieldResolver(() => [ContactPerson], { description: "E-mail and phone are only shown to the commissioner and to the actor's own partner account." })
  contactPersons(@Root() actor: Actor, @Ctx() ctx: Context): Promise<ContactPerson[]> {
    return ctx.loaders.contactsByActor.load(actor.rowId);
  }

  @Authorized(PUBLIC)
  @FieldResolver(() => [Measure], { description: "Measures this actor provides (not archived; anonymous visitors see published ones)." })
  async measures(@Root() actor: Actor, @Ctx() ctx: Context, @Info() info?: GraphQLResolveInfo): Promise<Measure[]> {
    const rows = await ctx.loaders.measuresByProvider(info ? fieldSelection(info) : null).load(actor.rowId);
    return rows.filter((m) => can.readMeasure(ctx.viewer, m));
  }

  @Authorized(PUBLIC)
  @FieldResolver(() => Int)
  async measureCount(@Root() actor: Actor, @Ctx() ctx: Context): Promise<number> {
    return (await this.measures(actor, ctx)).length;
  }

  @FieldResolver(() => [Measure], { description: "Measures of other providers this actor takes part in as a partner." })
  async partnerMeasures(@Root() actor: Actor, @Ctx() ctx: Context): Promise<Measure[]> {
    const ids = await ctx.loaders.partnerMeasureIds.load(actor.rowId);
    const rows = await ctx.loaders.measure.loadMany(ids);
    return rows.filter((m): m is Measure => m instanceof Measure && !m.archived && can.readMeasure(ctx.viewer, m));
  }

  @FieldResolver(() => [Handler], { description: "The kinds of individual case this actor is responsible for." })
  handlers(@Root() actor: Actor, @Ctx() ctx: Context): Promise<Handler[]> {
    return ctx.loaders.handlersByActor.load(actor.rowId);
  }

  @FieldResolver(() => [Membership], { description: "Seats in networks (Gremien)." })
  memberships(@Root() actor: Actor, @Ctx() ctx: Context): Promise<Membership[]> {
    return ctx.loaders.membershipsByActor.load(actor.rowId);
  }

  @FieldResolver(() => [Cooperation], { description: "Cooperations where this actor is on either side." })
  cooperations(@Root() actor: Actor, @Ctx() ctx: Context): Promise<Cooperation[]> {
    return ctx.loaders.cooperationsByActor.load(actor.rowId);
  }

  @FieldResolver(() => [AuditEntry], { description: "Change history, newest first (commissioner, and the actor's own partner account)." })
  async history(@Root() actor: Actor, @Ctx() ctx: Context): Promise<AuditEntry[]> {
    if (!can.readHistory(ctx.viewer, actor.rowId)) throw new ForbiddenError("You may not read this history");
    return historyOf(ctx, "Actor", actor.rowId);
  }
}

@Authorized(PUBLIC)
@Resolver(() => ContactPerson)
export class ContactPersonResolver {
  @FieldResolver(() => Actor)
  async actor(@Root() c: ContactPerson, @Ctx() ctx: Context): Promise<Actor | null> {
    return ctx.loaders.actor.load(c.actorId);
  }

  @FieldResolver(() => String, { nullable: true, description: "Personal data: null unless you are the commissioner or this actor's partner." })
  email(@Root() c: ContactPerson, @Ctx() ctx: Context): string | null {
    return can.readContactDetails(ctx.viewer, c.actorId) ? c.email : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Personal data: null unless you are the commissioner or this actor's partner." })
  phone(@Root() c: ContactPerson, @Ctx() ctx: Context): string | null {
    return can.readContactDetails(ctx.viewer, c.actorId) ? c.phone : null;
  }
}
