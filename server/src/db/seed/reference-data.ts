import { DataSource, EntityManager } from "typeorm";
import { MunicipalityKind } from "../../common/enums";
import { DEFAULT_FIELDS_OF_ACTION, DEFAULT_TARGET_GROUPS, TaxonomyDefault } from "../../modules/taxonomy/taxonomy.defaults";
import { FieldOfAction, Municipality, TargetGroup } from "../../modules/taxonomy/taxonomy.entity";
import { LOERRACH_MUNICIPALITIES } from "./municipalities.data";

/**
 * Makes sure the starting taxonomies and the county's municipalities exist. Idempotent: rows the county has
 * renamed or added are left alone; only missing keys are inserted.
 */
export async function ensureReferenceData(ds: DataSource): Promise<void> {
  await ds.transaction(async (em) => {
    await ensureTaxonomy(em, FieldOfAction, DEFAULT_FIELDS_OF_ACTION);
    await ensureTaxonomy(em, TargetGroup, DEFAULT_TARGET_GROUPS);
    const known = new Set((await em.find(Municipality)).map((m) => m.name));
    const missing = LOERRACH_MUNICIPALITIES.filter((m) => !known.has(m.name));
    if (missing.length) {
      await em.insert(
        Municipality,
        missing.map((m) => ({ name: m.name, kind: m.kind as MunicipalityKind, population: null })),
      );
    }
  });
}

async function ensureTaxonomy(em: EntityManager, entity: typeof FieldOfAction | typeof TargetGroup, defaults: TaxonomyDefault[]): Promise<void> {
  const repo = em.getRepository<FieldOfAction | TargetGroup>(entity);
  const existing = new Map((await repo.find()).map((r) => [r.key, r]));
  for (const [i, d] of defaults.entries()) {
    if (existing.has(d.key)) continue;
    const parentId = d.parent ? (existing.get(d.parent)?.rowId ?? null) : null;
    const row = await repo.save(repo.create({ key: d.key, nameDe: d.nameDe, nameEn: d.nameEn, parentId, sortOrder: i }));
    existing.set(d.key, row);
  }
}
