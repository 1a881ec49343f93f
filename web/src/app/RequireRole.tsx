import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { Role } from "../gql/graphql";
import { StatusMessage } from "../ui/StatusMessage";
import { useSession } from "./session";
import { usePageTitle } from "./usePageTitle";

/** Shows the page only to the given roles; others are told why and, if anonymous, where to log in. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { account, role, loading } = useSession();
  if (loading) return <Loading />;
  if (!account) return <LoginRequired />;
  if (!role || !roles.includes(role)) return <Forbidden />;
  return <>{children}</>;
}

function Loading() {
  const { t } = useTranslation();
  return <StatusMessage kind="loading">{t("common:loading")}</StatusMessage>;
}

function LoginRequired() {
  const { t } = useTranslation();
  const location = useLocation();
  usePageTitle(t("common:guard.loginTitle"));
  return (
    <section className="page-section">
      <h1 tabIndex={-1}>{t("common:guard.loginTitle")}</h1>
      <p>{t("common:guard.loginText")}</p>
      <p>
        <Link className="button" to={`/anmelden?weiter=${encodeURIComponent(location.pathname + location.search)}`}>
          {t("common:guard.login")}
        </Link>
      </p>
    </section>
  );
}

function Forbidden() {
  const { t } = useTranslation();
  usePageTitle(t("common:guard.forbiddenTitle"));
  return (
    <section className="page-section">
      <h1 tabIndex={-1}>{t("common:guard.forbiddenTitle")}</h1>
      <p>{t("common:guard.forbiddenText")}</p>
    </section>
  );
}
