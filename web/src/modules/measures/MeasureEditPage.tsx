import { useApolloClient, useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { QueryState } from "../../ui/QueryState";
import { StatusMessage } from "../../ui/StatusMessage";
import { actorOptionsQuery } from "../actors/actors.documents";
import { emptyMeasure, measureValues } from "./measure.form";
import { MeasureForm } from "./MeasureForm";
import { measureQuery } from "./measures.documents";

export function MeasureEditPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const { role, account } = useSession();
  const { data, loading, error, refetch } = useQuery(measureQuery, { variables: { id }, fetchPolicy: "network-only" });
  usePageTitle(t("measures:editTitle"));
  const measure = data?.measure;
  const forbidden = measure && role === "PARTNER" && account?.actor?.id !== measure.provider.id;
  return (
    <section>
      <p className="breadcrumb">
        <Link to={`/massnahmen/${encodeURIComponent(id)}`}>{measure?.title ?? t("measures:detailTitle")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("measures:editTitle")}</h1>
      <QueryState loading={loading} error={error} hasData={!!measure} onRetry={() => void refetch()}>
        {forbidden ? (
          <StatusMessage kind="error">{t("errors:FORBIDDEN")}</StatusMessage>
        ) : (
          measure && (
            <MeasureForm
              key={measure.id}
              initial={measureValues(measure)}
              existing={{
                id: measure.id,
                version: measure.version,
                reload: async () => {
                  const fresh = await client.query({ query: measureQuery, variables: { id }, fetchPolicy: "network-only" });
                  return { values: measureValues(fresh.data!.measure), version: fresh.data!.measure.version };
                },
              }}
              onSaved={(saved) => void navigate(`/massnahmen/${encodeURIComponent(saved)}`)}
            />
          )
        )}
      </QueryState>
    </section>
  );
}

/** New offering: partners create for their own organisation; the commissioner picks the provider. */
export function MeasureCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { role, account } = useSession();
  usePageTitle(t("measures:createTitle"));
  const actors = useQuery(actorOptionsQuery, { variables: { after: null }, skip: role !== "COMMISSIONER" });
  const providerOptions = role === "COMMISSIONER" ? (actors.data?.actors.nodes ?? []).map((a) => ({ value: a.id, label: a.name })) : undefined;
  const ready = role !== "COMMISSIONER" || !!actors.data;
  return (
    <section>
      <h1 tabIndex={-1}>{t("measures:createTitle")}</h1>
      {role === "PARTNER" && <p className="lead">{t("measures:createForOwn", { name: account?.actor?.name ?? "" })}</p>}
      <QueryState loading={actors.loading} error={actors.error} hasData={ready} onRetry={() => void actors.refetch()}>
        <MeasureForm
          initial={emptyMeasure(role === "PARTNER" ? (account?.actor?.id ?? "") : "")}
          providerOptions={providerOptions}
          onSaved={(saved) => void navigate(`/massnahmen/${encodeURIComponent(saved)}`)}
        />
      </QueryState>
    </section>
  );
}
