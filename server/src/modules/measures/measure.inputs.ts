import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsUrl, Matches, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { ActorKind, Level, MeasureStatus, SortDirection } from "../../common/enums";
import { AgeRangeInput, DateRangeInput, idList, languageCodes, searchText } from "../../common/inputs";
import { LocalDate } from "../../common/scalars";
import { Measure } from "./measure.entity";

const notBlank = () => Matches(/\S/, { message: "must not be blank" });
const url = () => IsUrl({ protocols: ["http", "https"], require_protocol: true }, { message: "must be an http(s) URL" });

@InputType()
export class FundingSourceInput {
  @Field()
  @MaxLength(200)
  @notBlank()
  source!: string;

  @Field(() => Level)
  @IsEnum(Level)
  level!: Level;
}

/** Fields a measure's create and update share; on update every one is optional. */
@InputType()
abstract class MeasureFields {
  @Field(() => [ID], { nullable: true, description: "Partner actors that co-provide the measure." })
  @IsOptional()
  @idList()
  partnerIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @idList()
  targetGroupIds?: string[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(130)
  ageMin?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(130)
  ageMax?: number | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(40)
  @languageCodes()
  languages?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Municipalities served; leave empty when countyWide." })
  @IsOptional()
  @idList()
  municipalityIds?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  venue?: string | null;

  @Field(() => LocalDate, { nullable: true })
  startDate?: string | null;

  @Field(() => LocalDate, { nullable: true, description: "null = open-ended." })
  endDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  schedule?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  capacity?: number | null;

  @Field(() => Float, { nullable: true, description: "Euro per participant; 0 = free of charge." })
  @IsOptional()
  @Min(0)
  @Max(100_000)
  cost?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  costNote?: string | null;

  @Field(() => [FundingSourceInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  funding?: FundingSourceInput[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  @url()
  registrationUrl?: string | null;

  @Field(() => LocalDate, { nullable: true })
  lastConfirmedOn?: string | null;
}

@InputType()
export class CreateMeasureInput extends MeasureFields {
  @Field()
  @MaxLength(300)
  @notBlank()
  title!: string;

  @Field({ defaultValue: "" })
  @MaxLength(20000)
  description!: string;

  @Field(() => ID, { description: "The actor that runs the measure." })
  providerId!: string;

  @Field(() => [ID], { description: "At least one field of action." })
  @ArrayMaxSize(20)
  fieldOfActionIds!: string[];

  @Field({ defaultValue: false })
  countyWide!: boolean;

  @Field(() => Level)
  @IsEnum(Level)
  level!: Level;

  @Field(() => MeasureStatus, { defaultValue: MeasureStatus.PLANNED })
  @IsEnum(MeasureStatus)
  status!: MeasureStatus;

  @Field({ defaultValue: false })
  published!: boolean;
}

@InputType({ description: "Changes to a measure: omitted fields stay as they are; lists replace." })
export class UpdateMeasureInput extends MeasureFields {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  @IsInt()
  version!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  @notBlank()
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20000)
  description?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  fieldOfActionIds?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  countyWide?: boolean | null;

  @Field(() => Level, { nullable: true })
  @IsOptional()
  @IsEnum(Level)
  level?: Level | null;

  @Field(() => MeasureStatus, { nullable: true })
  @IsOptional()
  @IsEnum(MeasureStatus)
  status?: MeasureStatus | null;

  @Field(() => Boolean, { nullable: true })
  published?: boolean | null;
}

@InputType({ description: "A partner actor to add to or remove from a measure." })
export class MeasurePartnerInput {
  @Field(() => ID)
  measureId!: string;

  @Field(() => ID)
  actorId!: string;

  @Field(() => Int, { nullable: true, description: "If given, the change only applies to this version." })
  @IsOptional()
  @IsInt()
  version?: number | null;
}

@InputType({ description: "Confirms that a measure is still offered as described (sets lastConfirmedOn to today)." })
export class ConfirmMeasureInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  @IsInt()
  version!: number;
}

@InputType({ description: "Every dimension a measure list can be narrowed by; all given conditions must hold." })
export class MeasureFilter {
  @Field(() => String, { nullable: true, description: "Free text over title and description; every word must occur." })
  @IsOptional()
  @searchText()
  q?: string | null;

  @Field(() => [ID], { nullable: true, description: "Run by one of these actors (as provider or partner)." })
  @IsOptional()
  @idList()
  actorIds?: string[] | null;

  @Field(() => [ActorKind], { nullable: true, description: "Provider is of one of these kinds." })
  actorKinds?: ActorKind[] | null;

  @Field(() => [Level], { nullable: true })
  levels?: Level[] | null;

  @Field(() => [ID], { nullable: true, description: "In one of these fields of action (sub-fields included)." })
  @IsOptional()
  @idList()
  fieldOfActionIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "For one of these target groups (ALL_MIGRANTS offerings match every status group)." })
  @IsOptional()
  @idList()
  targetGroupIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Serving one of these municipalities (county-wide measures match all)." })
  @IsOptional()
  @idList()
  municipalityIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: "Open to a person of this age." })
  @IsOptional()
  @Min(0)
  @Max(130)
  age?: number | null;

  @Field(() => AgeRangeInput, { nullable: true, description: "Age band overlaps this range." })
  @IsOptional()
  @ValidateNested()
  ageRange?: AgeRangeInput | null;

  @Field(() => DateRangeInput, { nullable: true, description: "Runs at some time within this range (open-ended counts as ongoing)." })
  activeBetween?: DateRangeInput | null;

  @Field(() => [MeasureStatus], { nullable: true })
  statuses?: MeasureStatus[] | null;

  @Field(() => Boolean, { nullable: true })
  published?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  countyWide?: boolean | null;

  @Field(() => [ID], { nullable: true, description: "Provider currently sits in one of these networks." })
  @IsOptional()
  @idList()
  networkIds?: string[] | null;

  @Field(() => LocalDate, { nullable: true, description: "Last confirmed before this date, or never (stale offerings)." })
  confirmedBefore?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Default false: archived measures are hidden. null lists both." })
  archived?: boolean | null;
}

export enum MeasureOrderField {
  TITLE = "TITLE",
  START_DATE = "START_DATE",
  END_DATE = "END_DATE",
  LAST_CONFIRMED = "LAST_CONFIRMED",
  CREATED_AT = "CREATED_AT",
  UPDATED_AT = "UPDATED_AT",
}
registerEnumType(MeasureOrderField, { name: "MeasureOrderField" });

@InputType()
export class MeasureOrder {
  @Field(() => MeasureOrderField, { defaultValue: MeasureOrderField.TITLE })
  field!: MeasureOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@ObjectType({ simpleResolvers: true })
export class MeasurePayload {
  @Field(() => Measure)
  measure!: Measure;
}
