import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { describeApiError } from "../../app/api-error";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import type { CooperationFilter, CooperationKind, CooperationOrderField, CooperationsQuery, SortDirection } from "../../gql/graphql";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { CsvButton, loadAllPages } from "../../ui/CsvButton";
import { Checkbox, SelectField, TextField } from "../../ui/Field";
import { Pagination, useCursorPager } from "../../ui/Pagination";
import { QueryState } from "../../ui/QueryState";
import { SortHeader } from "../../ui/SortHeader";
import { StatusMessage } from "../../ui/StatusMessage";
import { formatDate } from "../../ui/format";
import { useActorOptions } from "../actors/useActorOptions";
import { COOPERATION_KINDS } from "./cooperation.form";
import { archiveCooperationMutation, cooperationsQuery } from "./cooperations.documents";

type Row = CooperationsQuery["cooperations"]["nodes"][number];
const PAGE_SIZE = 25;

function filterFromParams(params: URLSearchParams): CooperationFilter {
  const filter: CooperationFilter = {};
  if (params.get("q")) filter.q = params.get("q");
  if (params.get("akteur")) filter.actorIds = [params.get("akteur")!];
  if (params.get("art")) filter.kinds = [params.get("art") as CooperationKind];
  const from = params.get("von");
  const to = params.get("bis");
  if (from || to) filter.activeBetween = { from: from || null, to: to || null };
  // null lists archived rows too (the commissioner may restore them).
  if (params.get("archiviert")) filter.archived = null;
  return filter;
}

/** Kooperationen: typed links between two actors, one edge kind of the network map. */
export function CooperationsPage() {
  const { t } = useTranslation();
  usePageTitle(t("cooperations:title"));
  const { role } = useSession();
  const mayEdit = role === "COMMISSIONER";
  const client = useApolloClient();
  const location = useLocation();
  const navigate = useNavigate();
  const actors = useActorOptions();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const sort = { field: (params.get("sortierung") ?? "SINCE") as CooperationOrderField, direction: (params.get("richtung") ?? "DESC") as SortDirection };
  const pager = useCursorPager();
  const { reset } = pager;
  const paramsKey = params.toString();
  useEffect(() => reset(), [paramsKey, reset]);
  const { data, previousData, loading, error, refetch } = useQuery(cooperationsQuery, {
    variables: { first: PAGE_SIZE, after: pager.after, filter, orderBy: sort },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const [q, setQ] = useState(params.get("q") ?? "");
  const [asking, setAsking] = useState<Row | null>(null);
  const [notice, setNotice] = useState<string | null>((location.state as { saved?: boolean } | null)?.saved ? t("cooperations:savedNow") : null);
  const [archive, archiveState] = useMutation(archiveCooperationMutation);
  useEffect(() => {
    if ((location.state as { saved?: boolean } | null)?.saved) void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
  }, [location, navigate]);

  function update(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }
  function onSort(s: { field: CooperationOrderField; direction: SortDirection }) {
    const next = new URLSearchParams(params);
    next.set("sortierung", s.field);
    next.set("richtung", s.direction);
    setParams(next, { replace: true });
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    update("q", q.trim());
  }

  const pair = (r: Row) => `${r.actorA.name} ↔ ${r.actorB.name}`;
  const csvColumns = [
    { header: t("cooperations:form.actorA"), value: (r: Row) => r.actorA.name },
    { header: t("cooperations:form.actorB"), value: (r: Row) => r.actorB.name },
    { header: t("cooperations:col.kind"), value: (r: Row) => t(`enums:CooperationKind.${r.kind}`) },
    { header: t("cooperations:col.since"), value: (r: Row) => r.since ?? "" },
    { header: t("cooperations:col.until"), value: (r: Row) => r.until ?? "" },
    { header: t("cooperations:col.note"), value: (r: Row) => r.note ?? "" },
  ];

  return (
    <section>
      <h1 tabIndex={-1}>{t("cooperations:title")}</h1>
      <p className="lead">{t("cooperations:intro")}</p>
      {mayEdit && (
        <p className="actions">
          <Link className="button" to={params.get("akteur") ? `/kooperationen/neu?akteur=${encodeURIComponent(params.get("akteur")!)}` : "/kooperationen/neu"}>
            {t("cooperations:createTitle")}
          </Link>
        </p>
      )}
      <div className="with-sidebar">
        <aside className="filters" aria-labelledby="filter-titel">
          <h2 id="filter-titel">{t("common:filters")}</h2>
          <form role="search" onSubmit={submit} className="filters__search">
            <TextField label={t("cooperations:filter.q")} name="q" type="search" value={q} onChange={setQ} />
            <button type="submit" className="button">
              {t("common:search")}
            </button>
          </form>
          <SelectField label={t("cooperations:filter.actor")} name="akteur" value={params.get("akteur") ?? ""} onChange={(v) => update("akteur", v)} options={actors.options ?? []} placeholder={t("common:all")} />
          <SelectField
            label={t("cooperations:col.kind")}
            name="art"
            value={params.get("art") ?? ""}
            onChange={(v) => update("art", v)}
            options={COOPERATION_KINDS.map((k) => ({ value: k, label: t(`enums:CooperationKind.${k}`) }))}
            placeholder={t("common:all")}
          />
          <TextField label={t("cooperations:filter.from")} name="von" type="date" value={params.get("von") ?? ""} onChange={(v) => update("von", v)} hint={t("cooperations:filter.periodHint")} />
          <TextField label={t("cooperations:filter.to")} name="bis" type="date" value={params.get("bis") ?? ""} onChange={(v) => update("bis", v)} />
          {mayEdit && <Checkbox label={t("cooperations:filter.archived")} name="archiviert" checked={!!params.get("archiviert")} onChange={(v) => update("archiviert", v ? "1" : "")} />}
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
              filename="kooperationen.csv"
              columns={csvColumns}
              load={() => loadAllPages(async (after) => (await client.query({ query: cooperationsQuery, variables: { first: 100, after, filter, orderBy: sort }, fetchPolicy: "network-only" })).data!.cooperations)}
            />
          </div>
          {notice && <StatusMessage kind="empty">{notice}</StatusMessage>}
          {archiveState.error && <StatusMessage kind="error">{describeApiError(archiveState.error, t)}</StatusMessage>}
          <QueryState loading={loading} error={error} hasData={!!shown} isEmpty={shown?.cooperations.nodes.length === 0} emptyText={t("cooperations:empty")} onRetry={() => void refetch()}>
            {shown && (
              <>
                <div className="table-scroll">
                  <table className="data-table">
                    <caption className="visually-hidden">{t("cooperations:caption")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("cooperations:col.actors")}</th>
                        <th scope="col">{t("cooperations:col.kind")}</th>
                        <SortHeader field="SINCE" label={t("cooperations:col.period")} sort={sort} onSort={onSort} />
                        <th scope="col">{t("cooperations:col.note")}</th>
                        {mayEdit && <th scope="col">{t("cooperations:col.actions")}</th>}
                      </tr>
                    </thead>
                    <tbody>
                      {shown.cooperations.nodes.map((c) => (
                        <tr key={c.id} className={c.archived ? "row--archived" : undefined}>
                          <th scope="row">
                            <Link to={`/akteure/${encodeURIComponent(c.actorA.id)}`}>{c.actorA.name}</Link> ↔ <Link to={`/akteure/${encodeURIComponent(c.actorB.id)}`}>{c.actorB.name}</Link>
                            {c.archived && <span className="badge">{t("cooperations:archived")}</span>}
                          </th>
                          <td>{t(`enums:CooperationKind.${c.kind}`)}</td>
                          <td>
                            <span className="nowrap">{formatDate(c.since) || "…"}</span> – <span className="nowrap">{formatDate(c.until) || t("cooperations:ongoing")}</span>
                          </td>
                          <td className="small">{c.note ?? ""}</td>
                          {mayEdit && (
                            <td>
                              <div className="row-actions">
                                <Link to={`/kooperationen/${encodeURIComponent(c.id)}/bearbeiten`}>
                                  {t("common:edit")}
                                  <span className="visually-hidden">: {pair(c)}</span>
                                </Link>
                                <button type="button" className="link-button" onClick={() => setAsking(c)}>
                                  {c.archived ? t("cooperations:restore") : t("cooperations:archive")}
                                  <span className="visually-hidden">: {pair(c)}</span>
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
                  label={t("cooperations:paginationLabel")}
                  page={pager.page}
                  pageSize={PAGE_SIZE}
                  shown={shown.cooperations.nodes.length}
                  totalCount={shown.cooperations.totalCount}
                  hasNextPage={shown.cooperations.pageInfo.hasNextPage}
                  onNext={() => pager.next(shown.cooperations.pageInfo.endCursor)}
                  onPrevious={pager.previous}
                />
              </>
            )}
          </QueryState>
        </div>
      </div>
      <ConfirmDialog
        open={!!asking}
        title={asking?.archived ? t("cooperations:restoreTitle") : t("cooperations:archiveTitle")}
        confirmLabel={asking?.archived ? t("cooperations:restore") : t("cooperations:archive")}
        danger={!asking?.archived}
        busy={archiveState.loading}
        onCancel={() => setAsking(null)}
        onConfirm={async () => {
          const row = asking;
          if (!row) return;
          try {
            await archive({ variables: { input: { id: row.id, version: row.version, archived: !row.archived } } });
            setNotice(row.archived ? t("cooperations:restoredNow") : t("cooperations:archivedNow"));
            await refetch();
          } catch {
            /* shown above the table */
          } finally {
            setAsking(null);
          }
        }}
      >
        <p>{asking && t(asking.archived ? "cooperations:restoreText" : "cooperations:archiveText", { pair: pair(asking), kind: t(`enums:CooperationKind.${asking.kind}`) })}</p>
      </ConfirmDialog>
    </section>
  );
}
