import { useApolloClient, useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { describeApiError, fieldErrors } from "../../app/api-error";
import { homeOf } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { TextField } from "../../ui/Field";
import { StatusMessage } from "../../ui/StatusMessage";
import { acceptInvitationMutation } from "./auth.documents";

/**
 * The token of a single-use link. The API puts it in the fragment (`#token=…`), which browsers never
 * send to a server or in a Referer; `?token=` is accepted too.
 */
export function useLinkToken(): string | null {
  const [params] = useSearchParams();
  const { hash } = useLocation();
  return new URLSearchParams(hash.replace(/^#/, "")).get("token") ?? params.get("token");
}

/** /einladung#token=…: the invited person sets a password; the account is created and logged in. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t("auth:invitationTitle"));
  const linkToken = useLinkToken();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [token, setToken] = useState(linkToken ?? "");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const [accept, { loading, error }] = useMutation(acceptInvitationMutation);
  const fields: Record<string, string> = { ...(error ? fieldErrors(error, t) : {}), ...(mismatch ? { passwordRepeat: t("auth:passwordMismatch") } : {}) };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    try {
      const { data } = await accept({ variables: { input: { token: token.trim(), password } } });
      await client.resetStore();
      await navigate(homeOf(data?.acceptInvitation.account?.role ?? null), { replace: true });
    } catch {
      /* shown from `error` */
    }
  }

  return (
    <section className="page-section">
      <h1 tabIndex={-1}>{t("auth:invitationTitle")}</h1>
      <p className="lead">{t("auth:invitationIntro")}</p>
      <form className="form form--narrow" onSubmit={submit} noValidate>
        <ErrorSummary errors={fields} labels={{ token: t("auth:invitationToken"), password: t("auth:newPassword"), passwordRepeat: t("auth:passwordRepeat") }} />
        {error && Object.keys(fields).length === 0 && <StatusMessage kind="error">{describeApiError(error, t)}</StatusMessage>}
        {!linkToken || fields["token"] ? (
          <TextField label={t("auth:invitationToken")} name="token" required value={token} onChange={setToken} error={fields["token"]} />
        ) : null}
        <TextField label={t("auth:newPassword")} name="password" type="password" autoComplete="new-password" hint={t("auth:newPasswordHint")} required value={password} onChange={setPassword} error={fields["password"]} />
        <TextField label={t("auth:passwordRepeat")} name="passwordRepeat" type="password" autoComplete="new-password" required value={repeat} onChange={setRepeat} error={fields["passwordRepeat"]} />
        <button type="submit" className="button" disabled={loading}>
          {t("auth:invitationSubmit")}
        </button>
      </form>
    </section>
  );
}
