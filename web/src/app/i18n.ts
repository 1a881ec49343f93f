import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { de } from "../locales/de";
import { en } from "../locales/en";

export type Language = "de" | "en";

const STORAGE_KEY = "knotenpunkt.language";

function storedLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === "en" ? "en" : "de";
  } catch {
    return "de";
  }
}

/**
 * German first (the county's working language, BITV 2.0), English on request. The choice is kept in
 * localStorage and mirrored into <html lang>, so screen readers switch their voice with it.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { de, en },
  lng: storedLanguage(),
  fallbackLng: "de",
  defaultNS: "common",
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

function syncDocument(language: string): void {
  if (typeof document !== "undefined") document.documentElement.lang = language;
}

syncDocument(i18n.language);
i18n.on("languageChanged", (language) => {
  syncDocument(language);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
});

export function currentLocale(): string {
  return i18n.language === "en" ? "en-GB" : "de-DE";
}
