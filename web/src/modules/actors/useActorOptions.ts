import { useApolloClient } from "@apollo/client/react";
import { useCallback, useEffect, useState } from "react";
import { loadAllPages } from "../../ui/CsvButton";
import { actorOptionsQuery } from "./actors.documents";

export type Option = { value: string; label: string };

/**
 * Every actor's name for pickers (members, participants, handlers, cooperations), all pages of the
 * list: a county network can have more organisations than one page holds.
 */
export function useActorOptions(skip = false) {
  const client = useApolloClient();
  const [state, setState] = useState<{ options: Option[] | null; loading: boolean; error: unknown }>({ options: null, loading: !skip, error: null });
  const load = useCallback(async () => {
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const actors = await loadAllPages(async (after) => (await client.query({ query: actorOptionsQuery, variables: { after } })).data!.actors);
      setState({ options: actors.map((a) => ({ value: a.id, label: a.name })), loading: false, error: null });
    } catch (error) {
      setState({ options: null, loading: false, error });
    }
  }, [client]);
  useEffect(() => {
    if (!skip) void load();
  }, [load, skip]);
  return { ...state, retry: () => void load() };
}
