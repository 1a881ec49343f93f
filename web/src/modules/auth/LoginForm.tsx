import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { describeApiError, fieldErrors, hasErrorCode } from "../../app/api-error";
import type { LoginMutation } from "../../gql/graphql";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { TextField } from "../../ui/Field";
import { StatusMessage } from "../../ui/StatusMessage";
import { loginMutation } from "./auth.documents";

type Account = NonNullable<LoginMutation["login"]["account"]>;

/**
 * E-mail and password; when the account uses a second factor the API answers `totpRequired` and the
 * form asks for the code, keeping what was typed. A wrong password is one message at the top (the API
 * fails wrong e-mail and wrong password alike, on purpose); invalid fields are marked at the field.
 */
export function LoginForm({ onLoggedIn }: { onLoggedIn: (account: Account) => void | Promise<void> }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [totpCode, setTotpCode] = useState("");
  const [totpRequired, setTotpRequired] = useState(false);
  const [login, { loading, error, reset }] = useMutation(loginMutation);

  const fields = error ? fieldErrors(error, t) : {};
  const general = error && (Object.keys(fields).length === 0 || !hasErrorCode(error, "BAD_USER_INPUT")) ? describeApiError(error, t) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    reset();
    try {
      const { data } = await login({
        variables: { input: { email: email.trim(), password, ...(totpRequired ? { totpCode: totpCode.trim() } : {}) } },
      });
      if (data?.login.totpRequired) {
        setTotpRequired(true);
        return;
      }
      if (data?.login.account) await onLoggedIn(data.login.account);
    } catch {
      /* shown from `error` */
    }
  }

  return (
    <form className="form form--narrow" onSubmit={submit} noValidate aria-describedby="anmelde-hinweis">
      <ErrorSummary errors={fields} labels={{ email: t("auth:email"), password: t("auth:password"), totpCode: t("auth:totp") }} />
      {general && <StatusMessage kind="error">{general}</StatusMessage>}
      <TextField label={t("auth:email")} name="email" type="email" autoComplete="username" required value={email} onChange={setEmail} error={fields["email"]} />
      <TextField label={t("auth:password")} name="password" type="password" autoComplete="current-password" required value={password} onChange={setPassword} error={fields["password"]} />
      {totpRequired && (
        <>
          <p role="status">{t("auth:totpNeeded")}</p>
          <TextField label={t("auth:totp")} name="totpCode" inputMode="numeric" autoComplete="one-time-code" hint={t("auth:totpHint")} required value={totpCode} onChange={setTotpCode} error={fields["totpCode"]} />
        </>
      )}
      <p id="anmelde-hinweis" className="form__note">
        {t("auth:demo")}
      </p>
      <button type="submit" className="button" disabled={loading}>
        {loading ? t("auth:submitting") : t("auth:submit")}
      </button>
    </form>
  );
}
