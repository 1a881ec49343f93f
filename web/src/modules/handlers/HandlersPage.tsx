import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { describeApiError } from "../../app/api-error";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import type { HandlerFilter, HandlerOrderField, HandlersQuery, SortDirection } from "../../gql/graphql";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { CsvButton, loadAllPages } from "../../ui/CsvButton";
import { Checkbox, SelectField, TextField } from "../../ui/Field";
import { Pagination, useCursorPager } from "../../ui/Pagination";
import { QueryState } from "../../ui/QueryState";
import { SortHeader } from "../../ui/SortHeader";
import { StatusMessage } from "../../ui/StatusMessage";
import { formatAgeBand } from "../../ui/format";
import { useActorOptions } from "../actors/useActorOptions";
import { namesOf } from "../measures/measure.labels";
import { useTaxonomy } from "../taxonomy/useTaxonomy";
import { archiveHandlerMutation, handlersQuery } from "./handlers.documents";

type Row = HandlersQuery["handlers"]["nodes"][number];
const PAGE_SIZE = 25;

/** The filter lives in the address, so "who handles what in Schopfheim" can be bookmarked and shared. */
function filterFromParams(params: URLSearchParams): HandlerFilter {
  const filter: HandlerFilter = {};
  if (params.get("q")) filter.q = params.get("q");
  if (params.get("akteur")) filter.actorIds = [params.get("akteur")!];
  if (params.get("feld")) filter.fieldOfActionIds = [params.get("feld")!];
  if (params.get("zielgruppe")) filter.targetGroupIds = [params.get("zielgruppe")!];
  if (params.get("gemeinde")) filter.municipalityIds = [params.get("gemeinde")!];
  const age = params.get("alter");
  if (age && /^\d{1,3}$/.test(age)) filter.age = Number(age);
  // null lists archived rows too (the commissioner may restore them).
  if (params.get("archiviert")) filter.archived = null;
  return filter;
}

/** Zuständigkeiten: who handles which kind of case, for whom and where; the referral guide is computed from them. */
export function HandlersPage() {
  const { t } = useTranslation();
  usePageTitle(t("handlers:title"));
  const { role } = useSession();
  const mayEdit = role === "COMMISSIONER";
  const client = useApolloClient();
  const location = useLocation();
  const navigate = useNavigate();
  const taxonomy = useTaxonomy();
  const actors = useActorOptions();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const sort = { field: (params.get("sortierung") ?? "PRIORITY") as HandlerOrderField, direction: (params.get("richtung") ?? "ASC") as SortDirection };
  const pager = useCursorPager();
  const { reset } = pager;
  const paramsKey = params.toString();
  useEffect(() => reset(), [paramsKey, reset]);
  const { data, previousData, loading, error, refetch } = useQuery(handlersQuery, {
    variables: { first: PAGE_SIZE, after: pager.after, filter, orderBy: sort },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const [q, setQ] = useState(params.get("q") ?? "");
  const [asking, setAsking] = useState<Row | null>(null);
  const [notice, setNotice] = useState<string | null>((location.state as { saved?: boolean } | null)?.saved ? t("handlers:savedNow") : null);
  const [archive, archiveState] = useMutation(archiveHandlerMutation);
  const name = taxonomy.name;
  // "Saved" is said once: a reload of the page must not repeat it.
  useEffect(() => {
    if ((location.state as { saved?: boolean } | null)?.saved) void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
  }, [location, navigate]);

  function update(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }
  function onSort(s: { field: HandlerOrderField; direction: SortDirection }) {
    const next = new URLSearchParams(params);
    next.set("sortierung", s.field);
    next.set("richtung", s.direction);
    setParams(next, { replace: true });
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    update("q", q.trim());
  }

  const area = (r: Row) => (r.countyWide ? t("common:countyWide") : r.municipalities.map((m) => m.name).join(", "));
  const csvColumns = [
    { header: t("handlers:col.actor"), value: (r: Row) => r.actor.name },
    { header: t("handlers:col.field"), value: (r: Row) => name(r.fieldOfAction) },
    { header: t("handlers:col.age"), value: (r: Row) => formatAgeBand(r.ageMin, r.ageMax, t) },
    { header: t("handlers:col.targetGroups"), value: (r: Row) => namesOf(r.targetGroups, name) || t("measures:everyone") },
    { header: t("handlers:col.area"), value: area },
    { header: t("handlers:col.languages"), value: (r: Row) => r.languages.join(", ") },
    { header: t("handlers:col.priority"), value: (r: Row) => r.priority },
    { header: t("handlers:form.note"), value: (r: Row) => r.note ?? "" },
  ];

  return (
    <section>
      <h1 tabIndex={-1}>{t("handlers:title")}</h1>
      <p className="lead">{t("handlers:intro")}</p>
      {mayEdit && (
        <p className="actions">
          <Link className="button" to={params.get("akteur") ? `/zustaendigkeiten/neu?akteur=${encodeURIComponent(params.get("akteur")!)}` : "/zustaendigkeiten/neu"}>
            {t("handlers:createTitle")}
          </Link>
        </p>
      )}
      <div className="with-sidebar">
        <aside className="filters" aria-labelledby="filter-titel">
          <h2 id="filter-titel">{t("common:filters")}</h2>
          <form role="search" onSubmit={submit} className="filters__search">
            <TextField label={t("handlers:filter.q")} name="q" type="search" value={q} onChange={setQ} hint={t("handlers:filter.qHint")} />
            <button type="submit" className="button">
              {t("common:search")}
            </button>
          </form>
          <SelectField label={t("handlers:col.actor")} name="akteur" value={params.get("akteur") ?? ""} onChange={(v) => update("akteur", v)} options={actors.options ?? []} placeholder={t("common:all")} />
          <SelectField label={t("handlers:col.field")} name="feld" value={params.get("feld") ?? ""} onChange={(v) => update("feld", v)} options={taxonomy.fieldOptions} placeholder={t("common:all")} />
          <SelectField label={t("measures:filter.targetGroup")} name="zielgruppe" value={params.get("zielgruppe") ?? ""} onChange={(v) => update("zielgruppe", v)} options={taxonomy.targetGroupOptions} placeholder={t("common:all")} />
          <SelectField label={t("measures:filter.municipality")} name="gemeinde" value={params.get("gemeinde") ?? ""} onChange={(v) => update("gemeinde", v)} options={taxonomy.municipalityOptions} placeholder={t("common:all")} />
          <TextField label={t("measures:filter.age")} name="alter" type="number" min={0} max={130} inputMode="numeric" value={params.get("alter") ?? ""} onChange={(v) => update("alter", v)} hint={t("handlers:filter.ageHint")} />
          {mayEdit && <Checkbox label={t("handlers:filter.archived")} name="archiviert" checked={!!params.get("archiviert")} onChange={(v) => update("archiviert", v ? "1" : "")} />}
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
            <CsvButton
              filename="zustaendigkeiten.csv"
              columns={csvColumns}
              load={() => loadAllPages(async (after) => (await client.query({ query: handlersQuery, variables: { first: 100, after, filter, orderBy: sort }, fetchPolicy: "network-only" })).data!.handlers)}
            />
          </div>
          {notice && <StatusMessage kind="empty">{notice}</StatusMessage>}
          {archiveState.error && <StatusMessage kind="error">{describeApiError(archiveState.error, t)}</StatusMessage>}
          <QueryState loading={loading} error={error} hasData={!!shown} isEmpty={shown?.handlers.nodes.length === 0} emptyText={t("handlers:empty")} onRetry={() => void refetch()}>
            {shown && (
              <>
                <div className="table-scroll">
                  <table className="data-table">
                    <caption className="visually-hidden">{t("handlers:caption")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("handlers:col.actor")}</th>
                        <th scope="col">{t("handlers:col.field")}</th>
                        <SortHeader field="AGE_MIN" label={t("handlers:col.audience")} sort={sort} onSort={onSort} />
                        <th scope="col">{t("handlers:col.area")}</th>
                        <SortHeader field="PRIORITY" label={t("handlers:col.priority")} sort={sort} onSort={onSort} className="num" />
                        {mayEdit && <th scope="col">{t("handlers:col.actions")}</th>}
                      </tr>
                    </thead>
                    <tbody>
                      {shown.handlers.nodes.map((h) => (
                        <tr key={h.id} className={h.archived ? "row--archived" : undefined}>
                          <th scope="row">
                            <Link to={`/akteure/${encodeURIComponent(h.actor.id)}`}>{h.actor.name}</Link>
                            {h.archived && <span className="badge">{t("handlers:archived")}</span>}
                          </th>
                          <td>
                            {name(h.fieldOfAction)}
                            {h.note && <div className="small muted">{h.note}</div>}
                            {h.languages.length > 0 && (
                              <div className="small muted">
                                {t("handlers:col.languages")}: {h.languages.join(", ")}
                              </div>
                            )}
                          </td>
                          <td>
                            <span className="nowrap">{formatAgeBand(h.ageMin, h.ageMax, t)}</span>
                            <div className="small">{namesOf(h.targetGroups, name) || t("measures:everyone")}</div>
                          </td>
                          <td>
                            {/* A long list of places folds away, so the table stays readable. */}
                            {!h.countyWide && h.municipalities.length > 3 ? (
                              <details>
                                <summary>{t("handlers:municipalityCount", { count: h.municipalities.length })}</summary>
                                {area(h)}
                              </details>
                            ) : (
                              area(h)
                            )}
                          </td>
                          <td className="num">{h.priority}</td>
                          {mayEdit && (
                            <td>
                              <div className="row-actions">
                                <Link to={`/zustaendigkeiten/${encodeURIComponent(h.id)}/bearbeiten`}>
                                  {t("common:edit")}
                                  <span className="visually-hidden">
                                    : {h.actor.name}, {name(h.fieldOfAction)}
                                  </span>
                                </Link>
                                <button type="button" className="link-button" onClick={() => setAsking(h)}>
                                  {h.archived ? t("handlers:restore") : t("handlers:archive")}
                                  <span className="visually-hidden">
                                    : {h.actor.name}, {name(h.fieldOfAction)}
                                  </span>
                                </button>
                              </div>
                            </td>
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pagination
                  label={t("handlers:paginationLabel")}
                  page={pager.page}
                  pageSize={PAGE_SIZE}
                  shown={shown.handlers.nodes.length}
                  totalCount={shown.handlers.totalCount}
                  hasNextPage={shown.handlers.pageInfo.hasNextPage}
                  onNext={() => pager.next(shown.handlers.pageInfo.endCursor)}
                  onPrevious={pager.previous}
                />
              </>
            )}
          </QueryState>
        </div>
      </div>
      <ConfirmDialog
        open={!!asking}
        title={asking?.archived ? t("handlers:restoreTitle") : t("handlers:archiveTitle")}
        confirmLabel={asking?.archived ? t("handlers:restore") : t("handlers:archive")}
        danger={!asking?.archived}
        busy={archiveState.loading}
        onCancel={() => setAsking(null)}
        onConfirm={async () => {
          const row = asking;
          if (!row) return;
          try {
            await archive({ variables: { input: { id: row.id, version: row.version, archived: !row.archived } } });
            setNotice(row.archived ? t("handlers:restoredNow") : t("handlers:archivedNow"));
            // An archived row leaves the default list; a restored one keeps its place.
            await refetch();
          } catch {
            /* shown above the table */
          } finally {
            setAsking(null);
          }
        }}
      >
        <p>
          {asking &&
            t(asking.archived ? "handlers:restoreText" : "handlers:archiveText", {
              actor: asking.actor.name,
              field: name(asking.fieldOfAction),
            })}
        </p>
      </ConfirmDialog>
    </section>
  );
}
