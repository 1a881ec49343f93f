import { IsEnum, IsInt, IsOptional, Max, MaxLength, Min } from "class-validator";
import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { idList } from "../../common/inputs";
import { LocalDate } from "../../common/scalars";
import { Measure } from "../measures/measure.entity";
import { FieldOfAction, Municipality, TargetGroup } from "../taxonomy/taxonomy.entity";
import { Overlap, OverlapKind, OverlapStatus } from "./overlap.entity";

@InputType()
export class OverlapFilter {
  @Field(() => [OverlapStatus], { nullable: true })
  statuses?: OverlapStatus[] | null;

  @Field(() => [OverlapKind], { nullable: true })
  kinds?: OverlapKind[] | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(1)
  minScore?: number | null;

  @Field(() => [ID], { nullable: true, description: "Either offering is run by one of these actors." })
  @IsOptional()
  @idList()
  actorIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Shared field of action (sub-fields included)." })
  @IsOptional()
  @idList()
  fieldOfActionIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Overlapping in one of these municipalities (county-wide pairs match all)." })
  @IsOptional()
  @idList()
  municipalityIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @idList()
  measureIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: "Default true: only pairs the engine still finds. null lists both." })
  detected?: boolean | null;
}

@InputType({ description: "A review decision: CONFIRMED, COMPLEMENTARY or DISMISSED for an open pair; RESOLVED for a confirmed one; OPEN to reconsider." })
export class ReviewOverlapInput {
  @Field(() => ID)
  id!: string;

  @Field(() => OverlapStatus)
  @IsEnum(OverlapStatus)
  status!: OverlapStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  note?: string | null;

  @Field(() => Int)
  @IsInt()
  version!: number;
}

@ObjectType()
export class OverlapPayload {
  @Field(() => Overlap)
  overlap!: Overlap;
}

@ObjectType({ description: "What two offerings have in common." })
export class OverlapShared {
  @Field(() => [FieldOfAction])
  fieldsOfAction!: FieldOfAction[];

  @Field(() => [TargetGroup], { description: "The common audience; empty when both address everyone." })
  targetGroups!: TargetGroup[];

  @Field(() => Int, { nullable: true })
  ageMin!: number | null;

  @Field(() => Int, { nullable: true })
  ageMax!: number | null;

  @Field({ description: "Both serve the whole county." })
  countyWide!: boolean;

  @Field(() => [Municipality])
  municipalities!: Municipality[];

  @Field(() => LocalDate, { nullable: true })
  periodFrom!: string | null;

  @Field(() => LocalDate, { nullable: true })
  periodTo!: string | null;

  @Field(() => Float)
  text!: number;
}

@ObjectType({ description: "Three or more offerings that all overlap each other: reviewed together." })
export class OverlapCluster {
  @Field()
  key!: string;

  @Field(() => [Measure])
  measures!: Measure[];

  @Field(() => [Overlap])
  overlaps!: Overlap[];

  @Field(() => Float)
  minScore!: number;
}

@ObjectType({ description: "Outcome of a full recompute (run in a worker thread)." })
export class OverlapRecomputeResult {
  @Field(() => Int)
  measures!: number;

  @Field(() => Float, { description: "n·(n−1)/2: what an all-pairs comparison would look at." })
  allPairs!: number;

  @Field(() => Int)
  candidatePairs!: number;

  @Field(() => Int)
  findings!: number;

  @Field(() => Int)
  clusters!: number;

  @Field(() => Int)
  opened!: number;

  @Field(() => Int)
  reopened!: number;

  @Field(() => Int)
  resolved!: number;

  @Field(() => Int)
  durationMs!: number;
}

@ObjectType({ description: "Thresholds the overlap engine runs with." })
export class OverlapSettings {
  @Field(() => Float)
  crossActorText!: number;

  @Field(() => Float)
  sameActorText!: number;
}
