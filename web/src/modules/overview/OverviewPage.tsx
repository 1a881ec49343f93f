import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { QueryState } from "../../ui/QueryState";
import { KeyFigures } from "./KeyFigures";
import { NetworkList } from "./NetworkList";
import { overviewQuery, publicOverviewQuery } from "./overview.documents";

const NETWORKS_SHOWN = 10;

/** The landing page: what Knotenpunkt is, the two public services, and for logged-in users the network in numbers. */
export function OverviewPage() {
  const { t } = useTranslation();
  usePageTitle(null);
  const { account } = useSession();
  return (
    <>
      <section className="intro" aria-labelledby="titel">
        <h1 id="titel" tabIndex={-1}>
          {t("common:appName")} <span className="intro__dash">–</span> <span className="intro__sub">{t("common:county")}</span>
        </h1>
        <p className="intro__lead">{t("home:lead")}</p>
        <div className="tiles">
          <Link className="tile" to="/wer-ist-zustaendig">
            <span className="tile__title">{t("nav:referral")}</span>
            <span className="tile__text">{t("home:referralTile")}</span>
          </Link>
          <Link className="tile" to="/massnahmen">
            <span className="tile__title">{t("home:catalogueTile")}</span>
            <span className="tile__text">{t("home:catalogueText")}</span>
          </Link>
          {!account && (
            <Link className="tile" to="/anmelden">
              <span className="tile__title">{t("nav:login")}</span>
              <span className="tile__text">{t("home:loginTile")}</span>
            </Link>
          )}
        </div>
      </section>
      {account ? <InternalFigures /> : <PublicFigures />}
    </>
  );
}

function PublicFigures() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(publicOverviewQuery);
  return (
    <section aria-labelledby="zahlen" className="panel">
      <h2 id="zahlen">{t("home:figures")}</h2>
      <QueryState loading={loading} error={error} hasData={!!data} onRetry={() => void refetch()}>
        {data && <KeyFigures figures={[{ label: t("home:publicMeasures"), hint: t("home:publicMeasuresHint"), value: data.measures.totalCount }]} />}
      </QueryState>
    </section>
  );
}

function InternalFigures() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(overviewQuery, { variables: { networksFirst: NETWORKS_SHOWN } });
  return (
    <>
      <section aria-labelledby="zahlen" className="panel">
        <h2 id="zahlen">{t("home:figures")}</h2>
        <QueryState loading={loading} error={error} hasData={!!data} onRetry={() => void refetch()}>
          {data && (
            <KeyFigures
              figures={[
                { label: t("home:actors"), hint: t("home:actorsHint"), value: data.actors.totalCount },
                { label: t("home:measures"), hint: t("home:measuresHint"), value: data.measures.totalCount },
                { label: t("home:networks"), hint: t("home:networksHint"), value: data.networks.totalCount },
              ]}
            />
          )}
        </QueryState>
      </section>
      <section aria-labelledby="gremien" className="panel">
        <h2 id="gremien">{t("home:networksTitle")}</h2>
        <QueryState loading={loading} error={error} hasData={!!data} isEmpty={data?.networks.nodes.length === 0} emptyText={t("home:noNetworks")}>
          {data && <NetworkList networks={data.networks.nodes} />}
        </QueryState>
      </section>
    </>
  );
}
