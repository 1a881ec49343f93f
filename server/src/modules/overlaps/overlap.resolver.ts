import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Context } from "../../app/context";
import { PageArgsType } from "../../common/page-args";
import { ConnectionResult, ConnectionType } from "../../common/pagination";
import { Actor } from "../actors/actor.entity";
import { Role } from "../auth/auth.enums";
import { can } from "../auth/auth.policy";
import { Measure } from "../measures/measure.entity";
import { Municipality, TargetGroup, FieldOfAction } from "../taxonomy/taxonomy.entity";
import { Overlap, OverlapStatus } from "./overlap.entity";
import { OverlapCluster, OverlapFilter, OverlapPayload, OverlapRecomputeResult, OverlapSettings, OverlapShared, ReviewOverlapInput } from "./overlap.inputs";
import { getOverlap, listOverlaps, overlapSettings, recomputeOverlaps, reviewOverlap } from "./overlap.service";

export const OverlapConnection = ConnectionType(Overlap, "Overlap");

@ArgsType()
class OverlapListArgs extends PageArgsType {
  @Field(() => OverlapFilter, { nullable: true })
  filter?: OverlapFilter | null;
}

function present<T>(rows: (T | null | undefined | Error)[]): T[] {
  return rows.filter((r): r is T => r !== null && r !== undefined && !(r instanceof Error));
}

@Authorized()
@Resolver(() => Overlap)
export class OverlapResolver {
  @Query(() => OverlapConnection, { description: "Detected overlaps, highest score first (partners: those involving their offerings)." })
  overlaps(@Args() args: OverlapListArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Overlap>> {
    return listOverlaps(ctx, args.filter ?? {}, args);
  }

  @Query(() => Overlap)
  overlap(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Overlap> {
    return getOverlap(ctx, id);
  }

  @Query(() => [OverlapCluster], { description: "Groups of three or more offerings that all overlap each other." })
  async overlapClusters(@Ctx() ctx: Context): Promise<OverlapCluster[]> {
    const rows = (await listOverlaps(ctx, { detected: true }, { first: 100 })).nodes.filter((o) => o.clusterKey);
    const more = rows.length === 100 ? await ctx.ds.getRepository(Overlap).find({ where: { detected: true } }) : rows;
    const byKey = new Map<string, Overlap[]>();
    for (const o of more.filter((x) => x.clusterKey)) {
      let list = byKey.get(o.clusterKey!);
      if (!list) byKey.set(o.clusterKey!, (list = []));
      list.push(o);
    }
    const clusters: OverlapCluster[] = [];
    for (const [key, overlaps] of byKey) {
      const ids = [...new Set(overlaps.flatMap((o) => [o.measureAId, o.measureBId]))];
      const measures = present(await ctx.loaders.measure.loadMany(ids)).filter((m) => can.readMeasure(ctx.viewer, m));
      clusters.push({ key, measures, overlaps, minScore: Math.min(...overlaps.map((o) => o.score)) });
    }
    return clusters.sort((a, b) => b.measures.length - a.measures.length || b.minScore - a.minScore);
  }

  @Query(() => OverlapSettings)
  overlapSettings(): OverlapSettings {
    return overlapSettings();
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => OverlapPayload, { description: "Records a review decision with a note (commissioner)." })
  async reviewOverlap(@Arg("input", () => ReviewOverlapInput) input: ReviewOverlapInput, @Ctx() ctx: Context): Promise<OverlapPayload> {
    return { overlap: await reviewOverlap(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => OverlapRecomputeResult, { description: "Recomputes all overlaps in a worker thread; reviews stick unless a measure changed materially." })
  recomputeOverlaps(@Ctx() ctx: Context): Promise<OverlapRecomputeResult> {
    return recomputeOverlaps(ctx);
  }

  @FieldResolver(() => Measure, { nullable: true, description: "The offering with the lower id (null if you may not see it)." })
  async measureA(@Root() o: Overlap, @Ctx() ctx: Context): Promise<Measure | null> {
    const m = await ctx.loaders.measure.load(o.measureAId);
    return m && can.readMeasure(ctx.viewer, m) ? m : null;
  }

  @FieldResolver(() => Measure, { nullable: true })
  async measureB(@Root() o: Overlap, @Ctx() ctx: Context): Promise<Measure | null> {
    const m = await ctx.loaders.measure.load(o.measureBId);
    return m && can.readMeasure(ctx.viewer, m) ? m : null;
  }

  @FieldResolver(() => OverlapShared)
  async shared(@Root() o: Overlap, @Ctx() ctx: Context): Promise<OverlapShared> {
    const [fields, groups, places] = await Promise.all([ctx.loaders.fields(), ctx.loaders.targetGroups(), ctx.loaders.municipalities()]);
    const byKey = <T extends { key: string }>(rows: Map<number, T>, keys: string[]) => {
      const index = new Map([...rows.values()].map((r) => [r.key, r]));
      return keys.map((k) => index.get(k)).filter((r): r is T => r !== undefined);
    };
    const s = o.shared;
    return {
      fieldsOfAction: byKey<FieldOfAction>(fields, s.fields),
      targetGroups: byKey<TargetGroup>(groups, s.targetGroups),
      ageMin: s.ages?.min ?? null,
      ageMax: s.ages?.max ?? null,
      countyWide: s.municipalityIds === "COUNTY",
      municipalities: s.municipalityIds === "COUNTY" ? [] : s.municipalityIds.map((id) => places.get(id)).filter((m): m is Municipality => m !== undefined),
      periodFrom: s.period?.from ?? null,
      periodTo: s.period?.to ?? null,
      text: s.text,
    };
  }

  @FieldResolver(() => String, { nullable: true, description: "The commissioner's note (not shown to partners)." })
  reviewNote(@Root() o: Overlap, @Ctx() ctx: Context): string | null {
    return ctx.viewer?.role === Role.PARTNER ? null : o.reviewNote;
  }

  @FieldResolver(() => String, { nullable: true, description: "Who reviewed it (commissioner only)." })
  reviewedBy(@Root() o: Overlap, @Ctx() ctx: Context): string | null {
    return ctx.viewer?.role === Role.COMMISSIONER ? o.reviewedByEmail : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Key of the group of ≥ 3 mutually overlapping offerings, if any." })
  clusterKey(@Root() o: Overlap): string | null {
    return o.clusterKey;
  }

  @FieldResolver(() => Boolean, { description: "Still waiting for a decision." })
  open(@Root() o: Overlap): boolean {
    return o.status === OverlapStatus.OPEN;
  }
}

@Authorized()
@Resolver(() => Measure)
export class MeasureOverlapResolver {
  @FieldResolver(() => [Overlap], { description: "Detected overlaps with other offerings, highest score first." })
  async overlaps(@Root() m: Measure, @Ctx() ctx: Context): Promise<Overlap[]> {
    // A partner sees the overlaps of its own offerings only.
    if (ctx.viewer?.role === Role.PARTNER && m.providerId !== ctx.viewer.actorId) return [];
    return ctx.loaders.overlapsByMeasure.load(m.rowId);
  }
}

@Authorized()
@Resolver(() => Actor)
export class ActorOverlapResolver {
  @FieldResolver(() => Int, { description: "Open or confirmed overlaps involving this actor's offerings." })
  overlapCount(@Root() a: Actor, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.overlapCountByActor.load(a.rowId);
  }
}
