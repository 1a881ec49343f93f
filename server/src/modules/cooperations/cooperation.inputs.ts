import { IsEnum, IsInt, IsOptional, MaxLength } from "class-validator";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { CooperationKind, SortDirection } from "../../common/enums";
import { DateRangeInput, idList, searchText } from "../../common/inputs";
import { LocalDate } from "../../common/scalars";
import { Cooperation } from "./cooperation.entity";

@InputType()
export class CreateCooperationInput {
  @Field(() => ID)
  actorAId!: string;

  @Field(() => ID)
  actorBId!: string;

  @Field(() => CooperationKind)
  @IsEnum(CooperationKind)
  kind!: CooperationKind;

  @Field(() => LocalDate, { nullable: true })
  since?: string | null;

  @Field(() => LocalDate, { nullable: true, description: "null = ongoing." })
  until?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  note?: string | null;
}

@InputType({ description: "Changes to a cooperation: omitted fields stay as they are." })
export class UpdateCooperationInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  @IsInt()
  version!: number;

  @Field(() => CooperationKind, { nullable: true })
  @IsOptional()
  @IsEnum(CooperationKind)
  kind?: CooperationKind | null;

  @Field(() => LocalDate, { nullable: true })
  since?: string | null;

  @Field(() => LocalDate, { nullable: true })
  until?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  note?: string | null;
}

@InputType()
export class CooperationFilter {
  @Field(() => String, { nullable: true, description: "Free text over the note." })
  @IsOptional()
  @searchText()
  q?: string | null;

  @Field(() => [ID], { nullable: true, description: "One of these actors is on either side." })
  @IsOptional()
  @idList()
  actorIds?: string[] | null;

  @Field(() => [CooperationKind], { nullable: true })
  kinds?: CooperationKind[] | null;

  @Field(() => DateRangeInput, { nullable: true, description: "In force at some time within this range." })
  activeBetween?: DateRangeInput | null;

  @Field(() => [ID], { nullable: true, description: "Both actors currently sit in one of these networks." })
  @IsOptional()
  @idList()
  networkIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: "Default false: archived cooperations are hidden. null lists both." })
  archived?: boolean | null;
}

export enum CooperationOrderField {
  SINCE = "SINCE",
  CREATED_AT = "CREATED_AT",
  UPDATED_AT = "UPDATED_AT",
}
registerEnumType(CooperationOrderField, { name: "CooperationOrderField" });

@InputType()
export class CooperationOrder {
  @Field(() => CooperationOrderField, { defaultValue: CooperationOrderField.CREATED_AT })
  field!: CooperationOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@ObjectType({ simpleResolvers: true })
export class CooperationPayload {
  @Field(() => Cooperation)
  cooperation!: Cooperation;
}
