import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { OverviewQuery } from "../../gql/graphql";
import { formatCount } from "../../ui/format";

type Network = OverviewQuery["networks"]["nodes"][number];

export function NetworkList({ networks }: { networks: Network[] }) {
  const { t } = useTranslation();
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t("home:networksCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("networks:col.name")}</th>
          <th scope="col">{t("networks:col.kind")}</th>
          <th scope="col" className="num">
            {t("networks:col.members")}
          </th>
        </tr>
      </thead>
      <tbody>
        {networks.map((network) => (
          <tr key={network.id}>
            <th scope="row">
              <Link to={`/gremien/${encodeURIComponent(network.id)}`}>{network.name}</Link>
            </th>
            <td>{t(`enums:NetworkKind.${network.kind}`)}</td>
            <td className="num">{formatCount(network.memberCount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
