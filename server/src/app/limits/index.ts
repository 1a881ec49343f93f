import { LimitsConfig } from "../../config";
import { batchLimit } from "./batch-limit";
import { documentLimitsRule } from "./document-limits";
import { limitsPlugin } from "./limits.plugin";

/** Everything `createServer` wires in to enforce the request limits of `config.ts`. */
export function requestLimits(limits: LimitsConfig) {
  return {
    /** Depth, aliases, directives, selections: static, so Apollo validates each distinct document once. */
    validationRules: [documentLimitsRule(limits)],
    /** Introspection, cost, tokens' refusal, statement timeouts, `extensions.cost`. */
    plugin: limitsPlugin(limits),
    /** graphql-js stops parsing after this many tokens. */
    parseOptions: { maxTokens: limits.tokens },
    /** Before Apollo: at most `batch` operations per HTTP request. */
    batchLimit: batchLimit(limits.batch),
    bodyLimit: `${limits.bodyKb}kb`,
  };
}

export { LimitError } from "./limit-error";
