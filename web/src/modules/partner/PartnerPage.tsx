import { useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { describeApiError } from "../../app/api-error";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import type { MyMeasuresQuery } from "../../gql/graphql";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { QueryState } from "../../ui/QueryState";
import { StatusMessage } from "../../ui/StatusMessage";
import { formatDate, formatPercent, todayIso } from "../../ui/format";
import { actorQuery } from "../actors/actors.documents";
import { archiveMeasureMutation, confirmMeasureMutation } from "../measures/measures.documents";
import { myMeasuresQuery, myOverlapsQuery } from "./partner.documents";

type MyMeasure = MyMeasuresQuery["measures"]["nodes"][number];

/** Offerings not confirmed for half a year are listed as stale (DESIGN.md: partner self-service). */
export function isStale(lastConfirmedOn: string | null | undefined, today = todayIso()): boolean {
  if (!lastConfirmedOn) return true;
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const limit = new Date(Date.UTC(y, m - 1 - 6, d)).toISOString().slice(0, 10);
  return lastConfirmedOn < limit;
}

export function PartnerPage() {
  const { t } = useTranslation();
  usePageTitle(t("partner:title"));
  const { account } = useSession();
  const actorId = account?.actor?.id;
  if (!actorId) return <StatusMessage kind="error">{t("partner:noActor")}</StatusMessage>;
  return (
    <section>
      <h1 tabIndex={-1}>{t("partner:title")}</h1>
      <p className="lead">{t("partner:intro", { name: account.actor?.name })}</p>
      <Organisation actorId={actorId} />
      <MyMeasures actorId={actorId} />
      <MyOverlaps actorId={actorId} />
    </section>
  );
}

function Organisation({ actorId }: { actorId: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(actorQuery, { variables: { id: actorId } });
  const actor = data?.actor;
  return (
    <section className="panel" aria-labelledby="organisation">
      <h2 id="organisation">{t("partner:organisation")}</h2>
      <QueryState loading={loading} error={error} hasData={!!actor} onRetry={() => void refetch()}>
        {actor && (
          <>
            <dl className="facts">
              <dt>{t("actors:form.name")}</dt>
              <dd>{actor.name}</dd>
              <dt>{t("actors:form.address")}</dt>
              <dd>{actor.address ?? "–"}</dd>
              <dt>{t("actors:form.email")}</dt>
              <dd>{actor.email ?? "–"}</dd>
              <dt>{t("actors:form.phone")}</dt>
              <dd>{actor.phone ?? "–"}</dd>
              <dt>{t("actors:form.website")}</dt>
              <dd>{actor.website ?? "–"}</dd>
              <dt>{t("actors:contacts")}</dt>
              <dd>{actor.contactPersons.map((c) => c.name).join(", ") || "–"}</dd>
            </dl>
            <p className="actions">
              <Link className="button" to={`/akteure/${encodeURIComponent(actor.id)}/bearbeiten`}>
                {t("partner:editOrganisation")}
              </Link>
              <Link to={`/akteure/${encodeURIComponent(actor.id)}`}>{t("partner:viewProfile")}</Link>
            </p>
          </>
        )}
      </QueryState>
    </section>
  );
}

function MyMeasures({ actorId }: { actorId: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(myMeasuresQuery, { variables: { actorId, after: null } });
  const [confirm, confirmState] = useMutation(confirmMeasureMutation);
  const [archive, archiveState] = useMutation(archiveMeasureMutation);
  const [asking, setAsking] = useState<MyMeasure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const own = data?.measures.nodes.filter((m) => m.provider.id === actorId) ?? [];
  const stale = own.filter((m) => !m.archived && isStale(m.lastConfirmedOn));
  const actionError = confirmState.error ?? archiveState.error;
  return (
    <section className="panel" aria-labelledby="angebote">
      <h2 id="angebote">{t("partner:measures")}</h2>
      <p className="actions">
        <Link className="button" to="/massnahmen/neu">
          {t("partner:newMeasure")}
        </Link>
      </p>
      {stale.length > 0 && <StatusMessage kind="empty">{t("partner:staleNotice", { count: stale.length })}</StatusMessage>}
      {notice && <StatusMessage kind="empty">{notice}</StatusMessage>}
      {actionError && <StatusMessage kind="error">{describeApiError(actionError, t)}</StatusMessage>}
      <QueryState loading={loading} error={error} hasData={!!data} isEmpty={own.length === 0} emptyText={t("partner:noMeasures")} onRetry={() => void refetch()}>
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t("partner:measuresCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("measures:col.title")}</th>
                <th scope="col">{t("measures:col.status")}</th>
                <th scope="col">{t("measures:col.confirmed")}</th>
                <th scope="col">{t("partner:actions")}</th>
              </tr>
            </thead>
            <tbody>
              {own.map((m) => (
                <tr key={m.id} className={m.archived ? "row--archived" : undefined}>
                  <th scope="row">
                    <Link to={`/massnahmen/${encodeURIComponent(m.id)}`}>{m.title}</Link>
                    {m.archived && <span className="badge">{t("measures:archived")}</span>}
                    {!m.published && !m.archived && <span className="badge">{t("measures:unpublished")}</span>}
                  </th>
                  <td>{t(`enums:MeasureStatus.${m.status}`)}</td>
                  <td className="nowrap">
                    {formatDate(m.lastConfirmedOn) || t("measures:never")}
                    {!m.archived && isStale(m.lastConfirmedOn) && <span className="badge">{t("partner:stale")}</span>}
                  </td>
                  <td>
                    <div className="row-actions">
                      <Link to={`/massnahmen/${encodeURIComponent(m.id)}/bearbeiten`}>
                        {t("common:edit")}
                        <span className="visually-hidden">: {m.title}</span>
                      </Link>
                      {!m.archived && (
                        <button
                          type="button"
                          className="link-button"
                          disabled={confirmState.loading}
                          onClick={async () => {
                            setNotice(null);
                            try {
                              await confirm({ variables: { input: { id: m.id, version: m.version } } });
                              setNotice(t("partner:confirmed", { title: m.title }));
                            } catch {
                              /* shown above */
                            }
                          }}
                        >
                          {t("partner:confirm")}
                          <span className="visually-hidden">: {m.title}</span>
                        </button>
                      )}
                      <button type="button" className="link-button" onClick={() => setAsking(m)}>
                        {m.archived ? t("measures:restore") : t("measures:archive")}
                        <span className="visually-hidden">: {m.title}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
      <ConfirmDialog
        open={!!asking}
        title={asking?.archived ? t("measures:restoreTitle") : t("measures:archiveTitle")}
        confirmLabel={asking?.archived ? t("measures:restore") : t("measures:archive")}
        danger={!asking?.archived}
        busy={archiveState.loading}
        onCancel={() => setAsking(null)}
        onConfirm={async () => {
          if (!asking) return;
          const target = asking;
          try {
            await archive({ variables: { input: { id: target.id, version: target.version, archived: !target.archived } } });
            setNotice(target.archived ? t("measures:restoredNow") : t("measures:archivedNow"));
          } catch {
            /* shown above */
          } finally {
            setAsking(null);
          }
        }}
      >
        <p>
          <strong>{asking?.title}</strong>
        </p>
        <p>{asking?.archived ? t("measures:restoreText") : t("measures:archiveText")}</p>
      </ConfirmDialog>
    </section>
  );
}

function MyOverlaps({ actorId }: { actorId: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(myOverlapsQuery, { variables: { actorId } });
  return (
    <section className="panel" aria-labelledby="ueberschneidungen">
      <h2 id="ueberschneidungen">{t("partner:overlaps")}</h2>
      <p className="muted">{t("partner:overlapsIntro")}</p>
      <QueryState loading={loading} error={error} hasData={!!data} isEmpty={data?.overlaps.nodes.length === 0} emptyText={t("partner:noOverlaps")} onRetry={() => void refetch()}>
        <ul className="card-list">
          {data?.overlaps.nodes.map((o) => {
            const mine = o.measureA?.provider.id === actorId ? o.measureA : o.measureB;
            const other = mine === o.measureA ? o.measureB : o.measureA;
            return (
              <li key={o.id} className="card">
                <p className="card__title">
                  {mine && <Link to={`/massnahmen/${encodeURIComponent(mine.id)}`}>{mine.title}</Link>} ↔ {other ? `${other.title} (${other.provider.name})` : t("measures:hiddenMeasure")}
                </p>
                <p>
                  <span className="score">{t("overlaps:score", { score: formatPercent(o.score) })}</span> · {t(`enums:OverlapStatus.${o.status}`)} · {t(`enums:OverlapKind.${o.kind}`)}
                </p>
                <p className="muted">{o.explanation}</p>
                <p>
                  <Link to={`/ueberschneidungen/${encodeURIComponent(o.id)}`}>{t("overlaps:compare")}</Link>
                </p>
              </li>
            );
          })}
        </ul>
      </QueryState>
    </section>
  );
}
