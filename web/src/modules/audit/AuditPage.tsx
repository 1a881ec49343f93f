import { useApolloClient, useQuery } from "@apollo/client/react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import type { AuditAction, AuditFilter, AuditLogQuery } from "../../gql/graphql";
import { CsvButton, loadAllPages } from "../../ui/CsvButton";
import { SelectField, TextField } from "../../ui/Field";
import { Pagination, useCursorPager } from "../../ui/Pagination";
import { QueryState } from "../../ui/QueryState";
import { formatDateTime } from "../../ui/format";
import { auditLogQuery } from "./audit.documents";

const ACTIONS: AuditAction[] = ["CREATE", "UPDATE", "ARCHIVE", "RESTORE", "DELETE", "ERASE", "LOGIN", "LOGOUT"];
const TYPES = ["Actor", "Measure", "Handler", "Network", "Membership", "Meeting", "Cooperation", "Overlap", "Account", "ContactPerson"];
const PAGE_SIZE = 30;
type Entry = AuditLogQuery["auditLog"]["nodes"][number];

/** Where an audited object can be looked at in the client, if anywhere. */
function linkTo(entry: Entry): string | null {
  const path = { Actor: "akteure", Measure: "massnahmen", Network: "gremien", Overlap: "ueberschneidungen" }[entry.entityType];
  return path && entry.action !== "DELETE" && entry.action !== "ERASE" ? `/${path}/${encodeURIComponent(entry.entityId)}` : null;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** The audit trail (commissioner): who changed what when, with before and after, newest first. */
export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t("audit:title"));
  const client = useApolloClient();
  const [entityType, setEntityType] = useState("");
  const [action, setAction] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const pager = useCursorPager();
  const filter = useMemo<AuditFilter>(
    () => ({ ...(entityType ? { entityType } : {}), ...(action ? { actions: [action as AuditAction] } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) }),
    [entityType, action, from, to],
  );
  const { data, previousData, loading, error, refetch } = useQuery(auditLogQuery, { variables: { first: PAGE_SIZE, after: pager.after, filter }, notifyOnNetworkStatusChange: true });
  const shown = data ?? previousData;
  const change = (setter: (v: string) => void) => (v: string) => {
    pager.reset();
    setter(v);
  };
  return (
    <section>
      <h1 tabIndex={-1}>{t("audit:title")}</h1>
      <p className="lead">{t("audit:intro")}</p>
      <div className="toolbar">
        <SelectField label={t("audit:entityType")} name="entityType" value={entityType} onChange={change(setEntityType)} options={TYPES.map((x) => ({ value: x, label: t(`audit:types.${x}`) }))} placeholder={t("common:all")} />
        <SelectField label={t("audit:action")} name="action" value={action} onChange={change(setAction)} options={ACTIONS.map((a) => ({ value: a, label: t(`enums:AuditAction.${a}`) }))} placeholder={t("common:all")} />
        <TextField label={t("audit:from")} name="from" type="date" value={from} onChange={change(setFrom)} />
        <TextField label={t("audit:to")} name="to" type="date" value={to} onChange={change(setTo)} />
        <CsvButton
          filename="protokoll.csv"
          columns={[
            { header: t("audit:at"), value: (e: Entry) => e.at },
            { header: t("audit:who"), value: (e) => e.accountEmail ?? t("audit:system") },
            { header: t("audit:action"), value: (e) => t(`enums:AuditAction.${e.action}`) },
            { header: t("audit:entityType"), value: (e) => e.entityType },
            { header: t("audit:entityId"), value: (e) => e.entityId },
            { header: t("audit:changes"), value: (e) => e.changes.map((c) => `${c.field}: ${show(c.before)} → ${show(c.after)}`).join(" | ") },
          ]}
          load={() => loadAllPages(async (after) => (await client.query({ query: auditLogQuery, variables: { first: 100, after, filter }, fetchPolicy: "network-only" })).data!.auditLog, 2000)}
        />
      </div>
      <QueryState loading={loading} error={error} hasData={!!shown} isEmpty={shown?.auditLog.nodes.length === 0} emptyText={t("audit:empty")} onRetry={() => void refetch()}>
        {shown && (
          <>
            <div className="table-scroll">
              <table className="data-table">
                <caption className="visually-hidden">{t("audit:caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("audit:at")}</th>
                    <th scope="col">{t("audit:who")}</th>
                    <th scope="col">{t("audit:action")}</th>
                    <th scope="col">{t("audit:object")}</th>
                    <th scope="col">{t("audit:changes")}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.auditLog.nodes.map((e, i) => {
                    const href = linkTo(e);
                    return (
                      <tr key={`${e.at}-${e.entityId}-${i}`}>
                        <td className="nowrap">{formatDateTime(e.at)}</td>
                        <td>
                          {e.accountEmail ?? t("audit:system")}
                          {e.role && <span className="muted small"> ({t(`enums:Role.${e.role}`)})</span>}
                        </td>
                        <td>{t(`enums:AuditAction.${e.action}`)}</td>
                        <td>{href ? <Link to={href}>{t(`audit:types.${e.entityType}`, { defaultValue: e.entityType })}</Link> : t(`audit:types.${e.entityType}`, { defaultValue: e.entityType })}</td>
                        <td>
                          {e.changes.length === 0 ? (
                            <span className="muted">–</span>
                          ) : (
                            <details>
                              <summary>{t("audit:fieldCount", { count: e.changes.length, fields: e.changes.slice(0, 3).map((c) => c.field).join(", ") })}</summary>
                              <table className="changes">
                                <caption className="visually-hidden">{t("audit:changes")}</caption>
                                <thead>
                                  <tr>
                                    <th scope="col">{t("audit:field")}</th>
                                    <th scope="col">{t("audit:before")}</th>
                                    <th scope="col">{t("audit:after")}</th>
                                  </tr>
                                </thead>
                                <tbody>
                                  {e.changes.map((c) => (
                                    <tr key={c.field}>
                                      <th scope="row">{c.field}</th>
                                      <td><del>{show(c.before)}</del></td>
                                      <td><ins>{show(c.after)}</ins></td>
                                    </tr>
                                  ))}
                                </tbody>
                              </table>
                            </details>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <Pagination label={t("audit:paginationLabel")} page={pager.page} pageSize={PAGE_SIZE} shown={shown.auditLog.nodes.length} totalCount={shown.auditLog.totalCount} hasNextPage={shown.auditLog.pageInfo.hasNextPage} onNext={() => pager.next(shown.auditLog.pageInfo.endCursor)} onPrevious={pager.previous} />
          </>
        )}
      </QueryState>
    </section>
  );
}
