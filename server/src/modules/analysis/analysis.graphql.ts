import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { IsOptional, Max, Min } from "class-validator";
import { Level } from "../../common/enums";
import { idList } from "../../common/inputs";
import { LocalDate } from "../../common/scalars";
import { Actor } from "../actors/actor.entity";
import { Handler } from "../handlers/handler.entity";
import { Measure } from "../measures/measure.entity";
import { FieldOfAction, Municipality, TargetGroup } from "../taxonomy/taxonomy.entity";
import { NETWORK_EDGE_KINDS } from "./network-graph";

export enum CoverageDimension {
  FIELD_OF_ACTION = "FIELD_OF_ACTION",
  TARGET_GROUP = "TARGET_GROUP",
  MUNICIPALITY = "MUNICIPALITY",
  LEVEL = "LEVEL",
}
registerEnumType(CoverageDimension, { name: "CoverageDimension" });

export enum NetworkEdgeKind {
  COOPERATION_REFERRAL = "COOPERATION_REFERRAL",
  COOPERATION_JOINT_MEASURE = "COOPERATION_JOINT_MEASURE",
  COOPERATION_FUNDING = "COOPERATION_FUNDING",
  COOPERATION_AGREEMENT = "COOPERATION_AGREEMENT",
  COOPERATION_INFORMATION_EXCHANGE = "COOPERATION_INFORMATION_EXCHANGE",
  SHARED_MEMBERSHIP = "SHARED_MEMBERSHIP",
  CO_PROVIDED_MEASURE = "CO_PROVIDED_MEASURE",
  OVERLAP = "OVERLAP",
}
registerEnumType(NetworkEdgeKind, { name: "NetworkEdgeKind", description: "Why two actors are linked on the network map." });
// The GraphQL enum and the analysis' list must agree, in the same order (edge kind codes are indexes).
if (NETWORK_EDGE_KINDS.join() !== Object.values(NetworkEdgeKind).join()) throw new Error("NetworkEdgeKind out of sync with NETWORK_EDGE_KINDS");

@InputType({ description: "Which active measures a coverage analysis counts." })
export class CoverageFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @idList()
  fieldOfActionIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @idList()
  targetGroupIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @idList()
  municipalityIds?: string[] | null;

  @Field(() => [Level], { nullable: true })
  levels?: Level[] | null;

  @Field(() => Int, { nullable: true, description: "Only measures open to a person of this age." })
  @IsOptional()
  @Min(0)
  @Max(130)
  age?: number | null;

  @Field(() => [ID], { nullable: true, description: "Only measures of these providers." })
  @IsOptional()
  @idList()
  actorIds?: string[] | null;

  @Field(() => LocalDate, { nullable: true, description: "Active on this day (default: today)." })
  referenceDate?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class CoverageAxisEntry {
  @Field({ description: "Taxonomy key, level, or the municipality's global id." })
  key!: string;

  @Field()
  label!: string;

  @Field()
  labelEn!: string;

  @Field(() => Int, { nullable: true })
  population?: number | null;
}

@ObjectType({ simpleResolvers: true })
export class CoverageCell {
  @Field()
  row!: string;

  @Field()
  col!: string;

  @Field(() => Int, { description: "Active measures in this cell." })
  measureCount!: number;

  @Field(() => Int, { description: "Sum of their known capacities." })
  capacity!: number;

  @Field(() => Int, { description: "Measures in the cell without a capacity figure." })
  capacityUnknown!: number;
}

@ObjectType({ simpleResolvers: true, description: "Active measures counted over two dimensions." })
export class CoverageMatrix {
  @Field(() => CoverageDimension)
  rowsDimension!: CoverageDimension;

  @Field(() => CoverageDimension)
  columnsDimension!: CoverageDimension;

  @Field(() => [CoverageAxisEntry])
  rows!: CoverageAxisEntry[];

  @Field(() => [CoverageAxisEntry])
  columns!: CoverageAxisEntry[];

  @Field(() => [CoverageCell], { description: "Every row × column pair, row-major, empty cells included." })
  cells!: CoverageCell[];

  @Field(() => Int)
  measureCount!: number;

  @Field(() => LocalDate)
  referenceDate!: string;
}

@ObjectType({ simpleResolvers: true, description: "A cell no active measure covers (Versorgungslücke)." })
export class CoverageGap {
  @Field()
  row!: string;

  @Field()
  col!: string;

  @Field()
  rowLabel!: string;

  @Field()
  colLabel!: string;

  @Field(() => Int, { nullable: true, description: "Population of the cell's municipality, where known." })
  weight!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class CoverageGapList {
  @Field(() => CoverageDimension)
  rowsDimension!: CoverageDimension;

  @Field(() => CoverageDimension)
  columnsDimension!: CoverageDimension;

  @Field({ description: "True when gaps are weighted by population (one axis is MUNICIPALITY)." })
  weighted!: boolean;

  @Field(() => Int)
  totalCount!: number;

  @Field(() => [CoverageGap], { description: "Heaviest first." })
  gaps!: CoverageGap[];
}

@InputType()
export class HandlerFindingsFilter {
  @Field(() => [ID], { nullable: true, description: "Only these case types." })
  @IsOptional()
  @idList()
  fieldOfActionIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Whose care to check for gaps (default: the general migrant population)." })
  @IsOptional()
  @idList()
  audience?: string[] | null;
}

@ObjectType({ simpleResolvers: true, description: "Two handlers claim the same cases: same case type, priority, audience, ages and places." })
export class HandlerConflict {
  @Field(() => FieldOfAction)
  fieldOfAction!: FieldOfAction;

  @Field(() => Int)
  priority!: number;

  @Field(() => [Handler])
  handlers!: Handler[];

  @Field(() => [Actor])
  actors!: Actor[];

  @Field({ description: "Both rows belong to one actor (a data-entry duplicate)." })
  sameActor!: boolean;

  @Field(() => Int)
  ageMin!: number;

  @Field(() => Int)
  ageMax!: number;

  @Field()
  allMunicipalities!: boolean;

  @Field(() => [Municipality])
  municipalities!: Municipality[];

  @Field(() => [TargetGroup], { description: "The audience both claim; empty = everyone." })
  targetGroups!: TargetGroup[];

  @Field()
  descriptionDe!: string;

  @Field()
  descriptionEn!: string;
}

@ObjectType({ simpleResolvers: true, description: "Cases nobody handles: a case type, an age band and the municipalities affected." })
export class HandlerGap {
  @Field(() => FieldOfAction)
  fieldOfAction!: FieldOfAction;

  @Field(() => Int)
  ageMin!: number;

  @Field(() => Int)
  ageMax!: number;

  @Field()
  allMunicipalities!: boolean;

  @Field(() => [Municipality])
  municipalities!: Municipality[];

  @Field(() => Int, { nullable: true })
  population!: number | null;

  @Field()
  descriptionDe!: string;

  @Field()
  descriptionEn!: string;
}

@ObjectType({ simpleResolvers: true })
export class HandlerFindings {
  @Field(() => [HandlerConflict])
  conflicts!: HandlerConflict[];

  @Field(() => [HandlerGap])
  gaps!: HandlerGap[];
}

@InputType({ description: "Who is asking for help: age, place, groups and need (no name, nothing stored but a miss count)." })
export class ReferralProfileInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(130)
  age?: number | null;

  @Field(() => ID)
  municipalityId!: string;

  @Field(() => [ID], { defaultValue: [] })
  @idList()
  targetGroupIds!: string[];

  @Field(() => ID, { description: "The field of action the person needs help with." })
  need!: string;
}

@ObjectType({ simpleResolvers: true, description: "Wer ist zuständig? The responsible handlers in order, and the offerings that fit." })
export class ReferralResult {
  @Field(() => [Handler], { description: "Best first: priority, then the most specific." })
  handlers!: Handler[];

  @Field(() => [Measure], { description: "Active, published measures that fit." })
  measures!: Measure[];

  @Field({ description: "Nobody is responsible: counted as gap evidence (referralMisses)." })
  miss!: boolean;

  @Field({ description: "Two different actors are first contact for this case: the referral is not clear-cut." })
  ambiguous!: boolean;
}

@ObjectType({ simpleResolvers: true, description: "How often the referral guide found nobody for a need in a municipality." })
export class ReferralMiss {
  @Field(() => FieldOfAction)
  fieldOfAction!: FieldOfAction;

  @Field(() => Municipality)
  municipality!: Municipality;

  @Field(() => Int)
  count!: number;

  @Field(() => Date)
  lastAt!: Date;
}

@InputType()
export class NetworkGraphFilter {
  @Field(() => [NetworkEdgeKind], { nullable: true, description: "Only these kinds of ties (default: all)." })
  edgeKinds?: NetworkEdgeKind[] | null;

  @Field(() => [ID], { nullable: true, description: "Only actors with an active measure in these fields." })
  @IsOptional()
  @idList()
  fieldOfActionIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Only actors seated in, or with an active measure in, these municipalities." })
  @IsOptional()
  @idList()
  municipalityIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Only actors with an active measure for these target groups." })
  @IsOptional()
  @idList()
  targetGroupIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Only current members of these networks." })
  @IsOptional()
  @idList()
  networkIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Only actors of these kinds (ActorKind values)." })
  actorKinds?: string[] | null;

  @Field({ defaultValue: true, description: "Betweenness is exact and costs seconds on thousands of actors; switch off for speed." })
  betweenness!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class NetworkGraphNode {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  kind!: string;

  @Field(() => Int)
  degree!: number;

  @Field(() => Float, { nullable: true, description: "Normalised 0..1: how much the actor brokers between others." })
  betweenness!: number | null;

  @Field(() => Int, { nullable: true, description: "Louvain community; null for isolated actors." })
  community!: number | null;

  @Field(() => Int)
  measureCount!: number;
}

@ObjectType({ simpleResolvers: true, description: "The actor graph in compact form: edges are parallel arrays of node indexes." })
export class NetworkGraph {
  @Field(() => [NetworkEdgeKind], { description: "Legend of edgeKind codes (always the full list)." })
  edgeKinds!: NetworkEdgeKind[];

  @Field(() => [NetworkGraphNode])
  nodes!: NetworkGraphNode[];

  @Field(() => [Int], { description: "Index into nodes of each edge's first actor." })
  edgeSource!: number[];

  @Field(() => [Int])
  edgeTarget!: number[];

  @Field(() => [Int], { description: "Index into edgeKinds." })
  edgeKind!: number[];

  @Field(() => [Int], { description: "How many links of that kind join the two actors." })
  edgeWeight!: number[];

  @Field(() => [Int], { description: "Indexes of actors without any tie." })
  isolated!: number[];

  @Field(() => Int)
  communityCount!: number;

  @Field(() => Float)
  modularity!: number;
}
