import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { describeApiError } from "../../app/api-error";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import type { AccountsQuery } from "../../gql/graphql";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { QueryState } from "../../ui/QueryState";
import { StatusMessage } from "../../ui/StatusMessage";
import { formatDateTime } from "../../ui/format";
import { useActorOptions } from "../actors/useActorOptions";
import { accountsQuery, createPasswordResetMutation, setAccountDisabledMutation } from "./accounts.documents";
import { CopyableLink } from "./CopyableLink";
import { InvitationForm } from "./InvitationForm";

type Account = AccountsQuery["accounts"][number];

/** Accounts and invitations (commissioner): invite partners, hand out password-reset links, disable accounts. */
export function AccountsPage() {
  const { t } = useTranslation();
  usePageTitle(t("accounts:title"));
  const [params] = useSearchParams();
  const actors = useActorOptions();
  return (
    <section>
      <h1 tabIndex={-1}>{t("accounts:title")}</h1>
      <p className="lead">{t("accounts:intro")}</p>
      <section className="panel" aria-labelledby="einladen">
        <h2 id="einladen">{t("accounts:invite.title")}</h2>
        <p>{t("accounts:invite.intro")}</p>
        <QueryState loading={actors.loading} error={actors.error} hasData={!!actors.options} onRetry={actors.retry}>
          <InvitationForm actorOptions={actors.options ?? []} initialActorId={params.get("akteur") ?? ""} />
        </QueryState>
      </section>
      <AccountList />
    </section>
  );
}

function AccountList() {
  const { t } = useTranslation();
  const { account: me } = useSession();
  const { data, loading, error, refetch } = useQuery(accountsQuery, { fetchPolicy: "cache-and-network" });
  const [createReset, resetState] = useMutation(createPasswordResetMutation);
  const [setDisabled, disableState] = useMutation(setAccountDisabledMutation);
  const [resetLink, setResetLink] = useState<{ email: string; url: string; expiresAt: string } | null>(null);
  const [asking, setAsking] = useState<Account | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const actionError = resetState.error ?? disableState.error;
  useEffect(() => {
    if (resetLink) resultHeading.current?.focus();
  }, [resetLink]);

  async function resetLinkFor(account: Account) {
    setNotice(null);
    try {
      const { data: result } = await createReset({ variables: { input: { accountId: account.id } } });
      if (result) setResetLink({ email: account.email, url: result.createPasswordReset.url, expiresAt: result.createPasswordReset.expiresAt });
    } catch {
      /* shown above the table */
    }
  }

  return (
    <section className="panel" aria-labelledby="konten">
      <h2 id="konten">{t("accounts:list.title")}</h2>
      {resetLink && (
        <div className="invitation-result">
          <h3 tabIndex={-1} ref={resultHeading}>
            {t("accounts:reset.created", { email: resetLink.email })}
          </h3>
          <p>{t("accounts:reset.createdText")}</p>
          <CopyableLink label={t("accounts:reset.link")} url={resetLink.url} expiresAt={resetLink.expiresAt} />
          <p className="actions">
            <button type="button" className="button button--secondary" onClick={() => setResetLink(null)}>
              {t("accounts:reset.hide")}
            </button>
          </p>
        </div>
      )}
      {notice && <StatusMessage kind="empty">{notice}</StatusMessage>}
      {actionError && <StatusMessage kind="error">{describeApiError(actionError, t)}</StatusMessage>}
      <QueryState loading={loading} error={error} hasData={!!data} isEmpty={data?.accounts.length === 0} emptyText={t("accounts:list.empty")} onRetry={() => void refetch()}>
        {data && (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t("accounts:list.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("accounts:col.email")}</th>
                  <th scope="col">{t("accounts:col.role")}</th>
                  <th scope="col">{t("accounts:col.actor")}</th>
                  <th scope="col">{t("accounts:col.lastLogin")}</th>
                  <th scope="col">{t("accounts:col.totp")}</th>
                  <th scope="col">{t("accounts:col.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {data.accounts.map((a) => (
                  <tr key={a.id} className={a.disabled ? "row--archived" : undefined}>
                    <th scope="row">
                      {a.email}
                      {a.disabled && <span className="badge">{t("accounts:disabled")}</span>}
                      {a.id === me?.id && <span className="badge">{t("accounts:you")}</span>}
                    </th>
                    <td>{t(`enums:Role.${a.role}`)}</td>
                    <td>{a.actor ? <Link to={`/akteure/${encodeURIComponent(a.actor.id)}`}>{a.actor.name}</Link> : "–"}</td>
                    <td className="nowrap">{formatDateTime(a.lastLoginAt) || t("accounts:never")}</td>
                    <td>{a.totpEnabled ? t("common:yes") : t("common:no")}</td>
                    <td>
                      <div className="row-actions">
                        <button type="button" className="link-button" disabled={resetState.loading} onClick={() => void resetLinkFor(a)}>
                          {t("accounts:reset.create")}
                          <span className="visually-hidden">: {a.email}</span>
                        </button>
                        {a.id !== me?.id && (
                          <button type="button" className="link-button" onClick={() => setAsking(a)}>
                            {a.disabled ? t("accounts:enable") : t("accounts:disable")}
                            <span className="visually-hidden">: {a.email}</span>
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
      <ConfirmDialog
        open={!!asking}
        title={asking?.disabled ? t("accounts:enableTitle") : t("accounts:disableTitle")}
        confirmLabel={asking?.disabled ? t("accounts:enable") : t("accounts:disable")}
        danger={!asking?.disabled}
        busy={disableState.loading}
        onCancel={() => setAsking(null)}
        onConfirm={async () => {
          const account = asking;
          if (!account) return;
          try {
            await setDisabled({ variables: { input: { id: account.id, disabled: !account.disabled } } });
            setNotice(t(account.disabled ? "accounts:enabledNow" : "accounts:disabledNow", { email: account.email }));
          } catch {
            /* shown above the table */
          } finally {
            setAsking(null);
          }
        }}
      >
        <p>{asking && t(asking.disabled ? "accounts:enableText" : "accounts:disableText", { email: asking.email })}</p>
      </ConfirmDialog>
    </section>
  );
}
