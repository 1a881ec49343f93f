import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { exampleQuery, newTabQuery } from "./console.example-query";

/**
 * POSTs `application/json` to the same origin, which Apollo Server's CSRF prevention accepts. Same-origin
 * fetches carry the login cookie; a token can be set in the console's Headers tab instead.
 */
const fetcher = createGraphiQLFetcher({ url: "/graphql" });

/*
 * /graphiql?query=… (the analysis page's "open in the console" links) opens that query in a new tab;
 * otherwise the first visit starts with the example. The example's variable has a default in the
 * query itself: GraphiQL 5 ignores `variables` of defaultTabs.
 */
const linkedQuery = new URLSearchParams(window.location.search).get("query") ?? undefined;
const defaultTabs = [{ query: linkedQuery ?? exampleQuery }];

export function ConsolePage() {
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={defaultTabs}
      defaultQuery={newTabQuery}
      initialQuery={linkedQuery}
    >
      <GraphiQL.Logo>
        <a className="console-logo" href="/" title="Zur Startseite von Knotenpunkt">
          Knotenpunkt <span className="console-logo__sub">Analysekonsole</span>
        </a>
      </GraphiQL.Logo>
    </GraphiQL>
  );
}
