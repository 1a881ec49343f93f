import { useApolloClient } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { homeOf, useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { LoginForm } from "./LoginForm";

/** Only same-site paths are followed after login (no open redirect via ?weiter=). */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : null;
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t("auth:title"));
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { account } = useSession();
  return (
    <section className="page-section">
      <h1 tabIndex={-1}>{t("auth:title")}</h1>
      <p className="lead">{t("auth:intro")}</p>
      {account ? (
        <p>
          {t("auth:alreadyLoggedIn", { email: account.email })} <Link to={homeOf(account.role)}>{t("auth:continue")}</Link>
        </p>
      ) : (
        <LoginForm
          onLoggedIn={async (loggedIn) => {
            // Anything cached for the anonymous visitor is refetched with the new rights.
            await client.resetStore();
            await navigate(safeNext(params.get("weiter")) ?? homeOf(loggedIn.role), { replace: true });
          }}
        />
      )}
    </section>
  );
}
