import { ArrayMaxSize, IsEmail, IsEnum, IsInt, IsOptional, IsUrl, MaxLength, Min, ValidateNested, Matches } from "class-validator";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { ActorKind, Level, SortDirection } from "../../common/enums";
import { MAX_ID_LIST, idList, languageCodes, searchText } from "../../common/inputs";
import { Actor } from "./actor.entity";

const notBlank = () => Matches(/\S/, { message: "must not be blank" });
const url = () => IsUrl({ protocols: ["http", "https"], require_protocol: true }, { message: "must be an http(s) URL" });

@InputType({ description: "A contact person; with `id` it updates that person, without it adds one." })
export class ContactPersonInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field()
  @MaxLength(200)
  @notBlank()
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  role?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  @IsEmail({}, { message: "must be an e-mail address" })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(60)
  @Matches(/^[0-9+()/\-. ]{3,}$/, { message: "must be a phone number" })
  phone?: string | null;
}

@InputType()
export class CreateActorInput {
  @Field()
  @MaxLength(200)
  @notBlank()
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(60)
  shortName?: string | null;

  @Field(() => ActorKind)
  @IsEnum(ActorKind)
  kind!: ActorKind;

  @Field(() => Level)
  @IsEnum(Level)
  level!: Level;

  @Field({ defaultValue: "" })
  @MaxLength(10000)
  description!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  @url()
  website?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  @IsEmail({}, { message: "must be an e-mail address" })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(60)
  @Matches(/^[0-9+()/\-. ]{3,}$/, { message: "must be a phone number" })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  address?: string | null;

  @Field(() => ID, { nullable: true })
  municipalityId?: string | null;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(40)
  @languageCodes()
  languages!: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  @MaxLength(60, { each: true })
  tags!: string[];

  @Field(() => [ContactPersonInput], { defaultValue: [] })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  contactPersons!: ContactPersonInput[];
}

@InputType({ description: "Changes to an actor: omitted fields stay as they are; `contactPersons` replaces the list." })
export class UpdateActorInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  @notBlank()
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(60)
  shortName?: string | null;

  @Field(() => ActorKind, { nullable: true })
  @IsOptional()
  @IsEnum(ActorKind)
  kind?: ActorKind;

  @Field(() => Level, { nullable: true })
  @IsOptional()
  @IsEnum(Level)
  level?: Level;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10000)
  description?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  @url()
  website?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  @IsEmail({}, { message: "must be an e-mail address" })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(60)
  @Matches(/^[0-9+()/\-. ]{3,}$/, { message: "must be a phone number" })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  address?: string | null;

  @Field(() => ID, { nullable: true })
  municipalityId?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(40)
  @languageCodes()
  languages?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(60, { each: true })
  tags?: string[];

  @Field(() => [ContactPersonInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  contactPersons?: ContactPersonInput[];
}

@InputType({ description: "Every dimension an actor list can be narrowed by; all given conditions must hold." })
export class ActorFilter {
  @Field(() => String, { nullable: true, description: "Free text over name, short name and description." })
  @IsOptional()
  @searchText()
  q?: string | null;

  @Field(() => [ActorKind], { nullable: true })
  kinds?: ActorKind[] | null;

  @Field(() => [Level], { nullable: true })
  levels?: Level[] | null;

  @Field(() => [ID], { nullable: true, description: "Seated in one of these municipalities." })
  @IsOptional()
  @idList()
  municipalityIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Provides (or co-provides) a measure in one of these fields, or handles cases in it." })
  @IsOptional()
  @idList()
  fieldOfActionIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Provides a measure for one of these target groups." })
  @IsOptional()
  @idList()
  targetGroupIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Currently a member of one of these networks." })
  @IsOptional()
  @idList()
  networkIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: "Default false: archived actors are hidden. null lists both." })
  archived?: boolean | null;
}

export enum ActorOrderField {
  NAME = "NAME",
  CREATED_AT = "CREATED_AT",
  UPDATED_AT = "UPDATED_AT",
}
registerEnumType(ActorOrderField, { name: "ActorOrderField" });

@InputType()
export class ActorOrder {
  @Field(() => ActorOrderField, { defaultValue: ActorOrderField.NAME })
  field!: ActorOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@ObjectType({ simpleResolvers: true })
export class ActorPayload {
  @Field(() => Actor)
  actor!: Actor;
}

export { MAX_ID_LIST };
