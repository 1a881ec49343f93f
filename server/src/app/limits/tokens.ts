import { GraphQLError, Lexer, Source, TokenKind } from "graphql";

/** graphql-js's message when `parseOptions.maxTokens` stops the parser (16.x spells it "more that"). */
const TOKEN_LIMIT_MESSAGE = /Document contains more (?:than|that) \d+ tokens/;

export function isTokenLimitError(e: GraphQLError): boolean {
  return e.extensions?.code === "GRAPHQL_PARSE_FAILED" && TOKEN_LIMIT_MESSAGE.test(e.message);
}

/**
 * Counts the tokens of a document the parser gave up on, for the refusal's `measured`. The body limit bounds the
 * work; counting stops at the first lexical error, which is as far as a parser could have got.
 */
export function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let n = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) n += 1;
  } catch {
    /* a lexical error ends the count */
  }
  return n;
}
