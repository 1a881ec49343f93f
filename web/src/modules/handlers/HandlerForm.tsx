import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { conflictOf, describeApiError, errorAt, fieldErrors, missingRequired } from "../../app/api-error";
import { ConflictNotice } from "../../ui/ConflictNotice";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { Checkbox, CheckboxGroup, SelectField, TextField } from "../../ui/Field";
import { StatusMessage } from "../../ui/StatusMessage";
import { useReapply } from "../../ui/useReapply";
import { useTaxonomy } from "../taxonomy/useTaxonomy";
import { toCreateHandlerInput, toUpdateHandlerInput, type HandlerValues } from "./handler.form";
import { createHandlerMutation, updateHandlerMutation } from "./handlers.documents";

type Props = {
  initial: HandlerValues;
  actorOptions: { value: string; label: string }[];
  /** Set when editing: the id and the version that was read. */
  existing?: { id: string; version: number; reload: () => Promise<{ values: HandlerValues; version: number }> };
  /** Called with the saved row and its actor (the list shows that actor's responsibilities next). */
  onSaved: (saved: { id: string; actorId: string }) => void;
};

/** Create or edit a responsibility (commissioner); every API validation error appears at its field. */
export function HandlerForm({ initial, actorOptions, existing, onSaved }: Props) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const form = useReapply(initial);
  const v = form.values;
  const [version, setVersion] = useState(existing?.version ?? 0);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [reapplied, setReapplied] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [create, createState] = useMutation(createHandlerMutation);
  const [update, updateState] = useMutation(updateHandlerMutation);
  const error = existing ? updateState.error : createState.error;
  const saving = createState.loading || updateState.loading;
  const fields = { ...(error ? fieldErrors(error, t) : {}), ...missing };
  const conflict = error ? conflictOf(error) : null;

  const labels: Record<string, string> = {
    actorId: t("handlers:col.actor"),
    fieldOfActionId: t("handlers:form.fieldOfAction"),
    targetGroupIds: t("handlers:col.targetGroups"),
    ageMin: t("handlers:form.ageMin"),
    ageMax: t("handlers:form.ageMax"),
    countyWide: t("handlers:form.countyWide"),
    municipalityIds: t("handlers:form.municipalities"),
    languages: t("handlers:form.languages"),
    priority: t("handlers:col.priority"),
    note: t("handlers:form.note"),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setReapplied(false);
    const local = missingRequired(v, ["actorId", "fieldOfActionId"], t);
    setMissing(local);
    if (Object.keys(local).length > 0) return;
    try {
      if (existing) {
        const { data } = await update({ variables: { input: toUpdateHandlerInput(v, existing.id, version) } });
        if (data) onSaved({ id: data.updateHandler.handler.id, actorId: v.actorId });
      } else {
        const { data } = await create({ variables: { input: toCreateHandlerInput(v) } });
        if (data) onSaved({ id: data.createHandler.handler.id, actorId: v.actorId });
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
      <div className="form-row">
        <SelectField label={labels.actorId!} name="actorId" required value={v.actorId} onChange={(x) => form.set("actorId", x)} options={actorOptions} placeholder={t("handlers:form.choose")} error={errorAt(fields, "actorId")} />
        <SelectField
          label={labels.fieldOfActionId!}
          name="fieldOfActionId"
          required
          value={v.fieldOfActionId}
          onChange={(x) => form.set("fieldOfActionId", x)}
          options={taxonomy.fieldOptions}
          placeholder={t("handlers:form.choose")}
          hint={t("handlers:form.fieldOfActionHint")}
          error={errorAt(fields, "fieldOfActionId")}
        />
      </div>
      <CheckboxGroup label={labels.targetGroupIds!} name="targetGroupIds" columns hint={t("handlers:form.targetGroupsHint")} values={v.targetGroupIds} onChange={(x) => form.set("targetGroupIds", x)} options={taxonomy.targetGroupOptions} error={errorAt(fields, "targetGroupIds")} />
      <div className="form-row">
        <TextField label={labels.ageMin!} name="ageMin" type="number" min={0} max={130} inputMode="numeric" value={v.ageMin} onChange={(x) => form.set("ageMin", x)} error={fields["ageMin"]} hint={t("handlers:form.ageHint")} />
        <TextField label={labels.ageMax!} name="ageMax" type="number" min={0} max={130} inputMode="numeric" value={v.ageMax} onChange={(x) => form.set("ageMax", x)} error={fields["ageMax"]} />
      </div>
      <Checkbox label={labels.countyWide!} name="countyWide" checked={v.countyWide} onChange={(x) => form.set("countyWide", x)} error={fields["countyWide"]} />
      {!v.countyWide && (
        <CheckboxGroup label={labels.municipalityIds!} name="municipalityIds" columns values={v.municipalityIds} onChange={(x) => form.set("municipalityIds", x)} options={taxonomy.municipalityOptions} error={errorAt(fields, "municipalityIds")} />
      )}
      <div className="form-row">
        <TextField label={labels.languages!} name="languages" value={v.languages} onChange={(x) => form.set("languages", x)} error={errorAt(fields, "languages")} hint={t("measures:form.languagesHint")} />
        <TextField label={labels.priority!} name="priority" type="number" min={1} max={99} inputMode="numeric" value={v.priority} onChange={(x) => form.set("priority", x)} error={fields["priority"]} hint={t("handlers:form.priorityHint")} />
      </div>
      <TextField label={labels.note!} name="note" multiline rows={3} value={v.note} onChange={(x) => form.set("note", x)} error={fields["note"]} hint={t("handlers:form.noteHint")} />
      <div className="actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t("common:saving") : t("common:save")}
        </button>
      </div>
    </form>
  );
}
