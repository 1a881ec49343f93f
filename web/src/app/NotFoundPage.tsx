import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "./usePageTitle";

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t("common:notFound.title"));
  return (
    <section>
      <h1 tabIndex={-1}>{t("common:notFound.title")}</h1>
      <p>{t("common:notFound.text")}</p>
      <p>
        <Link to="/">{t("common:notFound.home")}</Link>
      </p>
    </section>
  );
}
