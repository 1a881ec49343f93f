import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { describeApiError } from "../../app/api-error";
import { usePageTitle } from "../../app/usePageTitle";
import type { MeetingQuery } from "../../gql/graphql";
import { SelectField } from "../../ui/Field";
import { QueryState } from "../../ui/QueryState";
import { StatusMessage } from "../../ui/StatusMessage";
import { useActorOptions } from "../actors/useActorOptions";
import { isCurrentSeat } from "./MembersPanel";
import { emptyMeeting, meetingValues } from "./network.form";
import { MeetingForm } from "./MeetingForm";
import { addMeetingParticipantMutation, meetingQuery, networkQuery, removeMeetingParticipantMutation } from "./networks.documents";

type MeetingNode = Extract<NonNullable<MeetingQuery["node"]>, { title: string }>;

/** `node` answers for any type; only a Meeting carries the fields asked for. */
function isMeeting(node: MeetingQuery["node"] | undefined): node is MeetingNode {
  return !!node && "title" in node;
}

function asMeeting(node: MeetingQuery["node"] | undefined): MeetingNode | null {
  return isMeeting(node) ? node : null;
}

/** New meeting of a body; participants are ticked from its current members. */
export function MeetingCreatePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t("networks:meeting.createTitle"));
  const { data, loading, error, refetch } = useQuery(networkQuery, { variables: { id } });
  const network = data?.network;
  const memberOptions = (network?.members ?? [])
    .filter((m) => isCurrentSeat(m))
    .map((m) => ({ value: m.actor.id, label: m.actor.name }))
    .sort((a, b) => a.label.localeCompare(b.label, "de"));
  return (
    <section>
      <p className="breadcrumb">
        <Link to={`/gremien/${encodeURIComponent(id)}`}>{network?.name ?? t("networks:detailTitle")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("networks:meeting.createTitle")}</h1>
      <QueryState loading={loading} error={error} hasData={!!network} onRetry={() => void refetch()}>
        {network && (
          <>
            <p className="lead">{t("networks:meeting.createFor", { name: network.name })}</p>
            <MeetingForm networkId={network.id} initial={emptyMeeting()} memberOptions={memberOptions} onSaved={() => void navigate(`/gremien/${encodeURIComponent(network.id)}`)} />
          </>
        )}
      </QueryState>
    </section>
  );
}

/** Edit a meeting's record, and add or remove participants (each change is saved at once). */
export function MeetingEditPage() {
  const { id = "", meetingId = "" } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  usePageTitle(t("networks:meeting.editTitle"));
  const { data, loading, error, refetch } = useQuery(meetingQuery, { variables: { id: meetingId }, fetchPolicy: "network-only" });
  const meeting = asMeeting(data?.node);
  const missing = !loading && !error && data && !meeting;
  return (
    <section>
      <p className="breadcrumb">
        <Link to={`/gremien/${encodeURIComponent(meeting?.network.id ?? id)}`}>{meeting?.network.name ?? t("networks:detailTitle")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("networks:meeting.editTitle")}</h1>
      {missing ? (
        <StatusMessage kind="error">{t("errors:NOT_FOUND")}</StatusMessage>
      ) : (
        <QueryState loading={loading} error={error} hasData={!!meeting} onRetry={() => void refetch()}>
          {meeting && (
            <MeetingEditor
              key={meeting.id}
              meeting={meeting}
              reload={async () => {
                const fresh = asMeeting((await client.query({ query: meetingQuery, variables: { id: meeting.id }, fetchPolicy: "network-only" })).data?.node);
                if (!fresh) throw new Error("meeting is gone");
                return { values: meetingValues(fresh), version: fresh.version };
              }}
              onSaved={() => void navigate(`/gremien/${encodeURIComponent(meeting.network.id)}`)}
            />
          )}
        </QueryState>
      )}
    </section>
  );
}

function MeetingEditor({ meeting, reload, onSaved }: { meeting: MeetingNode; reload: () => Promise<{ values: ReturnType<typeof meetingValues>; version: number }>; onSaved: () => void }) {
  const { t } = useTranslation();
  // Participant changes raise the meeting's version; the form saves against the newest one.
  const [version, setVersion] = useState(meeting.version);
  return (
    <>
      {meeting.archived && <StatusMessage kind="empty">{t("networks:meeting.isArchived")}</StatusMessage>}
      <MeetingForm networkId={meeting.network.id} initial={meetingValues(meeting)} existing={{ id: meeting.id, version, onVersion: setVersion, reload }} onSaved={onSaved} />
      <Participants meetingId={meeting.id} participants={meeting.participants} onVersion={setVersion} />
    </>
  );
}

function Participants({ meetingId, participants, onVersion }: { meetingId: string; participants: readonly { id: string; name: string }[]; onVersion: (version: number) => void }) {
  const { t } = useTranslation();
  const actors = useActorOptions();
  const [list, setList] = useState(participants);
  const [choice, setChoice] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const [add, addState] = useMutation(addMeetingParticipantMutation);
  const [remove, removeState] = useMutation(removeMeetingParticipantMutation);
  const error = addState.error ?? removeState.error;
  const busy = addState.loading || removeState.loading;
  const options = (actors.options ?? []).filter((o) => !list.some((p) => p.id === o.value));

  async function change(actorId: string, name: string, adding: boolean) {
    setNotice(null);
    try {
      const input = { meetingId, actorId };
      const changed = adding ? (await add({ variables: { input } })).data?.addMeetingParticipant.meeting : (await remove({ variables: { input } })).data?.removeMeetingParticipant.meeting;
      if (changed) {
        setList(changed.participants);
        onVersion(changed.version);
        setNotice(adding ? t("networks:meeting.participantAdded", { name }) : t("networks:meeting.participantRemoved", { name }));
        if (adding) setChoice("");
      }
    } catch {
      /* shown below the heading */
    }
  }

  return (
    <section className="panel" aria-labelledby="teilnehmende">
      <h2 id="teilnehmende">{t("networks:participants")}</h2>
      <p className="muted">{t("networks:meeting.participantsNow")}</p>
      {notice && <StatusMessage kind="empty">{notice}</StatusMessage>}
      {error && <StatusMessage kind="error">{describeApiError(error, t)}</StatusMessage>}
      {list.length === 0 ? (
        <p className="muted">{t("networks:meeting.noParticipants")}</p>
      ) : (
        <ul className="plain-list">
          {list.map((p) => (
            <li key={p.id}>
              {p.name}{" "}
              <button type="button" className="link-button" disabled={busy} onClick={() => void change(p.id, p.name, false)}>
                {t("networks:meeting.removeParticipant")}
                <span className="visually-hidden">: {p.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <QueryState loading={actors.loading} error={actors.error} hasData={!!actors.options} onRetry={actors.retry}>
        <div className="toolbar">
          <SelectField label={t("networks:meeting.addParticipantLabel")} name="participant" className="field--inline" value={choice} onChange={setChoice} options={options} placeholder={t("networks:form.choose")} />
          <button
            type="button"
            className="button button--secondary"
            disabled={busy || !choice}
            onClick={() => void change(choice, options.find((o) => o.value === choice)?.label ?? "", true)}
          >
            {t("networks:meeting.addParticipant")}
          </button>
        </div>
      </QueryState>
    </section>
  );
}
