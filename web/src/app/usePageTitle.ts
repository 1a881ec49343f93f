import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Each screen names itself in the tab title: the first thing a screen reader says after navigation. */
export function usePageTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} – ${t("common:appName")}` : `${t("common:appName")} – ${t("common:county")}`;
  }, [title, t]);
}
