import { useQuery } from "@apollo/client/react";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { taxonomyQuery } from "./taxonomy.documents";

type Named = { nameDe: string; nameEn: string };

/** The name of a taxonomy entry in the reader's language. */
export function useLocalName(): (entry: Named) => string {
  const { i18n } = useTranslation();
  const english = i18n.language === "en";
  return useCallback((entry: Named) => (english ? entry.nameEn || entry.nameDe : entry.nameDe), [english]);
}

/**
 * Fields of action (nested: sub-fields are indented under their parent), target groups and
 * municipalities as select/checkbox options. Cached for the whole session: they change rarely.
 */
export function useTaxonomy() {
  const { data, loading, error, refetch } = useQuery(taxonomyQuery, { fetchPolicy: "cache-first" });
  const name = useLocalName();
  const fields = data?.fieldsOfAction ?? [];
  const roots = fields.filter((f) => !f.parent);
  const fieldOptions = roots.flatMap((root) => [
    { value: root.id, label: name(root) },
    ...fields.filter((f) => f.parent?.id === root.id).map((child) => ({ value: child.id, label: `– ${name(child)}` })),
  ]);
  const targetGroupOptions = (data?.targetGroups ?? []).map((g) => ({ value: g.id, label: name(g) }));
  const municipalityOptions = (data?.municipalities ?? []).map((m) => ({ value: m.id, label: m.name }));
  return { data, loading, error, refetch, fieldOptions, targetGroupOptions, municipalityOptions, name };
}
