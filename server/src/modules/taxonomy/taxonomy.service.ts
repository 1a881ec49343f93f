import { Context } from "../../app/context";
import { FieldErrors } from "../../common/errors";
import { localId } from "../../common/global-id";
import { FieldOfAction, Municipality, TargetGroup } from "./taxonomy.entity";

type Tree = { rowId: number; parentId: number | null };

function descendantsOf(rows: Map<number, Tree>, ids: number[]): Set<number> {
  const out = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const row of rows.values()) {
      if (row.parentId !== null && out.has(row.parentId) && !out.has(row.rowId)) {
        out.add(row.rowId);
        grew = true;
      }
    }
  }
  return out;
}

function ancestorsOf(rows: Map<number, Tree>, ids: number[]): Set<number> {
  const out = new Set<number>();
  for (const id of ids) {
    let parent = rows.get(id)?.parentId ?? null;
    while (parent !== null && !out.has(parent)) {
      out.add(parent);
      parent = rows.get(parent)?.parentId ?? null;
    }
  }
  return out;
}

/** A filter on a field of action also finds measures filed under its sub-fields (LANGUAGE finds integration courses). */
export async function expandFieldFilter(ctx: Context, ids: number[]): Promise<number[]> {
  return [...descendantsOf(await ctx.loaders.fields(), ids)];
}

/**
 * A filter on a target group finds offerings for that group, for its sub-groups, and for the groups that contain
 * it: asking for asylum seekers also finds offerings "for all migrants" (DESIGN.md: ALL_MIGRANTS includes every
 * status group).
 */
export async function expandTargetGroupFilter(ctx: Context, ids: number[]): Promise<number[]> {
  const rows = await ctx.loaders.targetGroups();
  return [...new Set([...descendantsOf(rows, ids), ...ancestorsOf(rows, ids)])];
}

/** Decodes filter ids of one type; an id of another type simply matches nothing. */
export function filterIds(globalIds: readonly string[] | null | undefined, type: "FieldOfAction" | "TargetGroup" | "Municipality" | "Actor" | "Network" | "Measure"): number[] | null {
  if (!globalIds) return null;
  return globalIds.map((g) => localId(g, type) ?? -1);
}

export async function listFields(ctx: Context): Promise<FieldOfAction[]> {
  return sortTree([...(await ctx.loaders.fields()).values()]);
}

export async function listTargetGroups(ctx: Context): Promise<TargetGroup[]> {
  return sortTree([...(await ctx.loaders.targetGroups()).values()]);
}

export async function listMunicipalities(ctx: Context): Promise<Municipality[]> {
  return [...(await ctx.loaders.municipalities()).values()].sort((a, b) => a.name.localeCompare(b.name, "de"));
}

function sortTree<T extends Tree & { sortOrder: number }>(rows: T[]): T[] {
  return rows.sort((a, b) => a.sortOrder - b.sortOrder || a.rowId - b.rowId);
}

/** Checks taxonomy references of an input against the (per-request cached) tables. */
export async function checkTaxonomyRefs(
  ctx: Context,
  kind: "fields" | "targetGroups" | "municipalities",
  globalIds: readonly string[],
  path: string,
  errors: FieldErrors,
): Promise<number[]> {
  const type = kind === "fields" ? "FieldOfAction" : kind === "targetGroups" ? "TargetGroup" : "Municipality";
  const rows = await ctx.loaders[kind]();
  const ids: number[] = [];
  globalIds.forEach((gid, i) => {
    const id = localId(gid, type);
    if (id === null || !rows.has(id)) errors.addMissing(`${path}.${i}`, `unknown ${type}`);
    else ids.push(id);
  });
  return [...new Set(ids)];
}
