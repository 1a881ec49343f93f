import { IsEmail, IsEnum, IsOptional, Matches, MaxLength } from "class-validator";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { Account } from "./account.entity";
import { Role } from "./auth.enums";

@InputType()
export class LoginInput {
  @Field()
  @MaxLength(254)
  email!: string;

  @Field()
  @MaxLength(200)
  password!: string;

  @Field(() => String, { nullable: true, description: "The 6-digit code of the authenticator app, when the account uses TOTP." })
  @IsOptional()
  @MaxLength(10)
  totpCode?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class LoginPayload {
  @Field(() => Account, { nullable: true, description: "The logged-in account; null while a TOTP code is still needed." })
  account!: Account | null;

  @Field({ description: "True when the password was right and the account needs its TOTP code: log in again with totpCode." })
  totpRequired!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class LogoutPayload {
  @Field()
  loggedOut!: boolean;
}

@InputType({ description: "Invite someone to Knotenpunkt: a single-use link that creates an account." })
export class CreateInvitationInput {
  @Field()
  @MaxLength(254)
  @IsEmail({}, { message: "must be an e-mail address" })
  email!: string;

  @Field(() => Role, { defaultValue: Role.PARTNER })
  @IsEnum(Role)
  role!: Role;

  @Field(() => ID, { nullable: true, description: "Required for PARTNER: the actor the account will keep current." })
  actorId?: string | null;
}

@ObjectType({ simpleResolvers: true, description: "A single-use link; hand it to the person (it is shown only once)." })
export class InvitationPayload {
  @Field()
  url!: string;

  @Field(() => Date)
  expiresAt!: Date;
}

@InputType()
export class AcceptInvitationInput {
  @Field()
  @MaxLength(100)
  token!: string;

  @Field()
  @MaxLength(200)
  password!: string;
}

@InputType()
export class CreatePasswordResetInput {
  @Field(() => ID)
  accountId!: string;
}

@InputType()
export class ResetPasswordInput {
  @Field()
  @MaxLength(100)
  token!: string;

  @Field()
  @MaxLength(200)
  password!: string;
}

@ObjectType({ simpleResolvers: true, description: "The secret to enter into an authenticator app; confirm it with enableTotp." })
export class TotpSetupPayload {
  @Field()
  secret!: string;

  @Field({ description: "otpauth:// URI for a QR code." })
  otpauthUrl!: string;
}

@InputType()
export class TotpCodeInput {
  @Field()
  @Matches(/^\d{6}$/, { message: "must be the 6-digit code" })
  code!: string;
}

@InputType()
export class SetAccountDisabledInput {
  @Field(() => ID)
  id!: string;

  @Field()
  disabled!: boolean;
}
