import { Context } from "../../app/context";
import { ForbiddenError, NotFoundError } from "../../common/errors";
import { localId, toGlobalId } from "../../common/global-id";
import { AuditEntry } from "../audit/audit.entity";
import { Account, AuthToken, Session } from "./account.entity";
import { can } from "./auth.policy";

/**
 * GDPR access request (Art. 15): everything stored about one account, as JSON — the account without its secrets,
 * its sessions, the links it issued, and the audit trail of its own actions and of changes to it.
 */
export async function exportAccountData(ctx: Context, accountGlobalId: string): Promise<Record<string, unknown>> {
  const id = localId(accountGlobalId, "Account");
  if (id === null) throw new NotFoundError("Account", accountGlobalId);
  if (!can.exportAccount(ctx.viewer, id)) throw new ForbiddenError("You may export your own data only");
  const account = await ctx.ds.getRepository(Account).findOneBy({ rowId: id });
  if (!account) throw new NotFoundError("Account", accountGlobalId);
  const [sessions, issued, actions, changes] = await Promise.all([
    ctx.ds.getRepository(Session).find({ where: { accountId: id } }),
    ctx.ds.getRepository(AuthToken).find({ where: { createdBy: id } }),
    ctx.ds.getRepository(AuditEntry).find({ where: { accountId: id }, order: { rowId: "ASC" } }),
    ctx.ds.getRepository(AuditEntry).find({ where: { entityType: "Account", entityId: id }, order: { rowId: "ASC" } }),
  ]);
  const audit = (e: AuditEntry) => ({ at: e.at, action: e.action, entityType: e.entityType, entityId: toGlobalId(e.entityType as never, e.entityId), changes: e.changes });
  return {
    exportedAt: new Date().toISOString(),
    account: {
      id: toGlobalId("Account", account.rowId),
      email: account.email,
      role: account.role,
      actorId: account.actorId === null ? null : toGlobalId("Actor", account.actorId),
      totpEnabled: account.totpEnabled,
      disabled: account.disabled,
      createdAt: account.createdAt,
      updatedAt: account.updatedAt,
      lastLoginAt: account.lastLoginAt,
    },
    sessions: sessions.map((s) => ({ createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, expiresAt: s.expiresAt, ip: s.ip })),
    linksIssued: issued.map((t) => ({ kind: t.kind, email: t.email, role: t.role, createdAt: t.createdAt, expiresAt: t.expiresAt, usedAt: t.usedAt })),
    actions: actions.map(audit),
    changesToAccount: changes.map(audit),
  };
}
