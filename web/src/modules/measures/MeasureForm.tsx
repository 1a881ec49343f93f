import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { conflictOf, describeApiError, fieldErrors } from "../../app/api-error";
import type { Level, MeasureStatus } from "../../gql/graphql";
import { ConflictNotice } from "../../ui/ConflictNotice";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { Checkbox, CheckboxGroup, SelectField, TextField } from "../../ui/Field";
import { StatusMessage } from "../../ui/StatusMessage";
import { useReapply } from "../../ui/useReapply";
import { useTaxonomy } from "../taxonomy/useTaxonomy";
import { toCreateInput, toUpdateInput, type MeasureValues } from "./measure.form";
import { createMeasureMutation, updateMeasureMutation } from "./measures.documents";

const STATUSES: MeasureStatus[] = ["PLANNED", "ACTIVE", "PAUSED", "ENDED"];
const LEVELS: Level[] = ["FEDERAL", "STATE", "COUNTY", "MUNICIPAL", "NON_GOVERNMENTAL"];

type Props = {
  initial: MeasureValues;
  /** Set when editing: the id and the version that was read. */
  existing?: { id: string; version: number; reload: () => Promise<{ values: MeasureValues; version: number }> };
  /** Commissioner creating: which actors may be chosen as provider. Partners cannot choose. */
  providerOptions?: { value: string; label: string }[];
  onSaved: (id: string) => void;
};

/** Create or edit an offering; all API validation errors appear at their fields at once. */
export function MeasureForm({ initial, existing, providerOptions, onSaved }: Props) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const form = useReapply(initial);
  const v = form.values;
  const [version, setVersion] = useState(existing?.version ?? 0);
  const [reapplied, setReapplied] = useState(false);
  const [create, createState] = useMutation(createMeasureMutation);
  const [update, updateState] = useMutation(updateMeasureMutation);
  const error = existing ? updateState.error : createState.error;
  const saving = createState.loading || updateState.loading;
  const fields = error ? fieldErrors(error, t) : {};
  const conflict = error ? conflictOf(error) : null;
  const [reloading, setReloading] = useState(false);

  const labels: Record<string, string> = {
    title: t("measures:form.title"),
    description: t("measures:form.description"),
    providerId: t("measures:col.provider"),
    status: t("measures:col.status"),
    level: t("measures:level"),
    fieldOfActionIds: t("measures:col.fields"),
    targetGroupIds: t("measures:col.targetGroups"),
    municipalityIds: t("measures:form.municipalities"),
    countyWide: t("measures:form.countyWide"),
    ageMin: t("measures:form.ageMin"),
    ageMax: t("measures:form.ageMax"),
    startDate: t("measures:form.startDate"),
    endDate: t("measures:form.endDate"),
    schedule: t("measures:schedule"),
    venue: t("measures:venue"),
    capacity: t("measures:capacity"),
    cost: t("measures:form.cost"),
    registrationUrl: t("measures:registration"),
    languages: t("measures:form.languages"),
    published: t("measures:form.published"),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setReapplied(false);
    try {
      if (existing) {
        const { data } = await update({ variables: { input: toUpdateInput(v, existing.id, version) } });
        if (data) onSaved(data.updateMeasure.measure.id);
      } else {
        const { data } = await create({ variables: { input: toCreateInput(v) } });
        if (data) onSaved(data.createMeasure.measure.id);
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

      <TextField label={labels.title!} name="title" required value={v.title} onChange={(x) => form.set("title", x)} error={fields["title"]} />
      <TextField label={labels.description!} name="description" multiline rows={6} value={v.description} onChange={(x) => form.set("description", x)} error={fields["description"]} />
      {providerOptions && (
        <SelectField label={labels.providerId!} name="providerId" required value={v.providerId} onChange={(x) => form.set("providerId", x)} options={providerOptions} placeholder={t("measures:form.choose")} error={fields["providerId"]} />
      )}
      <div className="form-row">
        <SelectField label={labels.status!} name="status" value={v.status} onChange={(x) => form.set("status", x as MeasureStatus)} options={STATUSES.map((s) => ({ value: s, label: t(`enums:MeasureStatus.${s}`) }))} error={fields["status"]} />
        <SelectField label={labels.level!} name="level" value={v.level} onChange={(x) => form.set("level", x as Level)} options={LEVELS.map((l) => ({ value: l, label: t(`enums:Level.${l}`) }))} error={fields["level"]} />
      </div>
      <CheckboxGroup label={labels.fieldOfActionIds!} name="fieldOfActionIds" required columns values={v.fieldOfActionIds} onChange={(x) => form.set("fieldOfActionIds", x)} options={taxonomy.fieldOptions} error={fields["fieldOfActionIds"]} />
      <CheckboxGroup label={labels.targetGroupIds!} name="targetGroupIds" columns hint={t("measures:form.targetGroupsHint")} values={v.targetGroupIds} onChange={(x) => form.set("targetGroupIds", x)} options={taxonomy.targetGroupOptions} error={fields["targetGroupIds"]} />
      <Checkbox label={labels.countyWide!} name="countyWide" checked={v.countyWide} onChange={(x) => form.set("countyWide", x)} error={fields["countyWide"]} />
      {!v.countyWide && (
        <CheckboxGroup label={labels.municipalityIds!} name="municipalityIds" columns values={v.municipalityIds} onChange={(x) => form.set("municipalityIds", x)} options={taxonomy.municipalityOptions} error={fields["municipalityIds"]} />
      )}
      <div className="form-row">
        <TextField label={labels.ageMin!} name="ageMin" type="number" min={0} max={120} value={v.ageMin} onChange={(x) => form.set("ageMin", x)} error={fields["ageMin"]} />
        <TextField label={labels.ageMax!} name="ageMax" type="number" min={0} max={120} value={v.ageMax} onChange={(x) => form.set("ageMax", x)} error={fields["ageMax"]} />
      </div>
      <div className="form-row">
        <TextField label={labels.startDate!} name="startDate" type="date" value={v.startDate} onChange={(x) => form.set("startDate", x)} error={fields["startDate"]} />
        <TextField label={labels.endDate!} name="endDate" type="date" hint={t("measures:form.endDateHint")} value={v.endDate} onChange={(x) => form.set("endDate", x)} error={fields["endDate"]} />
      </div>
      <div className="form-row">
        <TextField label={labels.schedule!} name="schedule" hint={t("measures:form.scheduleHint")} value={v.schedule} onChange={(x) => form.set("schedule", x)} error={fields["schedule"]} />
        <TextField label={labels.venue!} name="venue" value={v.venue} onChange={(x) => form.set("venue", x)} error={fields["venue"]} />
      </div>
      <div className="form-row">
        <TextField label={labels.capacity!} name="capacity" type="number" min={0} value={v.capacity} onChange={(x) => form.set("capacity", x)} error={fields["capacity"]} />
        <TextField label={labels.cost!} name="cost" inputMode="numeric" hint={t("measures:form.costHint")} value={v.cost} onChange={(x) => form.set("cost", x)} error={fields["cost"]} />
      </div>
      <TextField label={labels.registrationUrl!} name="registrationUrl" type="url" value={v.registrationUrl} onChange={(x) => form.set("registrationUrl", x)} error={fields["registrationUrl"]} />
      <TextField label={labels.languages!} name="languages" hint={t("measures:form.languagesHint")} value={v.languages} onChange={(x) => form.set("languages", x)} error={fields["languages"]} />
      <Checkbox label={labels.published!} name="published" hint={t("measures:form.publishedHint")} checked={v.published} onChange={(x) => form.set("published", x)} error={fields["published"]} />
      <div className="actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t("common:saving") : t("common:save")}
        </button>
      </div>
    </form>
  );
}
