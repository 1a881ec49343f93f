import { useMutation } from "@apollo/client/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { describeApiError, errorAt, fieldErrors } from "../../app/api-error";
import type { Role } from "../../gql/graphql";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { SelectField, TextField } from "../../ui/Field";
import { StatusMessage } from "../../ui/StatusMessage";
import { createInvitationMutation } from "./accounts.documents";
import { CopyableLink } from "./CopyableLink";

const ROLES: Role[] = ["PARTNER", "ANALYST", "COMMISSIONER"];

type Props = {
  /** The organisations a partner account can be bound to. */
  actorOptions: { value: string; label: string }[];
  /** Preselected organisation (the invitation link on an actor's page). */
  initialActorId?: string;
};

/**
 * Invites a person: a partner organisation's account is bound to its actor and may keep only that
 * actor and its offerings current. The result is a single-use link (valid 72 h) to pass on, e.g. by
 * e-mail; Knotenpunkt sends no mail itself.
 */
export function InvitationForm({ actorOptions, initialActorId = "" }: Props) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("PARTNER");
  const [actorId, setActorId] = useState(initialActorId);
  const [result, setResult] = useState<{ email: string; url: string; expiresAt: string } | null>(null);
  const [invite, { loading, error, reset }] = useMutation(createInvitationMutation);
  const fields = error ? fieldErrors(error, t) : {};
  const resultHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  const labels: Record<string, string> = {
    email: t("accounts:invite.email"),
    role: t("accounts:col.role"),
    actorId: t("accounts:invite.actor"),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const { data } = await invite({ variables: { input: { email: email.trim(), role, actorId: role === "PARTNER" ? actorId || null : null } } });
      if (data) setResult({ email: email.trim(), url: data.createInvitation.url, expiresAt: data.createInvitation.expiresAt });
    } catch {
      /* shown from `error` */
    }
  }

  if (result) {
    return (
      <div className="invitation-result">
        <h3 tabIndex={-1} ref={resultHeading}>
          {t("accounts:invite.created", { email: result.email })}
        </h3>
        <p>{t("accounts:invite.createdText")}</p>
        <CopyableLink label={t("accounts:invite.link")} url={result.url} expiresAt={result.expiresAt} />
        <p className="actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setResult(null);
              setEmail("");
              setActorId("");
              reset();
            }}
          >
            {t("accounts:invite.another")}
          </button>
        </p>
      </div>
    );
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorSummary errors={fields} labels={labels} />
      {error && Object.keys(fields).length === 0 && <StatusMessage kind="error">{describeApiError(error, t)}</StatusMessage>}
      <p className="form__note">{t("common:form.requiredNote")}</p>
      <TextField label={labels.email!} name="email" type="email" autoComplete="off" required value={email} onChange={setEmail} error={fields["email"]} />
      <div className="form-row">
        <SelectField label={labels.role!} name="role" value={role} onChange={(x) => setRole(x as Role)} options={ROLES.map((r) => ({ value: r, label: t(`enums:Role.${r}`) }))} error={fields["role"]} hint={t(`accounts:invite.roleHint.${role}`)} />
        {role === "PARTNER" && (
          <SelectField label={labels.actorId!} name="actorId" required value={actorId} onChange={setActorId} options={actorOptions} placeholder={t("accounts:invite.choose")} error={errorAt(fields, "actorId")} />
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={loading}>
          {loading ? t("accounts:invite.creating") : t("accounts:invite.submit")}
        </button>
      </div>
    </form>
  );
}
