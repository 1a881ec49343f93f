import { ArrayMaxSize, IsEnum, IsInt, IsOptional, Matches, MaxLength } from "class-validator";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { MembershipRole, NetworkKind, SortDirection } from "../../common/enums";
import { DateRangeInput, idList, searchText } from "../../common/inputs";
import { LocalDate } from "../../common/scalars";
import { Meeting, Membership, Network } from "./network.entity";

const notBlank = () => Matches(/\S/, { message: "must not be blank" });

@InputType()
export class CreateNetworkInput {
  @Field()
  @MaxLength(200)
  @notBlank()
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(60)
  shortName?: string | null;

  @Field(() => NetworkKind)
  @IsEnum(NetworkKind)
  kind!: NetworkKind;

  @Field({ defaultValue: "" })
  @MaxLength(10000)
  description!: string;
}

@InputType({ description: "Changes to a network: omitted fields stay as they are." })
export class UpdateNetworkInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  @IsInt()
  version!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  @notBlank()
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(60)
  shortName?: string | null;

  @Field(() => NetworkKind, { nullable: true })
  @IsOptional()
  @IsEnum(NetworkKind)
  kind?: NetworkKind | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10000)
  description?: string | null;
}

@InputType()
export class AddMembershipInput {
  @Field(() => ID)
  networkId!: string;

  @Field(() => ID)
  actorId!: string;

  @Field(() => MembershipRole, { defaultValue: MembershipRole.MEMBER })
  @IsEnum(MembershipRole)
  role!: MembershipRole;

  @Field(() => LocalDate, { nullable: true })
  since?: string | null;

  @Field(() => LocalDate, { nullable: true })
  until?: string | null;
}

@InputType()
export class UpdateMembershipInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  @IsInt()
  version!: number;

  @Field(() => MembershipRole, { nullable: true })
  @IsOptional()
  @IsEnum(MembershipRole)
  role?: MembershipRole | null;

  @Field(() => LocalDate, { nullable: true })
  since?: string | null;

  @Field(() => LocalDate, { nullable: true })
  until?: string | null;
}

@InputType()
export class RemoveMembershipInput {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class CreateMeetingInput {
  @Field(() => ID)
  networkId!: string;

  @Field(() => LocalDate)
  date!: string;

  @Field()
  @MaxLength(300)
  @notBlank()
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  location?: string | null;

  @Field({ defaultValue: "" })
  @MaxLength(50000)
  minutes!: string;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(100)
  @MaxLength(2000, { each: true })
  decisions!: string[];

  @Field(() => [ID], { defaultValue: [] })
  @idList()
  participantIds!: string[];
}

@InputType()
export class UpdateMeetingInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  @IsInt()
  version!: number;

  @Field(() => LocalDate, { nullable: true })
  date?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  @notBlank()
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  location?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50000)
  minutes?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(2000, { each: true })
  decisions?: string[] | null;
}

@InputType()
export class MeetingParticipantInput {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID)
  actorId!: string;
}

@InputType()
export class NetworkFilter {
  @Field(() => String, { nullable: true, description: "Free text over name, short name and description." })
  @IsOptional()
  @searchText()
  q?: string | null;

  @Field(() => [NetworkKind], { nullable: true })
  kinds?: NetworkKind[] | null;

  @Field(() => [ID], { nullable: true, description: "One of these actors currently sits in it." })
  @IsOptional()
  @idList()
  actorIds?: string[] | null;

  @Field(() => DateRangeInput, { nullable: true, description: "Met at least once in this range." })
  metBetween?: DateRangeInput | null;

  @Field(() => Boolean, { nullable: true, description: "Default false: archived networks are hidden. null lists both." })
  archived?: boolean | null;
}

export enum NetworkOrderField {
  NAME = "NAME",
  CREATED_AT = "CREATED_AT",
  UPDATED_AT = "UPDATED_AT",
}
registerEnumType(NetworkOrderField, { name: "NetworkOrderField" });

@InputType()
export class NetworkOrder {
  @Field(() => NetworkOrderField, { defaultValue: NetworkOrderField.NAME })
  field!: NetworkOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@ObjectType({ simpleResolvers: true })
export class NetworkPayload {
  @Field(() => Network)
  network!: Network;
}

@ObjectType({ simpleResolvers: true })
export class MembershipPayload {
  @Field(() => Membership)
  membership!: Membership;
}

@ObjectType({ simpleResolvers: true })
export class RemoveMembershipPayload {
  @Field(() => ID)
  removedId!: string;

  @Field(() => Network)
  network!: Network;
}

@ObjectType({ simpleResolvers: true })
export class MeetingPayload {
  @Field(() => Meeting)
  meeting!: Meeting;
}
