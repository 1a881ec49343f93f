import { CombinedGraphQLErrors, ServerError } from "@apollo/client";
import { print } from "@apollo/client/utilities";
import { useCallback, useEffect, useState } from "react";
import type { NetworkGraphFilter, NetworkGraphQuery } from "../../gql/graphql";
import { networkGraphQuery } from "./map.documents";

type State = { data: NetworkGraphQuery["networkGraph"] | null; error: unknown; loading: boolean };

const queryText = print(networkGraphQuery);

/**
 * The graph payload by plain fetch, not through Apollo: thousands of nodes and parallel edge arrays
 * would only cost time in the client's result processing and must stay out of its normalised cache
 * anyway. Errors come back in the same shapes Apollo uses, so describeApiError() explains them.
 */
export function useNetworkGraph(filter: NetworkGraphFilter) {
  const [state, setState] = useState<State>({ data: null, error: null, loading: true });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(filter);
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, error: null, loading: true }));
    void (async () => {
      try {
        const response = await fetch("/graphql", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: queryText, variables: { filter: JSON.parse(key) as NetworkGraphFilter } }),
          signal: controller.signal,
        });
        const text = await response.text();
        let body: { data?: NetworkGraphQuery | null; errors?: { message: string }[] };
        try {
          body = JSON.parse(text) as typeof body;
        } catch {
          throw new ServerError(`HTTP ${response.status}`, { response, bodyText: text });
        }
        if (body.errors?.length) throw new CombinedGraphQLErrors(body as never);
        if (!response.ok || !body.data) throw new ServerError(`HTTP ${response.status}`, { response, bodyText: text });
        setState({ data: body.data.networkGraph, error: null, loading: false });
      } catch (error) {
        if (!controller.signal.aborted) setState((s) => ({ ...s, error, loading: false }));
      }
    })();
    return () => controller.abort();
  }, [key, attempt]);
  const refetch = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, refetch };
}
