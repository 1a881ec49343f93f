import { EntityManager, In, MoreThan } from "typeorm";
import { OverlapCluster } from "./algorithms/clusters";
import { materialChange } from "./algorithms/fingerprint";
import { OverlapFinding } from "./algorithms/types";
import { Overlap, OverlapKind, OverlapStatus } from "./overlap.entity";
import { yieldToEventLoop } from "../../common/yield";

export interface ReconcileSummary {
  opened: number;
  reopened: number;
  updated: number;
  noLongerDetected: number;
  resolved: number;
  removed: number;
}

const pairKey = (a: number, b: number) => `${Math.min(a, b)}:${Math.max(a, b)}`;

/**
 * A full recompute reconciles tens of thousands of rows on the server's event loop (SQLite answers synchronously),
 * so the work is cut into slices: rows are read `READ_CHUNK` at a time and the loops pause every `SLICE` items,
 * letting API requests through in between.
 */
const READ_CHUNK = 2000;
const SLICE = 500;

/** Every stored overlap, read in slices by ascending row id (with the given columns only, when named). */
async function allOverlaps(em: EntityManager, select?: (keyof Overlap)[]): Promise<Overlap[]> {
  const repo = em.getRepository(Overlap);
  const rows: Overlap[] = [];
  let after = 0;
  for (;;) {
    const chunk = await repo.find({
      where: { rowId: MoreThan(after) },
      order: { rowId: "ASC" },
      take: READ_CHUNK,
      ...(select ? { select: Object.fromEntries([["rowId", true], ...select.map((c) => [c, true])]) } : {}),
    });
    for (const row of chunk) rows.push(row);
    if (chunk.length < READ_CHUNK) return rows;
    after = chunk[chunk.length - 1].rowId;
    await yieldToEventLoop();
  }
}

export const NO_LONGER_OVERLAPPING = "Überschneidet sich nicht mehr (Angebot geändert oder archiviert)";

/**
 * Brings the stored overlaps in line with what the engine found. `scope` is the set of stored rows the findings
 * are complete for: every pair of one measure after an incremental re-check, or every pair after a full run.
 *  - a new pair is stored as OPEN;
 *  - a reviewed pair keeps its decision unless one of its measures changed materially (fingerprints): then it
 *    re-opens with the reason;
 *  - a pair no longer found is deleted while OPEN, marked as no longer detected otherwise, and a CONFIRMED
 *    duplicate that disappeared counts as RESOLVED.
 */
export async function reconcile(em: EntityManager, findings: readonly OverlapFinding[], scope: { measureId: number } | "all"): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = { opened: 0, reopened: 0, updated: 0, noLongerDetected: 0, resolved: 0, removed: 0 };
  const repo = em.getRepository(Overlap);
  const existing =
    scope === "all" ? await allOverlaps(em) : await repo.find({ where: [{ measureAId: scope.measureId }, { measureBId: scope.measureId }] });
  const byPair = new Map(existing.map((o) => [pairKey(o.measureAId, o.measureBId), o]));
  const seen = new Set<string>();
  const inserts: Partial<Overlap>[] = [];
  let done = 0;
  for (const f of findings) {
    if (++done % SLICE === 0) await yieldToEventLoop();
    const key = pairKey(f.aId, f.bId);
    seen.add(key);
    const computed = {
      kind: f.kind as OverlapKind,
      score: Math.round(f.score * 10000) / 10000,
      dimensions: f.dimensions,
      shared: f.shared,
      explanation: f.explanation,
      detected: true,
    };
    const row = byPair.get(key);
    if (!row) {
      inserts.push({ ...computed, measureAId: f.aId, measureBId: f.bId, status: OverlapStatus.OPEN, fingerprintA: f.fingerprintA, fingerprintB: f.fingerprintB, statusReason: null });
      continue;
    }
    const values: Partial<Overlap> = { ...computed };
    if (row.status === OverlapStatus.OPEN) {
      values.fingerprintA = f.fingerprintA;
      values.fingerprintB = f.fingerprintB;
    } else {
      const reasons = [materialChange(row.fingerprintA, f.fingerprintA), materialChange(row.fingerprintB, f.fingerprintB)].filter((r): r is string => r !== null);
      if (reasons.length) {
        Object.assign(values, { status: OverlapStatus.OPEN, statusReason: [...new Set(reasons)].join("; ").slice(0, 300), fingerprintA: f.fingerprintA, fingerprintB: f.fingerprintB });
        summary.reopened++;
      }
    }
    if (changed(row, values)) {
      await repo.update({ rowId: row.rowId }, { ...values, version: () => "version + 1" } as never);
      summary.updated++;
    }
  }
  for (let i = 0; i < inserts.length; i += 200) await repo.insert(inserts.slice(i, i + 200) as never);
  summary.opened = inserts.length;
  const gone = existing.filter((o) => !seen.has(pairKey(o.measureAId, o.measureBId)));
  const openGone = gone.filter((o) => o.status === OverlapStatus.OPEN).map((o) => o.rowId);
  for (let i = 0; i < openGone.length; i += 500) await repo.delete({ rowId: In(openGone.slice(i, i + 500)) });
  summary.removed = openGone.length;
  for (const o of gone.filter((x) => x.status !== OverlapStatus.OPEN && x.detected)) {
    const resolve = o.status === OverlapStatus.CONFIRMED;
    await repo.update(
      { rowId: o.rowId },
      { detected: false, ...(resolve ? { status: OverlapStatus.RESOLVED, statusReason: NO_LONGER_OVERLAPPING } : {}), version: () => "version + 1" } as never,
    );
    summary.noLongerDetected++;
    if (resolve) summary.resolved++;
  }
  return summary;
}

function changed(row: Overlap, values: Partial<Overlap>): boolean {
  return Object.entries(values).some(([k, v]) => JSON.stringify((row as unknown as Record<string, unknown>)[k]) !== JSON.stringify(v));
}

/** Stores the cluster each detected pair belongs to (groups of ≥ 3 mutually overlapping offerings). */
export async function storeClusters(em: EntityManager, clusters: readonly OverlapCluster[]): Promise<void> {
  const repo = em.getRepository(Overlap);
  const rows = await allOverlaps(em, ["measureAId", "measureBId", "clusterKey"]);
  const wanted = new Map<string, string>();
  for (const c of clusters) {
    const members = c.memberIds;
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) wanted.set(pairKey(members[i], members[j]), c.key);
  }
  let done = 0;
  for (const r of rows) {
    if (++done % SLICE === 0) await yieldToEventLoop();
    const key = wanted.get(pairKey(r.measureAId, r.measureBId)) ?? null;
    if (key !== r.clusterKey) await repo.update({ rowId: r.rowId }, { clusterKey: key });
  }
}

/** The stored, still-detected overlaps as findings, to compute clusters from. */
export async function detectedFindings(em: EntityManager): Promise<OverlapFinding[]> {
  const rows = await em.getRepository(Overlap).find({ where: { detected: true } });
  return rows
    .filter((r) => r.status !== OverlapStatus.DISMISSED)
    .map((r) => ({
      aId: r.measureAId,
      bId: r.measureBId,
      kind: r.kind,
      score: r.score,
      dimensions: r.dimensions,
      shared: r.shared,
      explanation: r.explanation,
      fingerprintA: r.fingerprintA,
      fingerprintB: r.fingerprintB,
    }));
}
