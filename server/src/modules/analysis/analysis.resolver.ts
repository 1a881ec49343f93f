import { Arg, Authorized, Ctx, Query, Resolver } from "type-graphql";
import { Context } from "../../app/context";
import { PUBLIC } from "../../common/auth-checker";
import {
  CoverageDimension,
  CoverageFilter,
  CoverageGapList,
  CoverageMatrix,
  HandlerFindings,
  HandlerFindingsFilter,
  NetworkGraph,
  NetworkGraphFilter,
  ReferralMiss,
  ReferralProfileInput,
  ReferralResult,
} from "./analysis.graphql";
import { coverage, gaps, handlerFindings, networkGraph, referralMisses, whoHandles } from "./analysis.service";

/** Coverage, gaps, responsibilities and the network map: read-only analyses for logged-in users. */
@Authorized()
@Resolver()
export class AnalysisResolver {
  @Query(() => CoverageMatrix, { description: "Active measures counted over two dimensions, with summed capacity per cell." })
  coverage(
    @Arg("rows", () => CoverageDimension) rows: CoverageDimension,
    @Arg("columns", () => CoverageDimension) columns: CoverageDimension,
    @Arg("filter", () => CoverageFilter, { nullable: true }) filter: CoverageFilter | null,
    @Ctx() ctx: Context,
  ): Promise<CoverageMatrix> {
    return coverage(ctx, rows, columns, filter ?? {});
  }

  @Query(() => CoverageGapList, { description: "Empty cells of a coverage matrix (Versorgungslücken), weighted by population where known." })
  gaps(
    @Arg("rows", () => CoverageDimension, { defaultValue: CoverageDimension.FIELD_OF_ACTION }) rows: CoverageDimension,
    @Arg("columns", () => CoverageDimension, { defaultValue: CoverageDimension.MUNICIPALITY }) columns: CoverageDimension,
    @Arg("filter", () => CoverageFilter, { nullable: true }) filter: CoverageFilter | null,
    @Ctx() ctx: Context,
  ): Promise<CoverageGapList> {
    return gaps(ctx, rows, columns, filter ?? {});
  }

  @Query(() => HandlerFindings, { description: "Responsibility conflicts and gaps (cases nobody handles)." })
  handlerFindings(@Arg("filter", () => HandlerFindingsFilter, { nullable: true }) filter: HandlerFindingsFilter | null, @Ctx() ctx: Context): Promise<HandlerFindings> {
    return handlerFindings(ctx, filter ?? {});
  }

  @Query(() => [ReferralMiss], { description: "Referral questions that found nobody, per need × municipality (gap evidence)." })
  referralMisses(@Ctx() ctx: Context): Promise<ReferralMiss[]> {
    return referralMisses(ctx);
  }

  @Query(() => NetworkGraph, { description: "The actor graph with degree, betweenness, communities and isolated actors." })
  networkGraph(@Arg("filter", () => NetworkGraphFilter, { nullable: true }) filter: NetworkGraphFilter | null, @Ctx() ctx: Context): Promise<NetworkGraph> {
    return networkGraph(ctx, filter ?? { betweenness: true });
  }
}

/** The referral guide is public (when the deployment allows anonymous access): "Wer ist zuständig?" */
@Authorized(PUBLIC)
@Resolver()
export class ReferralResolver {
  @Query(() => ReferralResult, { description: "Wer ist zuständig? The responsible handlers in order, and fitting offerings." })
  whoHandles(@Arg("profile", () => ReferralProfileInput) profile: ReferralProfileInput, @Ctx() ctx: Context): Promise<ReferralResult> {
    return whoHandles(ctx, profile);
  }
}
