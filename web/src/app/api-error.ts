import { CombinedGraphQLErrors, ServerError, ServerParseError } from "@apollo/client";
import type { TFunction } from "i18next";

/** The error codes the API sends in `extensions.code` (README: Errors), plus the client's own. */
export const API_ERROR_CODES = [
  "BAD_USER_INPUT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "UNAUTHORIZED",
  "NOT_FOUND",
  "CONFLICT",
  "QUERY_TOO_COMPLEX",
  "RATE_LIMITED",
  "BAD_REQUEST",
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "INTERNAL_SERVER_ERROR",
] as const;

type GraphQLErrorLike = { message: string; extensions?: Record<string, unknown> | undefined };

function graphQLErrors(error: unknown): readonly GraphQLErrorLike[] {
  return CombinedGraphQLErrors.is(error) ? error.errors : [];
}

export function errorCodes(error: unknown): string[] {
  return graphQLErrors(error).map((e) => String(e.extensions?.["code"] ?? "INTERNAL_SERVER_ERROR"));
}

export function hasErrorCode(error: unknown, code: string): boolean {
  return errorCodes(error).includes(code);
}

/**
 * One helpful sentence in the reader's language for whatever went wrong. The API's own messages are
 * English and technical, so they are never shown as such; the code picks the sentence.
 */
export function describeApiError(error: unknown, t: TFunction): string {
  const errors = graphQLErrors(error);
  if (errors.length > 0) {
    const first = errors.find((e) => e.extensions?.["code"] !== "INTERNAL_SERVER_ERROR") ?? errors[0]!;
    const code = String(first.extensions?.["code"] ?? "INTERNAL_SERVER_ERROR");
    switch (code) {
      case "RATE_LIMITED":
        return t("errors:RATE_LIMITED", { seconds: Number(first.extensions?.["retryAfterSeconds"] ?? 60) });
      case "INTERNAL_SERVER_ERROR": {
        const reference = first.extensions?.["errorId"];
        return reference ? t("errors:INTERNAL_SERVER_ERROR_REF", { reference }) : t("errors:INTERNAL_SERVER_ERROR");
      }
      case "UNAUTHENTICATED":
        return /password|e-mail/i.test(first.message)
          ? t("errors:BAD_LOGIN")
          : /one-time code/i.test(first.message)
            ? t("errors:BAD_TOTP")
            : t("errors:UNAUTHENTICATED");
      default:
        return (API_ERROR_CODES as readonly string[]).includes(code) ? t(`errors:${code}`) : t("errors:UNKNOWN");
    }
  }
  if (ServerError.is(error)) return t("errors:HTTP", { status: error.statusCode });
  if (ServerParseError.is(error)) return t("errors:HTTP", { status: error.statusCode });
  return t("errors:NETWORK");
}

/** The API's English field messages, mapped to translation keys (anything else is shown as sent). */
const FIELD_MESSAGES: [RegExp, string][] = [
  [/^must not be blank$/, "blank"],
  [/^must not be null$/, "required"],
  [/^must be an e-mail address$/, "email"],
  [/^must be a phone number$/, "phone"],
  [/^must be an http\(s\) URL$/, "url"],
  [/^must be ISO 639 language codes/, "languages"],
  [/^must not be below ageMin/, "ageOrder"],
  [/^must not be before/, "dateOrder"],
  [/^must be at most (\d+) characters$/, "tooLong"],
  [/^must be at least (\d+) characters$/, "tooShort"],
  [/^must not contain the provider itself$/, "partnerIsProvider"],
  [/^is the provider of this measure$/, "partnerIsProvider"],
  [/^must be the 6-digit code$/, "totpFormat"],
  [/^is wrong or expired$/, "totpWrong"],
  [/^is invalid, used or expired$/, "tokenInvalid"],
  [/^was used already$/, "tokenUsed"],
  [/^was for an existing account$/, "tokenExisting"],
  [/^is too simple$/, "passwordSimple"],
  [/^is not a .* id|expected a .* id$/, "badId"],
  [/^must be between (\d+) and (\d+)/, "range"],
  [/^unknown \w+$/, "badId"],
  [/must not be less than (\d+)$/, "min"],
  [/must not be greater than (\d+)$/, "max"],
  [/must be shorter than or equal to (\d+) characters$/, "tooLong"],
  [/must be an integer number$/, "integer"],
  [/^already has a seat in this network/, "alreadySeated"],
  [/^name at least one municipality, or set countyWide$/, "municipalityOrCounty"],
  [/^must be a different actor than/, "sameActor"],
  [/^is required for a PARTNER invitation$/, "partnerActor"],
  [/^is only used for PARTNER invitations$/, "partnerOnly"],
  [/^already has an account$/, "accountExists"],
  [/^is your own account$/, "ownAccount"],
];

function translateFieldMessage(message: string, t: TFunction): string {
  for (const [pattern, key] of FIELD_MESSAGES) {
    const match = pattern.exec(message);
    if (match) return t(`errors:field.${key}`, { n: match[1], m: match[2] });
  }
  return message;
}

/**
 * BAD_USER_INPUT errors name every invalid field (`extensions.fields: [{ path, message }]`, paths
 * inside `input`, e.g. `contactPersons.0.email`). Returned by path, translated, for the form to show
 * at each field.
 */
export function fieldErrors(error: unknown, t: TFunction): Record<string, string> {
  const result: Record<string, string> = {};
  for (const e of graphQLErrors(error)) {
    if (e.extensions?.["code"] !== "BAD_USER_INPUT" && e.extensions?.["code"] !== "NOT_FOUND") continue;
    const fields = e.extensions?.["fields"];
    if (!Array.isArray(fields)) continue;
    for (const field of fields as { path?: unknown; message?: unknown }[]) {
      const path = String(field.path ?? "").replace(/^input\./, "");
      if (path && !(path in result)) result[path] = translateFieldMessage(String(field.message ?? ""), t);
    }
  }
  return result;
}

/**
 * The error of one form field: its own path, or the first error inside it (`decisions.2`,
 * `fieldOfActionId.0`), so list fields and references show what the API said about their items.
 */
export function errorAt(fields: Record<string, string>, name: string): string | undefined {
  if (fields[name]) return fields[name];
  const inner = Object.keys(fields).find((path) => path.startsWith(`${name}.`));
  return inner ? fields[inner] : undefined;
}

/** Required fields the API cannot even be asked about when empty (enums, dates, picked ids). */
export function missingRequired<V extends Record<string, unknown>>(values: V, keys: readonly (keyof V & string)[], t: TFunction): Record<string, string> {
  const result: Record<string, string> = {};
  for (const key of keys) {
    const value = values[key];
    if (value === "" || value === null || value === undefined) result[key] = t("errors:field.required");
  }
  return result;
}

/** A stale `version` (CONFLICT): nothing was changed; the caller offers to reload and re-apply. */
export function conflictOf(error: unknown): { currentVersion: number | null } | null {
  const conflict = graphQLErrors(error).find((e) => e.extensions?.["code"] === "CONFLICT");
  if (!conflict) return null;
  const current = conflict.extensions?.["currentVersion"];
  return { currentVersion: typeof current === "number" ? current : null };
}
