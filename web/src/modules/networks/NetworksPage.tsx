import { useApolloClient, useQuery } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import type { NetworkKind, NetworksQuery } from "../../gql/graphql";
import { CsvButton, loadAllPages } from "../../ui/CsvButton";
import { Checkbox, SelectField, TextField } from "../../ui/Field";
import { Pagination, useCursorPager } from "../../ui/Pagination";
import { QueryState } from "../../ui/QueryState";
import { formatCount, formatDate } from "../../ui/format";
import { NETWORK_KINDS as KINDS } from "./network.form";
import { networksQuery } from "./networks.documents";

const PAGE_SIZE = 25;
type Row = NetworksQuery["networks"]["nodes"][number];

export function NetworksPage() {
  const { t } = useTranslation();
  usePageTitle(t("networks:title"));
  const client = useApolloClient();
  const { role } = useSession();
  const mayEdit = role === "COMMISSIONER";
  const [withArchived, setWithArchived] = useState(false);
  const [kind, setKind] = useState("");
  const [q, setQ] = useState("");
  const [query, setQuery] = useState("");
  const pager = useCursorPager();
  // archived: null lists archived bodies too (the commissioner may restore them).
  const filter = { ...(kind ? { kinds: [kind as NetworkKind] } : {}), ...(query ? { q: query } : {}), ...(withArchived ? { archived: null } : {}) };
  const { data, previousData, loading, error, refetch } = useQuery(networksQuery, {
    variables: { first: PAGE_SIZE, after: pager.after, filter },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const lastMeeting = (r: Row) => r.meetings.map((m) => m.date).sort().at(-1) ?? null;
  return (
    <section>
      <h1 tabIndex={-1}>{t("networks:title")}</h1>
      <p className="lead">{t("networks:intro")}</p>
      {mayEdit && (
        <p className="actions">
          <Link className="button" to="/gremien/neu">
            {t("networks:createTitle")}
          </Link>
        </p>
      )}
      <form
        role="search"
        className="toolbar"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          pager.reset();
          setQuery(q.trim());
        }}
      >
        <TextField label={t("networks:search")} name="q" type="search" value={q} onChange={setQ} className="field--inline" />
        <SelectField label={t("networks:col.kind")} name="kind" className="field--inline" value={kind} onChange={(v) => { pager.reset(); setKind(v); }} options={KINDS.map((k) => ({ value: k, label: t(`enums:NetworkKind.${k}`) }))} placeholder={t("common:all")} />
        {mayEdit && (
          <Checkbox
            label={t("networks:withArchived")}
            name="archiviert"
            className="field--inline"
            checked={withArchived}
            onChange={(x) => {
              pager.reset();
              setWithArchived(x);
            }}
          />
        )}
        <button type="submit" className="button">{t("common:search")}</button>
        <CsvButton
          filename="gremien.csv"
          columns={[
            { header: t("networks:col.name"), value: (r: Row) => r.name },
            { header: t("networks:col.kind"), value: (r) => t(`enums:NetworkKind.${r.kind}`) },
            { header: t("networks:col.members"), value: (r) => r.memberCount },
            { header: t("networks:col.meetings"), value: (r) => r.meetings.length },
            { header: t("networks:col.lastMeeting"), value: (r) => lastMeeting(r) ?? "" },
          ]}
          load={() => loadAllPages(async (after) => (await client.query({ query: networksQuery, variables: { first: 100, after, filter }, fetchPolicy: "network-only" })).data!.networks)}
        />
      </form>
      <QueryState loading={loading} error={error} hasData={!!shown} isEmpty={shown?.networks.nodes.length === 0} emptyText={t("networks:empty")} onRetry={() => void refetch()}>
        {shown && (
          <>
            <div className="table-scroll">
              <table className="data-table">
                <caption className="visually-hidden">{t("networks:caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("networks:col.name")}</th>
                    <th scope="col">{t("networks:col.kind")}</th>
                    <th scope="col" className="num">{t("networks:col.members")}</th>
                    <th scope="col" className="num">{t("networks:col.meetings")}</th>
                    <th scope="col">{t("networks:col.lastMeeting")}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.networks.nodes.map((n) => (
                    <tr key={n.id} className={n.archived ? "row--archived" : undefined}>
                      <th scope="row">
                        <Link to={`/gremien/${encodeURIComponent(n.id)}`}>{n.name}</Link>
                        {n.archived && <span className="badge">{t("networks:archived")}</span>}
                      </th>
                      <td>{t(`enums:NetworkKind.${n.kind}`)}</td>
                      <td className="num">{formatCount(n.memberCount)}</td>
                      <td className="num">{formatCount(n.meetings.length)}</td>
                      <td>{formatDate(lastMeeting(n)) || "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination label={t("networks:paginationLabel")} page={pager.page} pageSize={PAGE_SIZE} shown={shown.networks.nodes.length} totalCount={shown.networks.totalCount} hasNextPage={shown.networks.pageInfo.hasNextPage} onNext={() => pager.next(shown.networks.pageInfo.endCursor)} onPrevious={pager.previous} />
          </>
        )}
      </QueryState>
    </section>
  );
}
