import { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { Context } from "../../app/context";
import { PUBLIC } from "../../common/auth-checker";
import { fieldSelection } from "../../common/field-selection";
import { ForbiddenError } from "../../common/errors";
import { ArchiveInput } from "../../common/inputs";
import { AuditEntry } from "../audit/audit.entity";
import { historyOf } from "../audit/audit.query";
import { Role } from "../auth/auth.enums";
import { can } from "../auth/auth.policy";
import { PageArgsType } from "../../common/page-args";
import { ConnectionResult, ConnectionType } from "../../common/pagination";
import { Actor } from "../actors/actor.entity";
import { FieldOfAction, Municipality, TargetGroup } from "../taxonomy/taxonomy.entity";
import { Measure } from "./measure.entity";
import {
  ConfirmMeasureInput,
  CreateMeasureInput,
  MeasureFilter,
  MeasureOrder,
  MeasurePartnerInput,
  MeasurePayload,
  UpdateMeasureInput,
} from "./measure.inputs";
import { archiveMeasure, changeMeasurePartner, confirmMeasure, createMeasure, getMeasure, listMeasures, updateMeasure } from "./measure.service";

export const MeasureConnection = ConnectionType(Measure, "Measure");

@ArgsType()
class MeasureListArgs extends PageArgsType {
  @Field(() => MeasureFilter, { nullable: true })
  filter?: MeasureFilter | null;

  @Field(() => MeasureOrder, { nullable: true })
  orderBy?: MeasureOrder | null;
}

async function pick<T>(ids: number[], table: Promise<Map<number, T>>): Promise<T[]> {
  const rows = await table;
  return ids.map((id) => rows.get(id)).filter((r): r is T => r !== undefined);
}

/** The catalogue is public (published measures only, when the deployment allows anonymous access). */
@Authorized(PUBLIC)
@Resolver(() => Measure)
export class MeasureResolver {
  @Query(() => MeasureConnection, { description: "Measures (offerings), filtered, sorted and paged." })
  measures(@Args() args: MeasureListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Measure>> {
    return listMeasures(ctx, args.filter ?? undefined, args.orderBy ?? undefined, args, fieldSelection(info, ["edges", "node"], ["nodes"]));
  }

  @Query(() => Measure, { description: "One measure by id (NOT_FOUND if there is none)." })
  measure(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Measure> {
    return getMeasure(ctx, id);
  }

  @Authorized(Role.COMMISSIONER, Role.PARTNER)
  @Mutation(() => MeasurePayload)
  async createMeasure(@Arg("input", () => CreateMeasureInput) input: CreateMeasureInput, @Ctx() ctx: Context): Promise<MeasurePayload> {
    return { measure: await createMeasure(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER, Role.PARTNER)
  @Mutation(() => MeasurePayload)
  async updateMeasure(@Arg("input", () => UpdateMeasureInput) input: UpdateMeasureInput, @Ctx() ctx: Context): Promise<MeasurePayload> {
    return { measure: await updateMeasure(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER, Role.PARTNER)
  @Mutation(() => MeasurePayload, { description: "Archives (or, with archived: false, restores) a measure." })
  async archiveMeasure(@Arg("input", () => ArchiveInput) input: ArchiveInput, @Ctx() ctx: Context): Promise<MeasurePayload> {
    return { measure: await archiveMeasure(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER, Role.PARTNER)
  @Mutation(() => MeasurePayload, { description: "Confirms the measure is still offered as described." })
  async confirmMeasure(@Arg("input", () => ConfirmMeasureInput) input: ConfirmMeasureInput, @Ctx() ctx: Context): Promise<MeasurePayload> {
    return { measure: await confirmMeasure(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER, Role.PARTNER)
  @Mutation(() => MeasurePayload)
  async addMeasurePartner(@Arg("input", () => MeasurePartnerInput) input: MeasurePartnerInput, @Ctx() ctx: Context): Promise<MeasurePayload> {
    return { measure: await changeMeasurePartner(ctx, input, true) };
  }

  @Authorized(Role.COMMISSIONER, Role.PARTNER)
  @Mutation(() => MeasurePayload)
  async removeMeasurePartner(@Arg("input", () => MeasurePartnerInput) input: MeasurePartnerInput, @Ctx() ctx: Context): Promise<MeasurePayload> {
    return { measure: await changeMeasurePartner(ctx, input, false) };
  }

  @FieldResolver(() => Actor, { description: "The actor that runs the measure." })
  async provider(@Root() m: Measure, @Ctx() ctx: Context): Promise<Actor | null> {
    return ctx.loaders.actor.load(m.providerId);
  }

  @FieldResolver(() => [Actor])
  async partners(@Root() m: Measure, @Ctx() ctx: Context): Promise<Actor[]> {
    const rows = await ctx.loaders.actor.loadMany(await ctx.loaders.measurePartnerIds.load(m.rowId));
    return rows.filter((a): a is Actor => a instanceof Actor);
  }

  @FieldResolver(() => [FieldOfAction])
  async fieldsOfAction(@Root() m: Measure, @Ctx() ctx: Context): Promise<FieldOfAction[]> {
    return pick(await ctx.loaders.measureFieldIds.load(m.rowId), ctx.loaders.fields());
  }

  @FieldResolver(() => [TargetGroup])
  async targetGroups(@Root() m: Measure, @Ctx() ctx: Context): Promise<TargetGroup[]> {
    return pick(await ctx.loaders.measureTargetGroupIds.load(m.rowId), ctx.loaders.targetGroups());
  }

  @FieldResolver(() => [Municipality], { description: "Municipalities served; empty when county-wide." })
  async municipalities(@Root() m: Measure, @Ctx() ctx: Context): Promise<Municipality[]> {
    return pick(await ctx.loaders.measureMunicipalityIds.load(m.rowId), ctx.loaders.municipalities());
  }

  @Authorized()
  @FieldResolver(() => [AuditEntry], { description: "Change history, newest first (commissioner, and the provider's partner account)." })
  async history(@Root() m: Measure, @Ctx() ctx: Context): Promise<AuditEntry[]> {
    if (!can.readHistory(ctx.viewer, m.providerId)) throw new ForbiddenError("You may not read this history");
    return historyOf(ctx, "Measure", m.rowId);
  }
}
