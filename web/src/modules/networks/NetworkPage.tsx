import { useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { describeApiError } from "../../app/api-error";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import type { NetworkDetailFragment } from "../../gql/graphql";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { QueryState } from "../../ui/QueryState";
import { StatusMessage } from "../../ui/StatusMessage";
import { formatDate } from "../../ui/format";
import { MembersPanel } from "./MembersPanel";
import { archiveMeetingMutation, archiveNetworkMutation, networkQuery } from "./networks.documents";

/** A body with its seats and meetings (minutes and decisions); the commissioner keeps all of it current. */
export function NetworkPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { role } = useSession();
  const { data, loading, error, refetch } = useQuery(networkQuery, { variables: { id }, fetchPolicy: "cache-and-network" });
  const network = data?.network;
  usePageTitle(network?.name ?? t("networks:detailTitle"));
  const mayEdit = role === "COMMISSIONER";
  return (
    <QueryState loading={loading} error={error} hasData={!!network} onRetry={() => void refetch()}>
      {network && (
        <article>
          <p className="breadcrumb">
            <Link to="/gremien">{t("networks:title")}</Link>
          </p>
          <h1 tabIndex={-1}>
            {network.name}
            {network.archived && <span className="badge">{t("networks:archived")}</span>}
          </h1>
          <p className="lead">
            {t(`enums:NetworkKind.${network.kind}`)}
            {network.shortName ? ` · ${network.shortName}` : ""} · {t("networks:memberCount", { count: network.memberCount })}
          </p>
          {mayEdit && <NetworkActions id={network.id} version={network.version} archived={network.archived} />}
          {network.description && <p className="prewrap">{network.description}</p>}
          <MembersPanel network={network} mayEdit={mayEdit} />
          <MeetingsPanel network={network} mayEdit={mayEdit} />
        </article>
      )}
    </QueryState>
  );
}

/** Edit and archive (asks first; an archived body leaves the lists and the map, and can be restored). */
function NetworkActions({ id, version, archived }: { id: string; version: number; archived: boolean }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [archive, { loading, error }] = useMutation(archiveNetworkMutation);
  return (
    <div className="actions">
      <Link className="button" to={`/gremien/${encodeURIComponent(id)}/bearbeiten`}>
        {t("networks:edit")}
      </Link>
      <button type="button" className="button button--secondary" onClick={() => setAsking(true)}>
        {archived ? t("networks:restore") : t("networks:archive")}
      </button>
      {done && <StatusMessage kind="empty">{done}</StatusMessage>}
      {error && <StatusMessage kind="error">{describeApiError(error, t)}</StatusMessage>}
      <ConfirmDialog
        open={asking}
        title={archived ? t("networks:restoreTitle") : t("networks:archiveTitle")}
        confirmLabel={archived ? t("networks:restore") : t("networks:archive")}
        danger={!archived}
        busy={loading}
        onCancel={() => setAsking(false)}
        onConfirm={async () => {
          try {
            await archive({ variables: { input: { id, version, archived: !archived } } });
            setDone(archived ? t("networks:restoredNow") : t("networks:archivedNow"));
          } catch {
            /* shown below the buttons */
          } finally {
            setAsking(false);
          }
        }}
      >
        <p>{archived ? t("networks:restoreText") : t("networks:archiveText")}</p>
      </ConfirmDialog>
    </div>
  );
}

type Meeting = NetworkDetailFragment["meetings"][number];

function MeetingsPanel({ network, mayEdit }: { network: NetworkDetailFragment; mayEdit: boolean }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<Meeting | null>(null);
  const [archived, setArchived] = useState<{ id: string; version: number; title: string } | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const [archive, { loading, error }] = useMutation(archiveMeetingMutation);

  async function setArchivedState(meeting: { id: string; version: number; title: string }, value: boolean) {
    try {
      const { data } = await archive({ variables: { input: { id: meeting.id, version: meeting.version, archived: value } } });
      if (data) {
        setArchived(value ? { id: meeting.id, version: data.archiveMeeting.meeting.version, title: meeting.title } : null);
        setRestored(value ? null : meeting.title);
      }
    } catch {
      /* shown below the heading */
    }
  }

  return (
    <section className="panel" aria-labelledby="sitzungen">
      <h2 id="sitzungen">{t("networks:meetings")}</h2>
      {mayEdit && (
        <p className="actions">
          <Link className="button" to={`/gremien/${encodeURIComponent(network.id)}/sitzungen/neu`}>
            {t("networks:meeting.new")}
          </Link>
        </p>
      )}
      {archived && (
        <StatusMessage
          kind="empty"
          action={
            <button type="button" className="button button--secondary" disabled={loading} onClick={() => void setArchivedState(archived, false)}>
              {t("networks:meeting.undoArchive")}
            </button>
          }
        >
          {t("networks:meeting.archivedNow", { title: archived.title })}
        </StatusMessage>
      )}
      {restored && <StatusMessage kind="empty">{t("networks:meeting.restoredNow", { title: restored })}</StatusMessage>}
      {error && <StatusMessage kind="error">{describeApiError(error, t)}</StatusMessage>}
      {network.meetings.length === 0 ? (
        <p className="muted">{t("networks:noMeetings")}</p>
      ) : (
        <ul className="card-list">
          {network.meetings.map((m) => (
            <li key={m.id} className="card">
              <h3 className="card__title">
                {formatDate(m.date)} – {m.title}
              </h3>
              {m.location && <p className="muted">{m.location}</p>}
              {m.participants.length > 0 && (
                <p className="small">
                  {t("networks:participants")}: {m.participants.map((p) => p.name).join(", ")}
                </p>
              )}
              {m.decisions.length > 0 && (
                <>
                  <h4>{t("networks:decisions")}</h4>
                  <ul className="plain-list">
                    {m.decisions.map((d, i) => (
                      <li key={i}>{d}</li>
                    ))}
                  </ul>
                </>
              )}
              {m.minutes && (
                <details>
                  <summary>{t("networks:minutes")}</summary>
                  <p className="prewrap">{m.minutes}</p>
                </details>
              )}
              {mayEdit && (
                <div className="row-actions">
                  <Link to={`/gremien/${encodeURIComponent(network.id)}/sitzungen/${encodeURIComponent(m.id)}/bearbeiten`}>
                    {t("common:edit")}
                    <span className="visually-hidden">: {m.title}</span>
                  </Link>
                  <button type="button" className="link-button" onClick={() => setAsking(m)}>
                    {t("networks:meeting.archive")}
                    <span className="visually-hidden">: {m.title}</span>
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={!!asking}
        title={t("networks:meeting.archiveTitle")}
        confirmLabel={t("networks:meeting.archive")}
        danger
        busy={loading}
        onCancel={() => setAsking(null)}
        onConfirm={async () => {
          if (asking) await setArchivedState(asking, true);
          setAsking(null);
        }}
      >
        <p>{t("networks:meeting.archiveText", { title: asking?.title ?? "", date: formatDate(asking?.date) })}</p>
      </ConfirmDialog>
    </section>
  );
}
