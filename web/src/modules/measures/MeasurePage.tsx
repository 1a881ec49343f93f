import { useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { describeApiError } from "../../app/api-error";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { QueryState } from "../../ui/QueryState";
import { StatusMessage } from "../../ui/StatusMessage";
import { formatCurrency, formatCount, formatDate, formatDateTime } from "../../ui/format";
import { useTaxonomy } from "../taxonomy/useTaxonomy";
import { ageOf, areaOf, namesOf } from "./measure.labels";
import { archiveMeasureMutation, confirmMeasureMutation, measureOverlapsQuery, measureQuery } from "./measures.documents";
import { MeasureOverlapList } from "./MeasureOverlapList";

export function MeasurePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { account, role } = useSession();
  const { name } = useTaxonomy();
  const { data, loading, error, refetch } = useQuery(measureQuery, { variables: { id } });
  const overlaps = useQuery(measureOverlapsQuery, { variables: { id }, skip: !account });
  const measure = data?.measure;
  usePageTitle(measure?.title ?? t("measures:detailTitle"));
  const mayEdit = !!measure && (role === "COMMISSIONER" || (role === "PARTNER" && account?.actor?.id === measure.provider.id));

  return (
    <QueryState loading={loading} error={error} hasData={!!measure} onRetry={() => void refetch()}>
      {measure && (
        <article>
          <p className="breadcrumb">
            <Link to="/massnahmen">{t("measures:title")}</Link>
          </p>
          <h1 tabIndex={-1}>{measure.title}</h1>
          <p className="lead">
            {account ? <Link to={`/akteure/${encodeURIComponent(measure.provider.id)}`}>{measure.provider.name}</Link> : measure.provider.name}
            {" · "}
            <span className={`status-pill status-pill--${measure.status.toLowerCase()}`}>{t(`enums:MeasureStatus.${measure.status}`)}</span>
            {measure.archived && <span className="badge">{t("measures:archived")}</span>}
            {account && !measure.published && <span className="badge">{t("measures:unpublished")}</span>}
          </p>
          {mayEdit && <MeasureActions id={measure.id} version={measure.version} archived={measure.archived} />}
          <div className="two-columns">
            <section className="panel" aria-labelledby="beschreibung">
              <h2 id="beschreibung">{t("measures:description")}</h2>
              <p className="prewrap">{measure.description || t("measures:noDescription")}</p>
            </section>
            <section className="panel" aria-labelledby="eckdaten">
              <h2 id="eckdaten">{t("measures:facts")}</h2>
              <dl className="facts">
                <dt>{t("measures:col.fields")}</dt>
                <dd>{namesOf(measure.fieldsOfAction, name)}</dd>
                <dt>{t("measures:col.targetGroups")}</dt>
                <dd>{namesOf(measure.targetGroups, name) || t("measures:everyone")}</dd>
                <dt>{t("measures:col.area")}</dt>
                <dd>{areaOf(measure, t)}</dd>
                <dt>{t("measures:col.age")}</dt>
                <dd>{ageOf(measure, t)}</dd>
                <dt>{t("measures:period")}</dt>
                <dd>
                  {measure.startDate ? formatDate(measure.startDate) : t("measures:openStart")} – {measure.endDate ? formatDate(measure.endDate) : t("measures:openEnd")}
                </dd>
                {measure.schedule && (
                  <>
                    <dt>{t("measures:schedule")}</dt>
                    <dd>{measure.schedule}</dd>
                  </>
                )}
                {measure.venue && (
                  <>
                    <dt>{t("measures:venue")}</dt>
                    <dd>{measure.venue}</dd>
                  </>
                )}
                <dt>{t("measures:level")}</dt>
                <dd>{t(`enums:Level.${measure.level}`)}</dd>
                {measure.capacity != null && (
                  <>
                    <dt>{t("measures:capacity")}</dt>
                    <dd>{formatCount(measure.capacity)}</dd>
                  </>
                )}
                {measure.cost != null && (
                  <>
                    <dt>{t("measures:cost")}</dt>
                    <dd>
                      {measure.cost === 0 ? t("measures:free") : formatCurrency(measure.cost)}
                      {measure.costNote ? ` (${measure.costNote})` : ""}
                    </dd>
                  </>
                )}
                {measure.languages.length > 0 && (
                  <>
                    <dt>{t("measures:languages")}</dt>
                    <dd>{measure.languages.join(", ")}</dd>
                  </>
                )}
                {measure.partners.length > 0 && (
                  <>
                    <dt>{t("measures:partners")}</dt>
                    <dd>{measure.partners.map((p) => p.name).join(", ")}</dd>
                  </>
                )}
                {measure.funding.length > 0 && (
                  <>
                    <dt>{t("measures:funding")}</dt>
                    <dd>{measure.funding.map((f) => `${f.source} (${t(`enums:Level.${f.level}`)})`).join(", ")}</dd>
                  </>
                )}
                {measure.registrationUrl && (
                  <>
                    <dt>{t("measures:registration")}</dt>
                    <dd>
                      <a href={measure.registrationUrl} rel="noreferrer noopener">
                        {measure.registrationUrl}
                      </a>
                    </dd>
                  </>
                )}
                <dt>{t("measures:col.confirmed")}</dt>
                <dd>{formatDate(measure.lastConfirmedOn) || t("measures:never")}</dd>
                <dt>{t("measures:updatedAt")}</dt>
                <dd>{formatDateTime(measure.updatedAt)}</dd>
              </dl>
            </section>
          </div>
          {account && (
            <section className="panel" aria-labelledby="ueberschneidungen">
              <h2 id="ueberschneidungen">{t("measures:overlaps")}</h2>
              <QueryState
                loading={overlaps.loading}
                error={overlaps.error}
                hasData={!!overlaps.data}
                isEmpty={overlaps.data?.measure.overlaps.length === 0}
                emptyText={t("measures:noOverlaps")}
                onRetry={() => void overlaps.refetch()}
              >
                {overlaps.data && <MeasureOverlapList measureId={measure.id} overlaps={overlaps.data.measure.overlaps} linkToReview={role === "COMMISSIONER"} />}
              </QueryState>
            </section>
          )}
        </article>
      )}
    </QueryState>
  );
}

/** Edit, confirm "still valid", archive (asks first) — for the commissioner and the provider's partner account. */
function MeasureActions({ id, version, archived }: { id: string; version: number; archived: boolean }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [confirm, confirmState] = useMutation(confirmMeasureMutation);
  const [archive, archiveState] = useMutation(archiveMeasureMutation);
  const [done, setDone] = useState<string | null>(null);
  const error = confirmState.error ?? archiveState.error;
  return (
    <div className="actions">
      <Link className="button" to={`/massnahmen/${encodeURIComponent(id)}/bearbeiten`}>
        {t("common:edit")}
      </Link>
      <button
        type="button"
        className="button button--secondary"
        disabled={confirmState.loading}
        onClick={async () => {
          try {
            await confirm({ variables: { input: { id, version } } });
            setDone(t("measures:confirmedNow"));
          } catch {
            /* shown below */
          }
        }}
      >
        {t("measures:confirm")}
      </button>
      <button type="button" className="button button--secondary" onClick={() => setAsking(true)}>
        {archived ? t("measures:restore") : t("measures:archive")}
      </button>
      {done && <StatusMessage kind="empty">{done}</StatusMessage>}
      {error && <StatusMessage kind="error">{describeApiError(error, t)}</StatusMessage>}
      <ConfirmDialog
        open={asking}
        title={archived ? t("measures:restoreTitle") : t("measures:archiveTitle")}
        confirmLabel={archived ? t("measures:restore") : t("measures:archive")}
        danger={!archived}
        busy={archiveState.loading}
        onCancel={() => setAsking(false)}
        onConfirm={async () => {
          try {
            await archive({ variables: { input: { id, version, archived: !archived } } });
            setDone(archived ? t("measures:restoredNow") : t("measures:archivedNow"));
          } catch {
            /* shown below */
          } finally {
            setAsking(false);
          }
        }}
      >
        <p>{archived ? t("measures:restoreText") : t("measures:archiveText")}</p>
      </ConfirmDialog>
    </div>
  );
}
