import { useApolloClient, useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { StatusMessage } from "../../ui/StatusMessage";
import { QueryState } from "../../ui/QueryState";
import { actorQuery } from "./actors.documents";
import { ActorForm, actorValues } from "./ActorForm";

export function ActorEditPage({ actorId }: { actorId?: string }) {
  const params = useParams();
  const id = actorId ?? params.id ?? "";
  const { t } = useTranslation();
  const client = useApolloClient();
  const { data, loading, error, refetch } = useQuery(actorQuery, { variables: { id }, fetchPolicy: "network-only" });
  usePageTitle(t("actors:editTitle"));
  const actor = data?.actor;
  const { role, account } = useSession();
  // Partners keep only their own organisation current (the API refuses anything else, too).
  if (role === "PARTNER" && account?.actor?.id !== id) {
    return (
      <section>
        <h1 tabIndex={-1}>{t("actors:editTitle")}</h1>
        <StatusMessage kind="error">{t("errors:FORBIDDEN")}</StatusMessage>
      </section>
    );
  }
  return (
    <section>
      <p className="breadcrumb">
        <Link to={`/akteure/${encodeURIComponent(id)}`}>{actor?.name ?? t("actors:detailTitle")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("actors:editTitle")}</h1>
      <QueryState loading={loading} error={error} hasData={!!actor} onRetry={() => void refetch()}>
        {actor && (
          <ActorForm
            key={actor.id}
            id={actor.id}
            version={actor.version}
            initial={actorValues(actor)}
            reload={async () => {
              const fresh = await client.query({ query: actorQuery, variables: { id }, fetchPolicy: "network-only" });
              return { values: actorValues(fresh.data!.actor), version: fresh.data!.actor.version };
            }}
          />
        )}
      </QueryState>
    </section>
  );
}
