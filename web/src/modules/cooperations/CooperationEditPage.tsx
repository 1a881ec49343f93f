import { useApolloClient, useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { QueryState } from "../../ui/QueryState";
import { useActorOptions } from "../actors/useActorOptions";
import { cooperationValues, emptyCooperation } from "./cooperation.form";
import { CooperationForm } from "./CooperationForm";
import { cooperationQuery } from "./cooperations.documents";

const listOf = (actorId: string) => `/kooperationen?akteur=${encodeURIComponent(actorId)}`;

export function CooperationEditPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  usePageTitle(t("cooperations:editTitle"));
  const { data, loading, error, refetch } = useQuery(cooperationQuery, { variables: { id }, fetchPolicy: "network-only" });
  const cooperation = data?.cooperation;
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/kooperationen">{t("cooperations:title")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("cooperations:editTitle")}</h1>
      <QueryState loading={loading} error={error} hasData={!!cooperation} onRetry={() => void refetch()}>
        {cooperation && (
          <>
            {cooperation.archived && <p className="lead">{t("cooperations:isArchived")}</p>}
            <CooperationForm
              key={cooperation.id}
              initial={cooperationValues(cooperation)}
              existing={{
                id: cooperation.id,
                version: cooperation.version,
                actorNames: [cooperation.actorA.name, cooperation.actorB.name],
                reload: async () => {
                  const fresh = await client.query({ query: cooperationQuery, variables: { id }, fetchPolicy: "network-only" });
                  return { values: cooperationValues(fresh.data!.cooperation), version: fresh.data!.cooperation.version };
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

/** New cooperation; `?akteur=` preselects the first actor (the link on an actor's page). */
export function CooperationCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  usePageTitle(t("cooperations:createTitle"));
  const actors = useActorOptions();
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/kooperationen">{t("cooperations:title")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("cooperations:createTitle")}</h1>
      <QueryState loading={actors.loading} error={actors.error} hasData={!!actors.options} onRetry={actors.retry}>
        {actors.options && (
          <CooperationForm
            initial={emptyCooperation(params.get("akteur") ?? "")}
            actorOptions={actors.options}
            onSaved={(saved) => void navigate(listOf(saved.actorId), { state: { saved: true } })}
          />
        )}
      </QueryState>
    </section>
  );
}
