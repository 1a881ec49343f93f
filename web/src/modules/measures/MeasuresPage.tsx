import { useApolloClient, useQuery } from "@apollo/client/react";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import type { MeasureFilter, MeasureOrderField, MeasureStatus, MeasuresQuery, SortDirection } from "../../gql/graphql";
import { CsvButton, loadAllPages } from "../../ui/CsvButton";
import { CheckboxGroup, SelectField, TextField } from "../../ui/Field";
import { Pagination, useCursorPager } from "../../ui/Pagination";
import { QueryState } from "../../ui/QueryState";
import { SortHeader } from "../../ui/SortHeader";
import { formatDate } from "../../ui/format";
import { useTaxonomy } from "../taxonomy/useTaxonomy";
import { ageOf, areaOf, namesOf } from "./measure.labels";
import { measuresQuery } from "./measures.documents";

type Row = MeasuresQuery["measures"]["nodes"][number];
const STATUSES: MeasureStatus[] = ["ACTIVE", "PLANNED", "PAUSED", "ENDED"];
const PAGE_SIZES = [20, 50, 100];

/** The filter lives in the address, so a filtered catalogue can be bookmarked, shared and gone back to. */
/** The public catalogue shows what one can still take part in unless asked otherwise. */
const PUBLIC_DEFAULT_STATUSES: MeasureStatus[] = ["ACTIVE", "PLANNED"];

function statusesFromParams(params: URLSearchParams, signedIn: boolean): MeasureStatus[] {
  if (params.has("status")) return params.getAll("status").filter(Boolean) as MeasureStatus[];
  return signedIn ? [] : PUBLIC_DEFAULT_STATUSES;
}

function filterFromParams(params: URLSearchParams, signedIn: boolean): MeasureFilter {
  const filter: MeasureFilter = {};
  const q = params.get("q");
  if (q) filter.q = q;
  const field = params.get("feld");
  if (field) filter.fieldOfActionIds = [field];
  const group = params.get("zielgruppe");
  if (group) filter.targetGroupIds = [group];
  const place = params.get("gemeinde");
  if (place) filter.municipalityIds = [place];
  const statuses = statusesFromParams(params, signedIn);
  if (statuses.length > 0) filter.statuses = statuses;
  const age = params.get("alter");
  if (age && /^\d{1,3}$/.test(age)) filter.age = Number(age);
  const provider = params.get("traeger");
  if (provider) filter.actorIds = [provider];
  if (params.get("unbestaetigt")) filter.confirmedBefore = params.get("unbestaetigt");
  return filter;
}

export function MeasuresPage() {
  const { t } = useTranslation();
  usePageTitle(t("measures:title"));
  const { account } = useSession();
  const client = useApolloClient();
  const taxonomy = useTaxonomy();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params, !!account), [params, account]);
  const sort = {
    field: (params.get("sortierung") ?? "TITLE") as MeasureOrderField,
    direction: (params.get("richtung") ?? "ASC") as SortDirection,
  };
  const pageSize = PAGE_SIZES.includes(Number(params.get("anzahl"))) ? Number(params.get("anzahl")) : 20;
  const pager = useCursorPager();
  const { reset } = pager;
  const paramsKey = params.toString();
  useEffect(() => reset(), [paramsKey, reset]);

  const { data, previousData, loading, error, refetch } = useQuery(measuresQuery, {
    variables: { first: pageSize, after: pager.after, filter, orderBy: sort },
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const [q, setQ] = useState(params.get("q") ?? "");

  function update(name: string, value: string | string[]) {
    const next = new URLSearchParams(params);
    next.delete(name);
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) if (v) next.append(name, v);
    // An explicitly empty status choice means "every status", not the public default.
    if (name === "status" && values.length === 0) next.append("status", "");
    setParams(next, { replace: true });
  }

  function onSort(next: { field: MeasureOrderField; direction: SortDirection }) {
    const p = new URLSearchParams(params);
    p.set("sortierung", next.field);
    p.set("richtung", next.direction);
    setParams(p, { replace: true });
  }

  function submitSearch(event: FormEvent) {
    event.preventDefault();
    update("q", q.trim());
  }

  const name = taxonomy.name;
  const csvColumns = [
    { header: t("measures:col.title"), value: (r: Row) => r.title },
    { header: t("measures:col.provider"), value: (r: Row) => r.provider.name },
    { header: t("measures:col.fields"), value: (r: Row) => namesOf(r.fieldsOfAction, name) },
    { header: t("measures:col.targetGroups"), value: (r: Row) => namesOf(r.targetGroups, name) },
    { header: t("measures:col.area"), value: (r: Row) => areaOf(r, t) },
    { header: t("measures:col.age"), value: (r: Row) => ageOf(r, t) },
    { header: t("measures:col.status"), value: (r: Row) => t(`enums:MeasureStatus.${r.status}`) },
    { header: t("measures:col.start"), value: (r: Row) => r.startDate ?? "" },
    { header: t("measures:col.end"), value: (r: Row) => r.endDate ?? "" },
    { header: t("measures:col.confirmed"), value: (r: Row) => r.lastConfirmedOn ?? "" },
  ];

  return (
    <section>
      <h1 tabIndex={-1}>{t("measures:title")}</h1>
      <p className="lead">{account ? t("measures:introInternal") : t("measures:introPublic")}</p>
      <div className="with-sidebar">
        <aside className="filters" aria-labelledby="filter-titel">
          <h2 id="filter-titel">{t("common:filters")}</h2>
          <form role="search" onSubmit={submitSearch} className="filters__search">
            <TextField label={t("measures:filter.q")} name="q" type="search" value={q} onChange={setQ} hint={t("measures:filter.qHint")} />
            <button type="submit" className="button">
              {t("common:search")}
            </button>
          </form>
          <SelectField label={t("measures:filter.field")} name="feld" value={params.get("feld") ?? ""} onChange={(v) => update("feld", v)} options={taxonomy.fieldOptions} placeholder={t("common:all")} />
          <SelectField label={t("measures:filter.targetGroup")} name="zielgruppe" value={params.get("zielgruppe") ?? ""} onChange={(v) => update("zielgruppe", v)} options={taxonomy.targetGroupOptions} placeholder={t("common:all")} />
          <SelectField label={t("measures:filter.municipality")} name="gemeinde" value={params.get("gemeinde") ?? ""} onChange={(v) => update("gemeinde", v)} options={taxonomy.municipalityOptions} placeholder={t("common:all")} />
          <TextField label={t("measures:filter.age")} name="alter" type="number" min={0} max={120} inputMode="numeric" value={params.get("alter") ?? ""} onChange={(v) => update("alter", v)} hint={t("measures:filter.ageHint")} />
          <CheckboxGroup label={t("measures:filter.status")} name="status" values={statusesFromParams(params, !!account)} onChange={(v) => update("status", v)} options={STATUSES.map((s) => ({ value: s, label: t(`enums:MeasureStatus.${s}`) }))} />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setQ("");
              setParams(new URLSearchParams(), { replace: true });
            }}
          >
            {t("common:reset")}
          </button>
        </aside>
        <div className="results">
          <div className="toolbar">
            <SelectField label={t("common:pagination.pageSize")} name="anzahl" className="field--inline" value={String(pageSize)} onChange={(v) => update("anzahl", v)} options={PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))} />
            <CsvButton
              filename="massnahmen.csv"
              columns={csvColumns}
              load={() =>
                loadAllPages(async (after) => (await client.query({ query: measuresQuery, variables: { first: 100, after, filter, orderBy: sort }, fetchPolicy: "network-only" })).data!.measures)
              }
            />
          </div>
          <QueryState loading={loading} error={error} hasData={!!shown} isEmpty={shown?.measures.nodes.length === 0} emptyText={t("measures:empty")} onRetry={() => void refetch()}>
            {shown && (
              <>
                <div className="table-scroll">
                  <table className="data-table">
                    <caption className="visually-hidden">{t("measures:caption")}</caption>
                    <thead>
                      <tr>
                        <SortHeader field="TITLE" label={t("measures:col.title")} sort={sort} onSort={onSort} />
                        <th scope="col">{t("measures:col.provider")}</th>
                        <th scope="col">{t("measures:col.fields")}</th>
                        <th scope="col">{t("measures:col.targetGroups")}</th>
                        <th scope="col">{t("measures:col.area")}</th>
                        <th scope="col">{t("measures:col.age")}</th>
                        <th scope="col">{t("measures:col.status")}</th>
                        <SortHeader field="START_DATE" label={t("measures:col.start")} sort={sort} onSort={onSort} />
                        {account && <SortHeader field="LAST_CONFIRMED" label={t("measures:col.confirmed")} sort={sort} onSort={onSort} />}
                      </tr>
                    </thead>
                    <tbody>
                      {shown.measures.nodes.map((m) => (
                        <tr key={m.id}>
                          <th scope="row">
                            <Link to={`/massnahmen/${encodeURIComponent(m.id)}`}>{m.title}</Link>
                            {account && !m.published && <span className="badge">{t("measures:unpublished")}</span>}
                          </th>
                          <td>{account ? <Link to={`/akteure/${encodeURIComponent(m.provider.id)}`}>{m.provider.name}</Link> : m.provider.name}</td>
                          <td>{namesOf(m.fieldsOfAction, name)}</td>
                          <td>{namesOf(m.targetGroups, name)}</td>
                          <td>{areaOf(m, t)}</td>
                          <td className="nowrap">{ageOf(m, t)}</td>
                          <td>
                            <span className={`status-pill status-pill--${m.status.toLowerCase()}`}>{t(`enums:MeasureStatus.${m.status}`)}</span>
                          </td>
                          <td className="nowrap">{formatDate(m.startDate)}</td>
                          {account && <td className="nowrap">{formatDate(m.lastConfirmedOn) || t("measures:never")}</td>}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pagination
                  label={t("measures:paginationLabel")}
                  page={pager.page}
                  pageSize={pageSize}
                  shown={shown.measures.nodes.length}
                  totalCount={shown.measures.totalCount}
                  hasNextPage={shown.measures.pageInfo.hasNextPage}
                  onNext={() => pager.next(shown.measures.pageInfo.endCursor)}
                  onPrevious={pager.previous}
                />
              </>
            )}
          </QueryState>
        </div>
      </div>
    </section>
  );
}
