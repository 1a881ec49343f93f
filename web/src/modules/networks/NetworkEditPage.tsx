import { useApolloClient, useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { QueryState } from "../../ui/QueryState";
import { emptyNetwork, networkValues } from "./network.form";
import { NetworkForm } from "./NetworkForm";
import { networkQuery } from "./networks.documents";

export function NetworkEditPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const { data, loading, error, refetch } = useQuery(networkQuery, { variables: { id }, fetchPolicy: "network-only" });
  usePageTitle(t("networks:editTitle"));
  const network = data?.network;
  return (
    <section>
      <p className="breadcrumb">
        <Link to={`/gremien/${encodeURIComponent(id)}`}>{network?.name ?? t("networks:detailTitle")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("networks:editTitle")}</h1>
      <QueryState loading={loading} error={error} hasData={!!network} onRetry={() => void refetch()}>
        {network && (
          <NetworkForm
            key={network.id}
            initial={networkValues(network)}
            existing={{
              id: network.id,
              version: network.version,
              reload: async () => {
                const fresh = await client.query({ query: networkQuery, variables: { id }, fetchPolicy: "network-only" });
                return { values: networkValues(fresh.data!.network), version: fresh.data!.network.version };
              },
            }}
            onSaved={(saved) => void navigate(`/gremien/${encodeURIComponent(saved)}`)}
          />
        )}
      </QueryState>
    </section>
  );
}

export function NetworkCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t("networks:createTitle"));
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/gremien">{t("networks:title")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("networks:createTitle")}</h1>
      <NetworkForm initial={emptyNetwork()} onSaved={(saved) => void navigate(`/gremien/${encodeURIComponent(saved)}`)} />
    </section>
  );
}
