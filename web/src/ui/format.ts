import type { TFunction } from "i18next";
import { currentLocale } from "../app/i18n";

/** Numbers, dates and times in the reader's language (1.234 / 1,234; 31.12.2026 / 31/12/2026). */
/** One formatter per locale and style: making one costs far more than formatting (tables format thousands). */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(key: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locale = currentLocale();
  const id = `${locale}|${key}`;
  let format = numberFormats.get(id);
  if (!format) numberFormats.set(id, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

export function formatCount(value: number): string {
  return numberFormat("count").format(value);
}

export function formatDecimal(value: number, digits = 2): string {
  return numberFormat(`decimal${digits}`, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

export function formatPercent(value: number): string {
  return new Intl.NumberFormat(currentLocale(), { style: "percent", maximumFractionDigits: 0 }).format(value);
}

export function formatCurrency(value: number): string {
  return new Intl.NumberFormat(currentLocale(), { style: "currency", currency: "EUR" }).format(value);
}

/** A LocalDate (YYYY-MM-DD) without shifting it through a time zone. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  const [y, m, d] = value.slice(0, 10).split("-").map(Number);
  if (!y || !m || !d) return value;
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: "medium", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "";
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: "medium", timeStyle: "short" }).format(new Date(value));
}

/** "ab 18", "bis 27", "12–27", "" for no limit. */
export function formatAgeBand(min: number | null | undefined, max: number | null | undefined, t: TFunction): string {
  if (min == null && max == null) return t("common:age.any");
  if (min == null) return t("common:age.upTo", { max });
  if (max == null) return t("common:age.from", { min });
  return t("common:age.between", { min, max });
}

export function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
