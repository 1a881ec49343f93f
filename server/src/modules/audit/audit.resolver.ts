import { Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from "type-graphql";
import { Context } from "../../app/context";
import { PageArgsType } from "../../common/page-args";
import { ConnectionResult, ConnectionType } from "../../common/pagination";
import { LocalDate } from "../../common/scalars";
import { NodeType, toGlobalId } from "../../common/global-id";
import { Role } from "../auth/auth.enums";
import { AuditAction, AuditEntry } from "./audit.entity";
import { listAudit } from "./audit.query";

export const AuditConnection = ConnectionType(AuditEntry, "AuditEntry");

@InputType()
export class AuditFilter {
  @Field(() => String, { nullable: true, description: "Actor, Measure, Handler, Network, Membership, Meeting, Cooperation, Account …" })
  entityType?: string | null;

  @Field(() => ID, { nullable: true, description: "The global id of one object: its whole history." })
  entityId?: string | null;

  @Field(() => ID, { nullable: true, description: "Changes made by this account." })
  accountId?: string | null;

  @Field(() => [AuditAction], { nullable: true })
  actions?: AuditAction[] | null;

  @Field(() => LocalDate, { nullable: true })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true })
  to?: string | null;
}

@ArgsType()
class AuditArgs extends PageArgsType {
  @Field(() => AuditFilter, { nullable: true })
  filter?: AuditFilter | null;
}

@Authorized()
@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized(Role.COMMISSIONER)
  @Query(() => AuditConnection, { description: "The audit trail, newest first (commissioner only; read-only)." })
  auditLog(@Args() args: AuditArgs, @Ctx() ctx: Context): Promise<ConnectionResult<AuditEntry>> {
    return listAudit(ctx, args.filter ?? {}, args);
  }

  @FieldResolver(() => ID, { description: "Global id of the changed object." })
  entityId(@Root() e: AuditEntry): string {
    return toGlobalId(e.entityType as NodeType, e.entityId);
  }

  @FieldResolver(() => ID, { nullable: true, description: "Global id of the account that made the change." })
  accountId(@Root() e: AuditEntry): string | null {
    return e.accountId === null ? null : toGlobalId("Account", e.accountId);
  }
}
