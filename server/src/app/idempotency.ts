import { ApolloServerPlugin, GraphQLResponse, HeaderMap } from "@apollo/server";
import { createHash } from "node:crypto";
import { Column, CreateDateColumn, Entity, LessThan, PrimaryColumn } from "typeorm";
import { Context } from "./context";

/** A mutation request made with an `Idempotency-Key` header, and the response it got. */
@Entity("idempotency_key")
export class IdempotencyRecord {
  /** `<accountId or 0>:<key>`: keys are scoped to the account that used them. */
  @PrimaryColumn({ type: "varchar", length: 120 })
  scopedKey!: string;

  @Column({ type: "varchar", length: 64 })
  requestHash!: string;

  /** The JSON response; null while the first request is still running. */
  @Column({ type: "text", nullable: true })
  response!: string | null;

  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;
}

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;
const KEEP_HOURS = 24;

/**
 * A refusal as a finished response. (Thrown from `responseForOperation`, Apollo would mask it as an internal
 * error, so it is answered directly, already in the shape `formatError` gives client errors.)
 */
function refuse(message: string, code: "BAD_USER_INPUT" | "CONFLICT"): GraphQLResponse {
  const extensions = { code, ...(code === "BAD_USER_INPUT" ? { fields: [{ path: "Idempotency-Key", message }] } : {}) };
  return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: "single", singleResult: { errors: [{ message, extensions }] } } };
}

/**
 * Mutations sent with an `Idempotency-Key` header apply at most once: a retry with the same key and the same body
 * (after a lost connection) gets the stored response instead of running again; the same key with another body is
 * refused. A request that failed is not stored, so it can be retried.
 */
export const idempotencyPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart(rc) {
    const key = rc.request.http?.headers.get("idempotency-key");
    if (!key) return;
    let claimed: string | null = null;
    return {
      async responseForOperation(op) {
        if (op.operation?.operation !== "mutation") return null;
        if (!KEY_PATTERN.test(key)) return refuse("Idempotency-Key must be 8–100 characters of letters, digits, '_', '-', '.' or ':'", "BAD_USER_INPUT");
        const ds = op.contextValue.ds;
        const scopedKey = `${op.contextValue.viewer?.accountId ?? 0}:${key}`;
        const requestHash = createHash("sha256")
          .update(JSON.stringify([op.request.query, op.request.operationName ?? null, op.request.variables ?? {}]))
          .digest("hex");
        const repo = ds.getRepository(IdempotencyRecord);
        const existing = await repo.findOneBy({ scopedKey });
        if (existing) {
          if (existing.requestHash !== requestHash) return refuse("This Idempotency-Key was already used for a different request", "BAD_USER_INPUT");
          if (existing.response === null) return refuse("A request with this Idempotency-Key is still running; retry shortly", "CONFLICT");
          return { http: { status: undefined, headers: new HeaderMap([["idempotent-replay", "true"]]) }, body: { kind: "single", singleResult: JSON.parse(existing.response) } };
        }
        try {
          await repo.insert({ scopedKey, requestHash, response: null });
        } catch {
          return refuse("A request with this Idempotency-Key is still running; retry shortly", "CONFLICT");
        }
        claimed = scopedKey;
        if (Math.random() < 0.01) await repo.delete({ createdAt: LessThan(new Date(Date.now() - KEEP_HOURS * 3_600_000)) });
        return null;
      },
      async willSendResponse(response) {
        if (!claimed) return;
        const repo = response.contextValue.ds.getRepository(IdempotencyRecord);
        const body = response.response.body;
        if (body.kind === "single" && !body.singleResult.errors?.length) {
          await repo.update({ scopedKey: claimed }, { response: JSON.stringify(body.singleResult) });
        } else {
          await repo.delete({ scopedKey: claimed });
        }
      },
    };
  },
};
