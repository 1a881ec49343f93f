import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { conflictOf, describeApiError, errorAt, fieldErrors, missingRequired } from "../../app/api-error";
import { ConflictNotice } from "../../ui/ConflictNotice";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { SelectField, TextField } from "../../ui/Field";
import { StatusMessage } from "../../ui/StatusMessage";
import { useReapply } from "../../ui/useReapply";
import { MEMBERSHIP_ROLES, toAddMembershipInput, toUpdateMembershipInput, type MembershipValues } from "./network.form";
import { addMembershipMutation, updateMembershipMutation } from "./networks.documents";

type Props = {
  networkId: string;
  initial: MembershipValues;
  /** Adding: the actors to choose from. Editing keeps the actor (a seat belongs to one actor). */
  actorOptions?: { value: string; label: string }[];
  existing?: { id: string; version: number; reload: () => Promise<{ values: MembershipValues; version: number }> };
  onSaved: () => void;
  onCancel?: () => void;
};

/**
 * A seat in a network: add one (actor, role, period) or change role and period of one. When an actor
 * leaves, the seat gets an end date; removing it is only for mistaken entries.
 */
export function MembershipForm({ networkId, initial, actorOptions, existing, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const form = useReapply(initial);
  const v = form.values;
  const [version, setVersion] = useState(existing?.version ?? 0);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [reapplied, setReapplied] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [add, addState] = useMutation(addMembershipMutation);
  const [update, updateState] = useMutation(updateMembershipMutation);
  const error = existing ? updateState.error : addState.error;
  const saving = addState.loading || updateState.loading;
  const fields = { ...(error ? fieldErrors(error, t) : {}), ...missing };
  const conflict = error ? conflictOf(error) : null;

  const labels: Record<string, string> = {
    actorId: t("networks:membership.actor"),
    role: t("networks:membership.role"),
    since: t("networks:membership.since"),
    until: t("networks:membership.until"),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setReapplied(false);
    const local = existing ? {} : missingRequired(v, ["actorId"], t);
    setMissing(local);
    if (Object.keys(local).length > 0) return;
    try {
      if (existing) {
        const { data } = await update({ variables: { input: toUpdateMembershipInput(v, existing.id, version) } });
        if (data) onSaved();
      } else {
        const { data } = await add({ variables: { input: toAddMembershipInput(v, networkId) } });
        if (data) {
          form.load(initial);
          onSaved();
        }
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
      <div className="form-row">
        {actorOptions && (
          <SelectField label={labels.actorId!} name="actorId" required value={v.actorId} onChange={(x) => form.set("actorId", x)} options={actorOptions} placeholder={t("networks:form.choose")} error={errorAt(fields, "actorId")} />
        )}
        <SelectField
          label={labels.role!}
          name="role"
          value={v.role}
          onChange={(x) => form.set("role", x as MembershipValues["role"])}
          options={MEMBERSHIP_ROLES.map((r) => ({ value: r, label: t(`enums:MembershipRole.${r}`) }))}
          error={fields["role"]}
        />
      </div>
      <div className="form-row">
        <TextField label={labels.since!} name="since" type="date" value={v.since} onChange={(x) => form.set("since", x)} error={fields["since"]} />
        <TextField label={labels.until!} name="until" type="date" value={v.until} onChange={(x) => form.set("until", x)} error={fields["until"]} hint={t("networks:membership.untilHint")} />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t("common:saving") : existing ? t("common:save") : t("networks:membership.add")}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t("common:cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
