import type { TFunction } from "i18next";
import { formatAgeBand } from "../../ui/format";

type Named = { nameDe: string; nameEn: string };
type Area = { countyWide: boolean; municipalities: readonly { name: string }[] };

export function namesOf(list: readonly Named[], name: (n: Named) => string): string {
  return list.map(name).join(", ");
}

export function areaOf(measure: Area, t: TFunction): string {
  return measure.countyWide ? t("common:countyWide") : measure.municipalities.map((m) => m.name).join(", ");
}

export function ageOf(measure: { ageMin?: number | null; ageMax?: number | null }, t: TFunction): string {
  return formatAgeBand(measure.ageMin, measure.ageMax, t);
}
