import { useApolloClient, useQuery } from "@apollo/client/react";
import { Fragment, useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import type { OverlapFilter, OverlapKind, OverlapsQuery, OverlapStatus } from "../../gql/graphql";
import { CsvButton, loadAllPages } from "../../ui/CsvButton";
import { CheckboxGroup, SelectField } from "../../ui/Field";
import { Pagination, useCursorPager } from "../../ui/Pagination";
import { QueryState } from "../../ui/QueryState";
import { formatPercent } from "../../ui/format";
import { useTaxonomy } from "../taxonomy/useTaxonomy";
import { overlapClustersQuery, overlapsQuery } from "./overlaps.documents";

type Row = OverlapsQuery["overlaps"]["nodes"][number];
export const OVERLAP_STATUSES: OverlapStatus[] = ["OPEN", "CONFIRMED", "COMPLEMENTARY", "DISMISSED", "RESOLVED"];
const KINDS: OverlapKind[] = ["CROSS_ACTOR", "SAME_ACTOR_DUPLICATE"];
const MIN_SCORES = ["0.5", "0.6", "0.7", "0.8", "0.9"];
const PAGE_SIZE = 25;

function filterFromParams(params: URLSearchParams): OverlapFilter {
  const filter: OverlapFilter = {};
  const statuses = params.has("status") ? (params.getAll("status").filter(Boolean) as OverlapStatus[]) : (["OPEN"] as OverlapStatus[]);
  if (statuses.length > 0) filter.statuses = statuses;
  if (params.get("art")) filter.kinds = [params.get("art") as OverlapKind];
  if (params.get("mindestens")) filter.minScore = Number(params.get("mindestens"));
  if (params.get("feld")) filter.fieldOfActionIds = [params.get("feld")!];
  if (params.get("gemeinde")) filter.municipalityIds = [params.get("gemeinde")!];
  return filter;
}

/** Rows of one page, with the members of a cluster (≥ 3 mutually overlapping offerings) kept together. */
function groupRows(rows: readonly Row[]): { key: string; cluster: string | null; rows: Row[] }[] {
  const groups: { key: string; cluster: string | null; rows: Row[] }[] = [];
  const byCluster = new Map<string, { key: string; cluster: string | null; rows: Row[] }>();
  for (const row of rows) {
    if (row.clusterKey) {
      const existing = byCluster.get(row.clusterKey);
      if (existing) existing.rows.push(row);
      else {
        const group = { key: `c-${row.clusterKey}`, cluster: row.clusterKey, rows: [row] };
        byCluster.set(row.clusterKey, group);
        groups.push(group);
      }
    } else groups.push({ key: row.id, cluster: null, rows: [row] });
  }
  return groups;
}

export function OverlapsPage() {
  const { t } = useTranslation();
  usePageTitle(t("overlaps:title"));
  const { role } = useSession();
  const client = useApolloClient();
  const taxonomy = useTaxonomy();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const pager = useCursorPager();
  const { reset } = pager;
  const paramsKey = params.toString();
  useEffect(() => reset(), [paramsKey, reset]);
  const { data, previousData, loading, error, refetch } = useQuery(overlapsQuery, {
    variables: { first: PAGE_SIZE, after: pager.after, filter },
    notifyOnNetworkStatusChange: true,
  });
  const clusters = useQuery(overlapClustersQuery);
  const shown = data ?? previousData;

  function update(name: string, value: string | string[]) {
    const next = new URLSearchParams(params);
    next.delete(name);
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) if (v) next.append(name, v);
    // An explicitly empty status choice means "every status", not the default "open".
    if (name === "status" && values.length === 0) next.append("status", "");
    setParams(next, { replace: true });
  }

  const statuses = params.has("status") ? params.getAll("status").filter(Boolean) : ["OPEN"];
  const csvColumns = [
    { header: t("overlaps:col.score"), value: (r: Row) => r.score.toFixed(3) },
    { header: t("overlaps:col.measureA"), value: (r: Row) => r.measureA?.title ?? "" },
    { header: t("overlaps:col.providerA"), value: (r: Row) => r.measureA?.provider.name ?? "" },
    { header: t("overlaps:col.measureB"), value: (r: Row) => r.measureB?.title ?? "" },
    { header: t("overlaps:col.providerB"), value: (r: Row) => r.measureB?.provider.name ?? "" },
    { header: t("overlaps:col.kind"), value: (r: Row) => t(`enums:OverlapKind.${r.kind}`) },
    { header: t("overlaps:col.status"), value: (r: Row) => t(`enums:OverlapStatus.${r.status}`) },
    { header: t("overlaps:col.cluster"), value: (r: Row) => r.clusterKey ?? "" },
    { header: t("overlaps:col.why"), value: (r: Row) => r.explanation },
  ];

  return (
    <section>
      <h1 tabIndex={-1}>{t("overlaps:title")}</h1>
      <p className="lead">{t("overlaps:intro")}</p>
      <div className="with-sidebar">
        <aside className="filters" aria-labelledby="filter-titel">
          <h2 id="filter-titel">{t("common:filters")}</h2>
          <CheckboxGroup label={t("overlaps:col.status")} name="status" values={statuses} onChange={(v) => update("status", v)} options={OVERLAP_STATUSES.map((s) => ({ value: s, label: t(`enums:OverlapStatus.${s}`) }))} />
          <SelectField label={t("overlaps:col.kind")} name="art" value={params.get("art") ?? ""} onChange={(v) => update("art", v)} options={KINDS.map((k) => ({ value: k, label: t(`enums:OverlapKind.${k}`) }))} placeholder={t("common:all")} />
          <SelectField label={t("overlaps:filter.minScore")} name="mindestens" value={params.get("mindestens") ?? ""} onChange={(v) => update("mindestens", v)} options={MIN_SCORES.map((s) => ({ value: s, label: formatPercent(Number(s)) }))} placeholder={t("common:all")} />
          <SelectField label={t("measures:filter.field")} name="feld" value={params.get("feld") ?? ""} onChange={(v) => update("feld", v)} options={taxonomy.fieldOptions} placeholder={t("common:all")} />
          <SelectField label={t("measures:filter.municipality")} name="gemeinde" value={params.get("gemeinde") ?? ""} onChange={(v) => update("gemeinde", v)} options={taxonomy.municipalityOptions} placeholder={t("common:all")} />
          <button type="button" className="button button--secondary" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            {t("common:reset")}
          </button>
        </aside>
        <div className="results">
          <div className="toolbar">
            <p className="muted">{t("overlaps:sortedByScore")}</p>
            <CsvButton filename="ueberschneidungen.csv" columns={csvColumns} load={() => loadAllPages(async (after) => (await client.query({ query: overlapsQuery, variables: { first: 100, after, filter }, fetchPolicy: "network-only" })).data!.overlaps)} />
          </div>
          <QueryState loading={loading} error={error} hasData={!!shown} isEmpty={shown?.overlaps.nodes.length === 0} emptyText={t("overlaps:empty")} onRetry={() => void refetch()}>
            {shown && (
              <>
                <div className="table-scroll">
                  <table className="data-table overlap-table">
                    <caption className="visually-hidden">{t("overlaps:caption")}</caption>
                    <thead>
                      <tr>
                        <th scope="col" className="num">{t("overlaps:col.score")}</th>
                        <th scope="col">{t("overlaps:col.measureA")}</th>
                        <th scope="col">{t("overlaps:col.measureB")}</th>
                        <th scope="col">{t("overlaps:col.status")}</th>
                        <th scope="col">{t("overlaps:col.why")}</th>
                      </tr>
                    </thead>
                    {groupRows(shown.overlaps.nodes).map((group) => (
                      <tbody key={group.key} className={group.cluster ? "cluster-group" : undefined}>
                        {group.cluster && (
                          <tr className="cluster-group__head">
                            <th scope="rowgroup" colSpan={5}>
                              {t("overlaps:clusterRow", { count: group.rows.length })} – <a href={`#gruppe-${group.cluster}`}>{t("overlaps:showCluster")}</a>
                            </th>
                          </tr>
                        )}
                        {group.rows.map((o) => (
                          <tr key={o.id}>
                            <td className="num score">{formatPercent(o.score)}</td>
                            <td>
                              <MeasureCell m={o.measureA} />
                            </td>
                            <td>
                              <MeasureCell m={o.measureB} />
                            </td>
                            <td>
                              <span className={`status-pill status-pill--${o.status.toLowerCase()}`}>{t(`enums:OverlapStatus.${o.status}`)}</span>
                              <br />
                              <span className="muted">{t(`enums:OverlapKind.${o.kind}`)}</span>
                            </td>
                            <td>
                              <span className="small">{o.explanation}</span>
                              <br />
                              <Link to={`/ueberschneidungen/${encodeURIComponent(o.id)}`}>
                                {role === "COMMISSIONER" ? t("overlaps:review") : t("overlaps:compare")}
                                <span className="visually-hidden">: {o.measureA?.title} / {o.measureB?.title}</span>
                              </Link>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    ))}
                  </table>
                </div>
                <Pagination label={t("overlaps:paginationLabel")} page={pager.page} pageSize={PAGE_SIZE} shown={shown.overlaps.nodes.length} totalCount={shown.overlaps.totalCount} hasNextPage={shown.overlaps.pageInfo.hasNextPage} onNext={() => pager.next(shown.overlaps.pageInfo.endCursor)} onPrevious={pager.previous} />
              </>
            )}
          </QueryState>
          <section className="panel clusters" aria-labelledby="gruppen">
            <h2 id="gruppen">{t("overlaps:clusters")}</h2>
            <p className="muted">{t("overlaps:clustersIntro")}</p>
            <QueryState loading={clusters.loading} error={clusters.error} hasData={!!clusters.data} isEmpty={clusters.data?.overlapClusters.length === 0} emptyText={t("overlaps:noClusters")} onRetry={() => void clusters.refetch()}>
              <ul className="card-list">
                {clusters.data?.overlapClusters.map((c) => (
                  <li key={c.key} id={`gruppe-${c.key}`} className="card" tabIndex={-1}>
                    <p className="card__title">{t("overlaps:clusterTitle", { count: c.measures.length, score: formatPercent(c.minScore) })}</p>
                    <ul className="plain-list">
                      {c.measures.map((m) => (
                        <li key={m.id}>
                          <Link to={`/massnahmen/${encodeURIComponent(m.id)}`}>{m.title}</Link> <span className="muted">– {m.provider.name}</span>
                        </li>
                      ))}
                    </ul>
                    <p>
                      {t("overlaps:clusterPairs")}{" "}
                      {c.overlaps.map((o, i) => (
                        <Fragment key={o.id}>
                          {i > 0 && ", "}
                          <Link to={`/ueberschneidungen/${encodeURIComponent(o.id)}`}>
                            {formatPercent(o.score)} ({t(`enums:OverlapStatus.${o.status}`)})
                          </Link>
                        </Fragment>
                      ))}
                    </p>
                  </li>
                ))}
              </ul>
            </QueryState>
          </section>
        </div>
      </div>
    </section>
  );
}

function MeasureCell({ m }: { m: Row["measureA"] }) {
  const { t } = useTranslation();
  if (!m) return <span className="muted">{t("measures:hiddenMeasure")}</span>;
  return (
    <>
      <Link to={`/massnahmen/${encodeURIComponent(m.id)}`}>{m.title}</Link>
      <br />
      <span className="muted small">{m.provider.name}</span>
    </>
  );
}
