import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { conflictOf, describeApiError, errorAt, fieldErrors, missingRequired } from "../../app/api-error";
import { ConflictNotice } from "../../ui/ConflictNotice";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { SelectField, TextField } from "../../ui/Field";
import { StatusMessage } from "../../ui/StatusMessage";
import { useReapply } from "../../ui/useReapply";
import { COOPERATION_KINDS, toCreateCooperationInput, toUpdateCooperationInput, type CooperationValues } from "./cooperation.form";
import { createCooperationMutation, updateCooperationMutation } from "./cooperations.documents";

type Props = {
  initial: CooperationValues;
  /** Creating: the actors to choose from. Editing keeps the pair and names it instead. */
  actorOptions?: { value: string; label: string }[];
  existing?: { id: string; version: number; actorNames: [string, string]; reload: () => Promise<{ values: CooperationValues; version: number }> };
  onSaved: (saved: { id: string; actorId: string }) => void;
};

/** Create or edit a cooperation between two actors (commissioner). */
export function CooperationForm({ initial, actorOptions, existing, onSaved }: Props) {
  const { t } = useTranslation();
  const form = useReapply(initial);
  const v = form.values;
  const [version, setVersion] = useState(existing?.version ?? 0);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [reapplied, setReapplied] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [create, createState] = useMutation(createCooperationMutation);
  const [update, updateState] = useMutation(updateCooperationMutation);
  const error = existing ? updateState.error : createState.error;
  const saving = createState.loading || updateState.loading;
  const fields = { ...(error ? fieldErrors(error, t) : {}), ...missing };
  const conflict = error ? conflictOf(error) : null;

  const labels: Record<string, string> = {
    actorAId: t("cooperations:form.actorA"),
    actorBId: t("cooperations:form.actorB"),
    kind: t("cooperations:col.kind"),
    since: t("cooperations:col.since"),
    until: t("cooperations:col.until"),
    note: t("cooperations:col.note"),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setReapplied(false);
    const local = missingRequired(v, existing ? ["kind"] : ["actorAId", "actorBId", "kind"], t);
    setMissing(local);
    if (Object.keys(local).length > 0) return;
    try {
      if (existing) {
        const { data } = await update({ variables: { input: toUpdateCooperationInput(v, existing.id, version) } });
        if (data) onSaved({ id: data.updateCooperation.cooperation.id, actorId: v.actorAId });
      } else {
        const { data } = await create({ variables: { input: toCreateCooperationInput(v) } });
        if (data) onSaved({ id: data.createCooperation.cooperation.id, actorId: v.actorAId });
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
      setVersion(fresh.version);
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
      {existing ? (
        <dl className="facts">
          <dt>{t("cooperations:col.actors")}</dt>
          <dd>
            {existing.actorNames[0]} ↔ {existing.actorNames[1]}
          </dd>
        </dl>
      ) : (
        <div className="form-row">
          <SelectField label={labels.actorAId!} name="actorAId" required value={v.actorAId} onChange={(x) => form.set("actorAId", x)} options={actorOptions ?? []} placeholder={t("cooperations:form.choose")} error={errorAt(fields, "actorAId")} />
          <SelectField label={labels.actorBId!} name="actorBId" required value={v.actorBId} onChange={(x) => form.set("actorBId", x)} options={actorOptions ?? []} placeholder={t("cooperations:form.choose")} error={errorAt(fields, "actorBId")} />
        </div>
      )}
      <SelectField
        label={labels.kind!}
        name="kind"
        required
        value={v.kind}
        onChange={(x) => form.set("kind", x as CooperationValues["kind"])}
        options={COOPERATION_KINDS.map((k) => ({ value: k, label: t(`enums:CooperationKind.${k}`) }))}
        placeholder={t("cooperations:form.choose")}
        error={fields["kind"]}
      />
      <div className="form-row">
        <TextField label={labels.since!} name="since" type="date" value={v.since} onChange={(x) => form.set("since", x)} error={fields["since"]} />
        <TextField label={labels.until!} name="until" type="date" value={v.until} onChange={(x) => form.set("until", x)} error={fields["until"]} hint={t("cooperations:form.untilHint")} />
      </div>
      <TextField label={labels.note!} name="note" multiline rows={4} value={v.note} onChange={(x) => form.set("note", x)} error={fields["note"]} hint={t("cooperations:form.noteHint")} />
      <div className="actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t("common:saving") : t("common:save")}
        </button>
      </div>
    </form>
  );
}
