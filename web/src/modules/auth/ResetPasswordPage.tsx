import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { describeApiError, fieldErrors } from "../../app/api-error";
import { usePageTitle } from "../../app/usePageTitle";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { TextField } from "../../ui/Field";
import { StatusMessage } from "../../ui/StatusMessage";
import { useLinkToken } from "./AcceptInvitationPage";
import { resetPasswordMutation } from "./auth.documents";

/** /passwort-neu#token=…: a new password with the link the commissioner handed out; every session of the account ends. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t("auth:resetTitle"));
  const linkToken = useLinkToken();
  const [token, setToken] = useState(linkToken ?? "");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const [resetPassword, { loading, error }] = useMutation(resetPasswordMutation);
  const fields: Record<string, string> = { ...(error ? fieldErrors(error, t) : {}), ...(mismatch ? { passwordRepeat: t("auth:passwordMismatch") } : {}) };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    try {
      const { data } = await resetPassword({ variables: { input: { token: token.trim(), password } } });
      if (data?.resetPassword) setDone(true);
    } catch {
      /* shown from `error` */
    }
  }

  return (
    <section className="page-section">
      <h1 tabIndex={-1}>{t("auth:resetTitle")}</h1>
      {done ? (
        <>
          <StatusMessage kind="empty">{t("auth:resetDone")}</StatusMessage>
          <p>
            <Link className="button" to="/anmelden">
              {t("auth:submit")}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t("auth:resetIntro")}</p>
          <form className="form form--narrow" onSubmit={submit} noValidate>
            <ErrorSummary errors={fields} labels={{ token: t("auth:resetToken"), password: t("auth:newPassword"), passwordRepeat: t("auth:passwordRepeat") }} />
            {error && Object.keys(fields).length === 0 && <StatusMessage kind="error">{describeApiError(error, t)}</StatusMessage>}
            {!linkToken || fields["token"] ? <TextField label={t("auth:resetToken")} name="token" required value={token} onChange={setToken} error={fields["token"]} /> : null}
            <TextField label={t("auth:newPassword")} name="password" type="password" autoComplete="new-password" hint={t("auth:newPasswordHint")} required value={password} onChange={setPassword} error={fields["password"]} />
            <TextField label={t("auth:passwordRepeat")} name="passwordRepeat" type="password" autoComplete="new-password" required value={repeat} onChange={setRepeat} error={fields["passwordRepeat"]} />
            <button type="submit" className="button" disabled={loading}>
              {t("auth:resetSubmit")}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
