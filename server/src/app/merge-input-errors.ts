import { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";

/**
 * graphql-js reports each badly typed variable as its own error. Clients get one BAD_USER_INPUT error naming
 * every field instead (`extensions.fields`), the same shape the services use for their own checks.
 */
export const mergeInputErrorsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors(rc) {
        const errors = rc.errors;
        if (errors.length === 0 || !errors.every((e) => e.extensions?.code === "BAD_USER_INPUT" && !e.extensions?.fields)) return;
        const fields = errors.map((e) => ({ path: inputPath(e.message), message: problem(e.message) }));
        const merged = new GraphQLError(errors.length === 1 ? errors[0].message : `Invalid input: ${errors.length} fields`, {
          extensions: { code: "BAD_USER_INPUT", fields },
        });
        (rc.errors as GraphQLError[]).splice(0, errors.length, merged);
      },
    };
  },
};

/** `Variable "$input" got invalid value "x" at "input.ageMin"; …` → "ageMin". */
function inputPath(message: string): string {
  const at = /got invalid value .* at "([^"]+)";/.exec(message)?.[1];
  const field = /; Field "([^"]+)" (?:of required type|is not defined)/.exec(message)?.[1];
  if (at) return at.replace(/^[^.[]+\.?/, "").replace(/\[(\d+)\]/g, ".$1").replace(/^\./, "") + (field ? `.${field}` : "") || "input";
  if (field) return field;
  const variable = /Variable "\$([^"]+)"/.exec(message)?.[1];
  return variable ?? "input";
}

/** The reason without the echo of the whole submitted value. */
function problem(message: string): string {
  const i = message.lastIndexOf("; ");
  return i >= 0 ? message.slice(i + 2) : message;
}
