import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { conflictOf, describeApiError, fieldErrors, missingRequired } from "../../app/api-error";
import { ConflictNotice } from "../../ui/ConflictNotice";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { SelectField, TextField } from "../../ui/Field";
import { StatusMessage } from "../../ui/StatusMessage";
import { useReapply } from "../../ui/useReapply";
import { NETWORK_KINDS, toCreateNetworkInput, toUpdateNetworkInput, type NetworkValues } from "./network.form";
import { createNetworkMutation, updateNetworkMutation } from "./networks.documents";

type Props = {
  initial: NetworkValues;
  /** Set when editing: the id and the version that was read. */
  existing?: { id: string; version: number; reload: () => Promise<{ values: NetworkValues; version: number }> };
  onSaved: (id: string) => void;
};

/** Create or edit a body (Gremium): name, kind and what it is for (commissioner). */
export function NetworkForm({ initial, existing, onSaved }: Props) {
  const { t } = useTranslation();
  const form = useReapply(initial);
  const v = form.values;
  const [version, setVersion] = useState(existing?.version ?? 0);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [reapplied, setReapplied] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [create, createState] = useMutation(createNetworkMutation);
  const [update, updateState] = useMutation(updateNetworkMutation);
  const error = existing ? updateState.error : createState.error;
  const saving = createState.loading || updateState.loading;
  const fields = { ...(error ? fieldErrors(error, t) : {}), ...missing };
  const conflict = error ? conflictOf(error) : null;

  const labels: Record<string, string> = {
    name: t("networks:form.name"),
    shortName: t("networks:form.shortName"),
    kind: t("networks:col.kind"),
    description: t("networks:form.description"),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setReapplied(false);
    const local = missingRequired(v, ["kind"], t);
    setMissing(local);
    if (Object.keys(local).length > 0) return;
    try {
      if (existing) {
        const { data } = await update({ variables: { input: toUpdateNetworkInput(v, existing.id, version) } });
        if (data) onSaved(data.updateNetwork.network.id);
      } else {
        const { data } = await create({ variables: { input: toCreateNetworkInput(v) } });
        if (data) onSaved(data.createNetwork.network.id);
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
      <TextField label={labels.name!} name="name" required value={v.name} onChange={(x) => form.set("name", x)} error={fields["name"]} />
      <div className="form-row">
        <TextField label={labels.shortName!} name="shortName" value={v.shortName} onChange={(x) => form.set("shortName", x)} error={fields["shortName"]} hint={t("networks:form.shortNameHint")} />
        <SelectField
          label={labels.kind!}
          name="kind"
          required
          value={v.kind}
          onChange={(x) => form.set("kind", x as NetworkValues["kind"])}
          options={NETWORK_KINDS.map((k) => ({ value: k, label: t(`enums:NetworkKind.${k}`) }))}
          placeholder={t("networks:form.choose")}
          error={fields["kind"]}
        />
      </div>
      <TextField label={labels.description!} name="description" multiline rows={6} value={v.description} onChange={(x) => form.set("description", x)} error={fields["description"]} hint={t("networks:form.descriptionHint")} />
      <div className="actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t("common:saving") : t("common:save")}
        </button>
      </div>
    </form>
  );
}
