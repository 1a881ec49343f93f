import { ArrayMaxSize, IsInt, IsOptional, Max, MaxLength, Min } from "class-validator";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { SortDirection } from "../../common/enums";
import { idList, languageCodes, searchText } from "../../common/inputs";
import { Handler } from "./handler.entity";

@InputType()
abstract class HandlerFields {
  @Field(() => [ID], { nullable: true, description: "Empty = every target group." })
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

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @idList()
  municipalityIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(40)
  @languageCodes()
  languages?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}

@InputType()
export class CreateHandlerInput extends HandlerFields {
  @Field(() => ID)
  actorId!: string;

  @Field(() => ID, { description: "The case type: a field of action." })
  fieldOfActionId!: string;

  @Field({ defaultValue: false })
  countyWide!: boolean;

  @Field(() => Int, { defaultValue: 1 })
  @IsInt()
  @Min(1)
  @Max(99)
  priority!: number;
}

@InputType({ description: "Changes to a handler: omitted fields stay as they are; lists replace." })
export class UpdateHandlerInput extends HandlerFields {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  @IsInt()
  version!: number;

  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => ID, { nullable: true })
  fieldOfActionId?: string | null;

  @Field(() => Boolean, { nullable: true })
  countyWide?: boolean | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  priority?: number | null;
}

@InputType()
export class HandlerFilter {
  @Field(() => String, { nullable: true, description: "Free text over the note and the actor's name." })
  @IsOptional()
  @searchText()
  q?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @idList()
  actorIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Case types (sub-fields included)." })
  @IsOptional()
  @idList()
  fieldOfActionIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Handles one of these groups (handlers for every group match too)." })
  @IsOptional()
  @idList()
  targetGroupIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Responsible in one of these municipalities (county-wide handlers match all)." })
  @IsOptional()
  @idList()
  municipalityIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: "Responsible for a person of this age." })
  @IsOptional()
  @Min(0)
  @Max(130)
  age?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Default false: archived handlers are hidden. null lists both." })
  archived?: boolean | null;
}

export enum HandlerOrderField {
  PRIORITY = "PRIORITY",
  AGE_MIN = "AGE_MIN",
  CREATED_AT = "CREATED_AT",
  UPDATED_AT = "UPDATED_AT",
}
registerEnumType(HandlerOrderField, { name: "HandlerOrderField" });

@InputType()
export class HandlerOrder {
  @Field(() => HandlerOrderField, { defaultValue: HandlerOrderField.PRIORITY })
  field!: HandlerOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@ObjectType({ simpleResolvers: true })
export class HandlerPayload {
  @Field(() => Handler)
  handler!: Handler;
}
