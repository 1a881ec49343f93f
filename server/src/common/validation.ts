import { ValidationError, validateSync } from "class-validator";
import { FieldErrors } from "./errors";

/** Runs the class-validator rules of an input object and adds every failure, with its path, to `errors`. */
export function checkInput(input: object, errors: FieldErrors): void {
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
