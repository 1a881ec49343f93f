import { useApolloClient, useMutation } from "@apollo/client/react";
import { Suspense, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import type { Role } from "../gql/graphql";
import { logoutMutation } from "../modules/auth/auth.documents";
import { StatusMessage } from "../ui/StatusMessage";
import { useSession } from "./session";

type NavItem = { to: string; label: string; roles: (Role | "ANONYMOUS")[] };

const NAV: NavItem[] = [
  { to: "/", label: "home", roles: ["ANONYMOUS"] },
  { to: "/karte", label: "map", roles: ["COMMISSIONER", "ANALYST"] },
  { to: "/portal", label: "portal", roles: ["PARTNER"] },
  { to: "/akteure", label: "actors", roles: ["COMMISSIONER", "PARTNER", "ANALYST"] },
  { to: "/massnahmen", label: "measures", roles: ["ANONYMOUS", "COMMISSIONER", "PARTNER", "ANALYST"] },
  { to: "/ueberschneidungen", label: "overlaps", roles: ["COMMISSIONER", "ANALYST"] },
  { to: "/versorgung", label: "coverage", roles: ["COMMISSIONER", "ANALYST"] },
  { to: "/gremien", label: "networks", roles: ["COMMISSIONER", "PARTNER", "ANALYST"] },
  { to: "/kooperationen", label: "cooperations", roles: ["COMMISSIONER", "PARTNER", "ANALYST"] },
  { to: "/zustaendigkeiten", label: "handlers", roles: ["COMMISSIONER", "PARTNER", "ANALYST"] },
  { to: "/wer-ist-zustaendig", label: "referral", roles: ["ANONYMOUS", "COMMISSIONER", "PARTNER", "ANALYST"] },
  { to: "/protokoll", label: "audit", roles: ["COMMISSIONER"] },
  { to: "/konten", label: "accounts", roles: ["COMMISSIONER"] },
  { to: "/analyse", label: "analyst", roles: ["COMMISSIONER", "ANALYST"] },
];

export function navItemsFor(role: Role | null): NavItem[] {
  return NAV.filter((item) => item.roles.includes(role ?? "ANONYMOUS"));
}

/**
 * The frame of every screen: skip link, header with the role's navigation, language switch and
 * account, the page, footer. After each client-side navigation focus moves to the new page's heading
 * (as a full page load would start reading there), so keyboard and screen-reader users are not left
 * on a link that no longer exists.
 */
export function Layout() {
  const { t, i18n } = useTranslation();
  const { account, role } = useSession();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const main = mainRef.current;
    if (!main) return;
    // Wait a frame so lazily loaded pages have rendered their heading.
    const timer = window.setTimeout(() => {
      const heading = main.querySelector<HTMLElement>("h1");
      if (heading) {
        if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
        heading.focus();
      } else main.focus();
    }, 50);
    return () => window.clearTimeout(timer);
  }, [location.pathname]);

  const nextLanguage = i18n.language === "en" ? "de" : "en";
  return (
    <>
      <a className="skip-link" href="#inhalt">
        {t("common:skipLink")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <p className="site-header__brand">
            <Link to="/">{t("common:appName")}</Link>
            <span className="site-header__county">{t("common:county")}</span>
          </p>
          <div className="site-header__tools">
            <button
              type="button"
              className="link-button"
              lang={nextLanguage}
              aria-label={t("nav:switchToLabel")}
              onClick={() => void i18n.changeLanguage(nextLanguage)}
            >
              {t("nav:switchTo")}
            </button>
            {account ? <AccountMenu email={account.email} role={account.role} /> : <Link to="/anmelden">{t("nav:login")}</Link>}
          </div>
        </div>
        <nav aria-label={t("nav:main")} className="site-nav-bar">
          <ul className="site-nav">
            {navItemsFor(role).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === "/"}>
                  {t(`nav:${item.label}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="inhalt" className="page" tabIndex={-1} ref={mainRef} key={role ?? "anonymous"}>
        <Suspense fallback={<StatusMessage kind="loading">{t("common:loading")}</StatusMessage>}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>
          {t("common:appName")} · {t("common:county")} · <a href="/graphiql">GraphiQL</a>
        </p>
      </footer>
    </>
  );
}

function AccountMenu({ email, role }: { email: string; role: Role }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logout, { loading }] = useMutation(logoutMutation);
  return (
    <span className="account">
      <span className="account__who">{t("nav:loggedInAs", { email, role: t(`enums:Role.${role}`) })}</span>
      <button
        type="button"
        className="link-button"
        disabled={loading}
        onClick={async () => {
          try {
            await logout();
          } finally {
            // Nothing the account could see may stay in memory for the next person at this desk.
            await client.clearStore();
            await navigate("/");
            await client.refetchQueries({ include: "active" });
          }
        }}
      >
        {t("nav:logout")}
      </button>
    </span>
  );
}
