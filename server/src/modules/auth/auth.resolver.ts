import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Context } from "../../app/context";
import { ANYONE } from "../../common/auth-checker";
import { GraphQLJSONObject } from "graphql-scalars";
import { Actor } from "../actors/actor.entity";
import { exportAccountData } from "./account-export.service";
import { Account } from "./account.entity";
import { Role } from "./auth.enums";
import {
  AcceptInvitationInput,
  CreateInvitationInput,
  CreatePasswordResetInput,
  InvitationPayload,
  LoginInput,
  LoginPayload,
  LogoutPayload,
  ResetPasswordInput,
  SetAccountDisabledInput,
  TotpCodeInput,
  TotpSetupPayload,
} from "./auth.inputs";
import {
  acceptInvitation,
  beginTotpSetup,
  createInvitation,
  createPasswordReset,
  listAccounts,
  login,
  logout,
  me,
  resetPassword,
  setAccountDisabled,
  setTotp,
} from "./auth.service";

/** What everyone may do, even with public access off: find out who they are, log in, redeem a link. */
@Authorized(ANYONE)
@Resolver()
export class PublicAuthResolver {
  @Query(() => Account, { nullable: true, description: "The logged-in account, or null." })
  me(@Ctx() ctx: Context): Promise<Account | null> {
    return me(ctx);
  }

  @Mutation(() => LoginPayload, { description: "Starts a session (cookie). Wrong e-mail and wrong password fail alike." })
  async login(@Arg("input", () => LoginInput) input: LoginInput, @Ctx() ctx: Context): Promise<LoginPayload> {
    return login(ctx, input);
  }

  @Mutation(() => LoginPayload, { description: "Creates the invited account with its password and logs it in." })
  async acceptInvitation(@Arg("input", () => AcceptInvitationInput) input: AcceptInvitationInput, @Ctx() ctx: Context): Promise<LoginPayload> {
    const account = await acceptInvitation(ctx, input);
    return { account: ctx.viewer ? account : null, totpRequired: !ctx.viewer };
  }

  @Mutation(() => Boolean, { description: "Sets a new password with a reset link; ends every session of the account." })
  resetPassword(@Arg("input", () => ResetPasswordInput) input: ResetPasswordInput, @Ctx() ctx: Context): Promise<boolean> {
    return resetPassword(ctx, input);
  }
}

@Authorized()
@Resolver(() => Account)
export class AccountResolver {
  @Authorized(Role.COMMISSIONER)
  @Query(() => [Account], { description: "All accounts (commissioner)." })
  accounts(@Ctx() ctx: Context): Promise<Account[]> {
    return listAccounts(ctx);
  }

  @Mutation(() => LogoutPayload)
  async logout(@Ctx() ctx: Context): Promise<LogoutPayload> {
    return { loggedOut: await logout(ctx) };
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => InvitationPayload, { description: "A single-use link (valid 72 h) that creates an account; PARTNER accounts are bound to an actor." })
  createInvitation(@Arg("input", () => CreateInvitationInput) input: CreateInvitationInput, @Ctx() ctx: Context): Promise<InvitationPayload> {
    return createInvitation(ctx, input);
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => InvitationPayload, { description: "A single-use password-reset link (valid 30 min) for an account." })
  createPasswordReset(@Arg("input", () => CreatePasswordResetInput) input: CreatePasswordResetInput, @Ctx() ctx: Context): Promise<InvitationPayload> {
    return createPasswordReset(ctx, input.accountId);
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => Account, { description: "Disables (or re-enables) an account; disabling ends its sessions." })
  setAccountDisabled(@Arg("input", () => SetAccountDisabledInput) input: SetAccountDisabledInput, @Ctx() ctx: Context): Promise<Account> {
    return setAccountDisabled(ctx, input.id, input.disabled);
  }

  @Mutation(() => TotpSetupPayload, { description: "Starts setting up a second factor (TOTP); confirm with enableTotp." })
  beginTotpSetup(@Ctx() ctx: Context): Promise<TotpSetupPayload> {
    return beginTotpSetup(ctx);
  }

  @Mutation(() => Account)
  enableTotp(@Arg("input", () => TotpCodeInput) input: TotpCodeInput, @Ctx() ctx: Context): Promise<Account> {
    return setTotp(ctx, input.code, true);
  }

  @Mutation(() => Account, { description: "Turns the second factor off (not allowed for commissioner accounts)." })
  disableTotp(@Arg("input", () => TotpCodeInput) input: TotpCodeInput, @Ctx() ctx: Context): Promise<Account> {
    return setTotp(ctx, input.code, false);
  }

  @Query(() => GraphQLJSONObject, { description: "GDPR: everything stored about an account (your own, or any for the commissioner)." })
  exportAccountData(@Arg("accountId", () => ID) accountId: string, @Ctx() ctx: Context): Promise<Record<string, unknown>> {
    return exportAccountData(ctx, accountId);
  }

  @FieldResolver(() => Actor, { nullable: true, description: "For PARTNER accounts: the actor they keep current." })
  actor(@Root() a: Account, @Ctx() ctx: Context): Promise<Actor | null> | null {
    return a.actorId === null ? null : ctx.loaders.actor.load(a.actorId);
  }
}
