import { useApolloClient, useQuery } from "@apollo/client/react";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import type { ActorFilter, ActorKind, ActorOrderField, ActorsQuery, Level, SortDirection } from "../../gql/graphql";
import { CsvButton, loadAllPages } from "../../ui/CsvButton";
import { SelectField, TextField } from "../../ui/Field";
import { Pagination, useCursorPager } from "../../ui/Pagination";
import { QueryState } from "../../ui/QueryState";
import { SortHeader } from "../../ui/SortHeader";
import { formatCount } from "../../ui/format";
import { useTaxonomy } from "../taxonomy/useTaxonomy";
import { actorsQuery } from "./actors.documents";

type Row = ActorsQuery["actors"]["nodes"][number];
export const ACTOR_KINDS: ActorKind[] = ["PUBLIC_AUTHORITY", "MIGRATION_SERVICE", "WELFARE_ASSOCIATION", "EDUCATION_PROVIDER", "EMPLOYMENT_SERVICE", "MUNICIPALITY", "MIGRANT_ORGANISATION", "VOLUNTEER_INITIATIVE", "CHURCH", "ADVISORY_COUNCIL", "OTHER"];
export const LEVELS: Level[] = ["FEDERAL", "STATE", "COUNTY", "MUNICIPAL", "NON_GOVERNMENTAL"];
const PAGE_SIZE = 25;

function filterFromParams(params: URLSearchParams): ActorFilter {
  const filter: ActorFilter = {};
  if (params.get("q")) filter.q = params.get("q");
  if (params.get("art")) filter.kinds = [params.get("art") as ActorKind];
  if (params.get("ebene")) filter.levels = [params.get("ebene") as Level];
  if (params.get("gemeinde")) filter.municipalityIds = [params.get("gemeinde")!];
  if (params.get("feld")) filter.fieldOfActionIds = [params.get("feld")!];
  if (params.get("zielgruppe")) filter.targetGroupIds = [params.get("zielgruppe")!];
  return filter;
}

export function ActorsPage() {
  const { t } = useTranslation();
  usePageTitle(t("actors:title"));
  const client = useApolloClient();
  const taxonomy = useTaxonomy();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const sort = { field: (params.get("sortierung") ?? "NAME") as ActorOrderField, direction: (params.get("richtung") ?? "ASC") as SortDirection };
  const pager = useCursorPager();
  const { reset } = pager;
  const paramsKey = params.toString();
  useEffect(() => reset(), [paramsKey, reset]);
  const { data, previousData, loading, error, refetch } = useQuery(actorsQuery, {
    variables: { first: PAGE_SIZE, after: pager.after, filter, orderBy: sort },
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const [q, setQ] = useState(params.get("q") ?? "");

  function update(name: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }
  function onSort(s: { field: ActorOrderField; direction: SortDirection }) {
    const next = new URLSearchParams(params);
    next.set("sortierung", s.field);
    next.set("richtung", s.direction);
    setParams(next, { replace: true });
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    update("q", q.trim());
  }

  const csvColumns = [
    { header: t("actors:col.name"), value: (r: Row) => r.name },
    { header: t("actors:col.shortName"), value: (r: Row) => r.shortName ?? "" },
    { header: t("actors:col.kind"), value: (r: Row) => t(`enums:ActorKind.${r.kind}`) },
    { header: t("actors:col.level"), value: (r: Row) => t(`enums:Level.${r.level}`) },
    { header: t("actors:col.municipality"), value: (r: Row) => r.municipality?.name ?? "" },
    { header: t("actors:col.measures"), value: (r: Row) => r.measureCount },
    { header: t("actors:col.overlaps"), value: (r: Row) => r.overlapCount },
  ];

  return (
    <section>
      <h1 tabIndex={-1}>{t("actors:title")}</h1>
      <p className="lead">{t("actors:intro")}</p>
      <div className="with-sidebar">
        <aside className="filters" aria-labelledby="filter-titel">
          <h2 id="filter-titel">{t("common:filters")}</h2>
          <form role="search" onSubmit={submit} className="filters__search">
            <TextField label={t("actors:filter.q")} name="q" type="search" value={q} onChange={setQ} />
            <button type="submit" className="button">
              {t("common:search")}
            </button>
          </form>
          <SelectField label={t("actors:col.kind")} name="art" value={params.get("art") ?? ""} onChange={(v) => update("art", v)} options={ACTOR_KINDS.map((k) => ({ value: k, label: t(`enums:ActorKind.${k}`) }))} placeholder={t("common:all")} />
          <SelectField label={t("actors:col.level")} name="ebene" value={params.get("ebene") ?? ""} onChange={(v) => update("ebene", v)} options={LEVELS.map((l) => ({ value: l, label: t(`enums:Level.${l}`) }))} placeholder={t("common:all")} />
          <SelectField label={t("actors:col.municipality")} name="gemeinde" value={params.get("gemeinde") ?? ""} onChange={(v) => update("gemeinde", v)} options={taxonomy.municipalityOptions} placeholder={t("common:all")} />
          <SelectField label={t("measures:filter.field")} name="feld" value={params.get("feld") ?? ""} onChange={(v) => update("feld", v)} options={taxonomy.fieldOptions} placeholder={t("common:all")} />
          <SelectField label={t("measures:filter.targetGroup")} name="zielgruppe" value={params.get("zielgruppe") ?? ""} onChange={(v) => update("zielgruppe", v)} options={taxonomy.targetGroupOptions} placeholder={t("common:all")} />
          <button type="button" className="button button--secondary" onClick={() => { setQ(""); setParams(new URLSearchParams(), { replace: true }); }}>
            {t("common:reset")}
          </button>
        </aside>
        <div className="results">
          <div className="toolbar">
            <CsvButton
              filename="akteure.csv"
              columns={csvColumns}
              load={() => loadAllPages(async (after) => (await client.query({ query: actorsQuery, variables: { first: 100, after, filter, orderBy: sort }, fetchPolicy: "network-only" })).data!.actors)}
            />
          </div>
          <QueryState loading={loading} error={error} hasData={!!shown} isEmpty={shown?.actors.nodes.length === 0} emptyText={t("actors:empty")} onRetry={() => void refetch()}>
            {shown && (
              <>
                <div className="table-scroll">
                  <table className="data-table">
                    <caption className="visually-hidden">{t("actors:caption")}</caption>
                    <thead>
                      <tr>
                        <SortHeader field="NAME" label={t("actors:col.name")} sort={sort} onSort={onSort} />
                        <th scope="col">{t("actors:col.kind")}</th>
                        <th scope="col">{t("actors:col.level")}</th>
                        <th scope="col">{t("actors:col.municipality")}</th>
                        <th scope="col" className="num">{t("actors:col.measures")}</th>
                        <th scope="col" className="num">{t("actors:col.overlaps")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {shown.actors.nodes.map((a) => (
                        <tr key={a.id}>
                          <th scope="row">
                            <Link to={`/akteure/${encodeURIComponent(a.id)}`}>{a.name}</Link>
                          </th>
                          <td>{t(`enums:ActorKind.${a.kind}`)}</td>
                          <td>{t(`enums:Level.${a.level}`)}</td>
                          <td>{a.municipality?.name ?? ""}</td>
                          <td className="num">{formatCount(a.measureCount)}</td>
                          <td className="num">{formatCount(a.overlapCount)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pagination label={t("actors:paginationLabel")} page={pager.page} pageSize={PAGE_SIZE} shown={shown.actors.nodes.length} totalCount={shown.actors.totalCount} hasNextPage={shown.actors.pageInfo.hasNextPage} onNext={() => pager.next(shown.actors.pageInfo.endCursor)} onPrevious={pager.previous} />
              </>
            )}
          </QueryState>
        </div>
      </div>
    </section>
  );
}
