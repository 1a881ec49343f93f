import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { conflictOf, describeApiError, errorAt, fieldErrors, missingRequired } from "../../app/api-error";
import { ConflictNotice } from "../../ui/ConflictNotice";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { CheckboxGroup, TextField } from "../../ui/Field";
import { StatusMessage } from "../../ui/StatusMessage";
import { useReapply } from "../../ui/useReapply";
import { toCreateMeetingInput, toUpdateMeetingInput, type MeetingValues } from "./network.form";
import { createMeetingMutation, updateMeetingMutation } from "./networks.documents";

type Props = {
  networkId: string;
  initial: MeetingValues;
  /** Creating: the body's current members, to tick who took part. Editing changes participants one by one. */
  memberOptions?: { value: string; label: string }[];
  /** Editing: the id, the version that was read (kept by the page, since participant changes raise it too). */
  existing?: { id: string; version: number; onVersion: (version: number) => void; reload: () => Promise<{ values: MeetingValues; version: number }> };
  onSaved: (id: string) => void;
};

/** A meeting of a body: date, title, place, minutes (Protokoll) and decisions (Beschlüsse), one per line. */
export function MeetingForm({ networkId, initial, memberOptions, existing, onSaved }: Props) {
  const { t } = useTranslation();
  const form = useReapply(initial);
  const v = form.values;
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [reapplied, setReapplied] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [create, createState] = useMutation(createMeetingMutation);
  const [update, updateState] = useMutation(updateMeetingMutation);
  const error = existing ? updateState.error : createState.error;
  const saving = createState.loading || updateState.loading;
  const fields = { ...(error ? fieldErrors(error, t) : {}), ...missing };
  const conflict = error ? conflictOf(error) : null;

  const labels: Record<string, string> = {
    date: t("networks:meeting.date"),
    title: t("networks:meeting.title"),
    location: t("networks:meeting.location"),
    minutes: t("networks:minutes"),
    decisions: t("networks:decisions"),
    participantIds: t("networks:participants"),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setReapplied(false);
    const local = missingRequired(v, ["date"], t);
    setMissing(local);
    if (Object.keys(local).length > 0) return;
    try {
      if (existing) {
        const { data } = await update({ variables: { input: toUpdateMeetingInput(v, existing.id, existing.version) } });
        if (data) {
          existing.onVersion(data.updateMeeting.meeting.version);
          onSaved(data.updateMeeting.meeting.id);
        }
      } else {
        const { data } = await create({ variables: { input: toCreateMeetingInput(v, networkId) } });
        if (data) onSaved(data.createMeeting.meeting.id);
      }
    } catch {
      /* shown from `error` */
    }
  }

  async function reloadAndReapply() {
    if (!existing) return;
    setReloading(true);
    try {
      const fresh = await existing.reload();
      form.rebase(fresh.values);
      existing.onVersion(fresh.version);
      updateState.reset();
      setReapplied(true);
    } finally {
      setReloading(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorSummary errors={fields} labels={labels} />
      {conflict && <ConflictNotice onReload={() => void reloadAndReapply()} busy={reloading} />}
      {reapplied && <StatusMessage kind="empty">{t("common:conflict.reapplied")}</StatusMessage>}
      {error && !conflict && Object.keys(fields).length === 0 && <StatusMessage kind="error">{describeApiError(error, t)}</StatusMessage>}
      <p className="form__note">{t("common:form.requiredNote")}</p>
      <div className="form-row">
        <TextField label={labels.date!} name="date" type="date" required value={v.date} onChange={(x) => form.set("date", x)} error={fields["date"]} />
        <TextField label={labels.location!} name="location" value={v.location} onChange={(x) => form.set("location", x)} error={fields["location"]} />
      </div>
      <TextField label={labels.title!} name="title" required value={v.title} onChange={(x) => form.set("title", x)} error={fields["title"]} hint={t("networks:meeting.titleHint")} />
      <TextField label={labels.minutes!} name="minutes" multiline rows={10} value={v.minutes} onChange={(x) => form.set("minutes", x)} error={fields["minutes"]} />
      <TextField label={labels.decisions!} name="decisions" multiline rows={5} value={v.decisions} onChange={(x) => form.set("decisions", x)} error={errorAt(fields, "decisions")} hint={t("networks:meeting.decisionsHint")} />
      {memberOptions && (
        <CheckboxGroup
          label={labels.participantIds!}
          name="participantIds"
          columns
          values={v.participantIds}
          onChange={(x) => form.set("participantIds", x)}
          options={memberOptions}
          error={errorAt(fields, "participantIds")}
          hint={memberOptions.length === 0 ? t("networks:meeting.noMembersHint") : t("networks:meeting.participantsHint")}
        />
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t("common:saving") : t("common:save")}
        </button>
      </div>
    </form>
  );
}
