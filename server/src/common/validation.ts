import { ValidationError, validateSync } from "class-validator";
import { FieldErrors } from "./errors";

/** Runs the class-validator rules of an input object and adds every failure, with its path, to `errors`. */
export function checkInput(input: object, errors: FieldErrors): void {
  // Lone UTF-16 surrogates cannot be stored as text, and some validators throw on them (URI malformed): such
  // strings are refused by name before any rule runs.
  if (addMalformed(input, errors, "")) return;
  const failures = validateSync(input, { forbidUnknownValues: false, validationError: { target: false, value: false } });
  addFailures(failures, errors, "");
}

function addFailures(failures: ValidationError[], errors: FieldErrors, prefix: string): void {
  for (const f of failures) {
    const path = prefix ? `${prefix}.${f.property}` : f.property;
    for (const message of Object.values(f.constraints ?? {})) errors.add(path, message);
    if (f.children?.length) addFailures(f.children, errors, path);
  }
}

const LONE_SURROGATE = /\p{Cs}/u;

/** Adds an error for every string in `value` (nested objects and lists included) that is not well-formed Unicode. */
function addMalformed(value: unknown, errors: FieldErrors, path: string): boolean {
  if (typeof value === "string") {
    if (!LONE_SURROGATE.test(value)) return false;
    errors.add(path || "input", "contains an invalid character (an unpaired UTF-16 surrogate)");
    return true;
  }
  if (value === null || typeof value !== "object" || value instanceof Date) return false;
  let found = false;
  for (const [key, child] of Object.entries(value)) found = addMalformed(child, errors, path ? `${path}.${key}` : key) || found;
  return found;
}
