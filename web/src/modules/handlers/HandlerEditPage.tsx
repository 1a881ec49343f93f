import { useApolloClient, useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { QueryState } from "../../ui/QueryState";
import { useActorOptions } from "../actors/useActorOptions";
import { emptyHandler, handlerValues } from "./handler.form";
import { HandlerForm } from "./HandlerForm";
import { handlerQuery } from "./handlers.documents";

const listOf = (actorId: string) => `/zustaendigkeiten?akteur=${encodeURIComponent(actorId)}`;

export function HandlerEditPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  usePageTitle(t("handlers:editTitle"));
  const { data, loading, error, refetch } = useQuery(handlerQuery, { variables: { id }, fetchPolicy: "network-only" });
  const actors = useActorOptions();
  const handler = data?.handler;
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/zustaendigkeiten">{t("handlers:title")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("handlers:editTitle")}</h1>
      <QueryState
        loading={loading || actors.loading}
        error={error ?? actors.error}
        hasData={!!handler && !!actors.options}
        onRetry={() => {
          void refetch();
          actors.retry();
        }}
      >
        {handler && actors.options && (
          <>
            {handler.archived && <p className="lead">{t("handlers:isArchived")}</p>}
            <HandlerForm
              key={handler.id}
              initial={handlerValues(handler)}
              actorOptions={actors.options}
              existing={{
                id: handler.id,
                version: handler.version,
                reload: async () => {
                  const fresh = await client.query({ query: handlerQuery, variables: { id }, fetchPolicy: "network-only" });
                  return { values: handlerValues(fresh.data!.handler), version: fresh.data!.handler.version };
                },
              }}
              onSaved={(saved) => void navigate(listOf(saved.actorId), { state: { saved: true } })}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}

/** New responsibility; `?akteur=` preselects the actor (the link on an actor's page). */
export function HandlerCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  usePageTitle(t("handlers:createTitle"));
  const actors = useActorOptions();
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/zustaendigkeiten">{t("handlers:title")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("handlers:createTitle")}</h1>
      <p className="lead">{t("handlers:createIntro")}</p>
      <QueryState loading={actors.loading} error={actors.error} hasData={!!actors.options} onRetry={actors.retry}>
        {actors.options && (
          <HandlerForm
            initial={emptyHandler(params.get("akteur") ?? "")}
            actorOptions={actors.options}
            onSaved={(saved) => void navigate(listOf(saved.actorId), { state: { saved: true } })}
          />
        )}
      </QueryState>
    </section>
  );
}
