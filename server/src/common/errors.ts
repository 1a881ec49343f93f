import { GraphQLError } from "graphql";

/** One invalid input field: `path` is the dotted path inside the mutation's `input` (e.g. "ageMin", "contactPersons.1.email"). */
export interface FieldError {
  path: string;
  message: string;
}

export class UserInputError extends GraphQLError {
  constructor(fields: FieldError[], message?: string) {
    super(message ?? `Invalid input: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`, {
      extensions: { code: "BAD_USER_INPUT", fields },
    });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string, path?: string) {
    super(`${what} "${truncate(id)}" was not found`, {
      extensions: { code: "NOT_FOUND", ...(path ? { fields: [{ path, message: `unknown ${what}` }] } : {}) },
    });
  }
}

export class ConflictError extends GraphQLError {
  constructor(what: string, currentVersion: number, givenVersion: number) {
    super(
      `${what} was changed by someone else (your version ${givenVersion}, current version ${currentVersion}); reload and apply your change again`,
      { extensions: { code: "CONFLICT", currentVersion, givenVersion } },
    );
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = "You are not allowed to do this") {
    super(message, { extensions: { code: "FORBIDDEN" } });
  }
}

function truncate(s: string): string {
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}

/** Collects field errors while a service checks an input, then throws them all at once. */
export class FieldErrors {
  readonly list: FieldError[] = [];
  /** References to rows that do not exist: reported as NOT_FOUND when nothing else is wrong. */
  readonly missing: FieldError[] = [];
  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
  addMissing(path: string, message: string): void {
    this.missing.push({ path, message });
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new UserInputError([...this.list, ...this.missing]);
    if (this.missing.length > 0) {
      throw new GraphQLError(`Not found: ${this.missing.map((f) => `${f.path}: ${f.message}`).join("; ")}`, {
        extensions: { code: "NOT_FOUND", fields: this.missing },
      });
    }
  }
}
