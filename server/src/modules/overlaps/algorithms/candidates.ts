/**
 * Candidate generation by blocking on the structured dimensions, without enumerating all pairs.
 *
 * Every overlap shares a field of action and a place. So measures are grouped into blocks: for each field, the
 * local measures of each municipality form one block, and the field's county-wide measures are compared with every
 * measure of that field. A pair that shares several fields or municipalities sits in several blocks; it is emitted
 * only from its first shared block (lowest field, then lowest municipality) that is small enough, so every pair is
 * produced once without a global "seen" set. Blocks that would produce more than `maxBlockPairs` pairs are left to
 * the text candidates (LSH) — in a county's data no block gets that large.
 *
 * {@link MeasureSlots} keeps the structured dimensions of every measure in typed arrays (fields, municipalities
 * and audience keys as sorted dense ids in pooled arrays), so the five structural checks of a candidate pair take
 * a few array reads; they implement exactly the rules of score.ts.
 */
import { audienceOf, coversCounty, parseIsoDay } from "./score";
import { OverlapMeasure, Taxonomy } from "./types";

const MIN_I32 = -2147483648;
const MAX_I32 = 2147483647;

/** Variable-length sorted integer lists per slot, stored in one growable pool. */
class PooledLists {
  start = new Int32Array(1024);
  length = new Int32Array(1024);
  pool = new Int32Array(4096);
  used = 0;

  set(slot: number, values: number[]): void {
    if (slot >= this.start.length) {
      const cap = Math.max(slot + 1, this.start.length * 2);
      const s = new Int32Array(cap);
      s.set(this.start);
      this.start = s;
      const l = new Int32Array(cap);
      l.set(this.length);
      this.length = l;
    }
    if (this.used + values.length > this.pool.length) {
      const p = new Int32Array(Math.max(this.used + values.length, this.pool.length * 2));
      p.set(this.pool);
      this.pool = p;
    }
    this.start[slot] = this.used;
    this.length[slot] = values.length;
    for (const v of values) this.pool[this.used++] = v;
  }

  toArray(slot: number): number[] {
    const out: number[] = [];
    for (let i = this.start[slot], e = i + this.length[slot]; i < e; i++) out.push(this.pool[i]);
    return out;
  }

  /** Whether two slots' sorted lists share a value. */
  intersects(a: number, b: number): boolean {
    const p = this.pool;
    let i = this.start[a];
    let j = this.start[b];
    const ie = i + this.length[a];
    const je = j + this.length[b];
    while (i < ie && j < je) {
      const x = p[i];
      const y = p[j];
      if (x === y) return true;
      if (x < y) i++;
      else j++;
    }
    return false;
  }
}

function denseIds<K>(keys: Iterable<K>, dictionary: Map<K, number>): number[] {
  const ids: number[] = [];
  for (const key of keys) {
    let id = dictionary.get(key);
    if (id === undefined) {
      id = dictionary.size;
      dictionary.set(key, id);
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids.length > 1 ? ids.sort((x, y) => x - y) : ids;
}

/**
 * Slots are append-only: a measure gets a new slot on every upsert and its old slot is marked dead, so the typed
 * arrays never need to move; the owner rebuilds everything when dead slots pile up.
 */
export class MeasureSlots {
  count = 0;
  alive = new Uint8Array(1024);
  providerId = new Int32Array(1024);
  doc = new Int32Array(1024);
  county = new Uint8Array(1024);
  ageLo = new Int32Array(1024);
  ageHi = new Int32Array(1024);
  startDay = new Int32Array(1024);
  endDay = new Int32Array(1024);
  statusAll = new Uint8Array(1024);
  demographicAll = new Uint8Array(1024);
  readonly fields = new PooledLists();
  readonly municipalities = new PooledLists();
  readonly status = new PooledLists();
  readonly demographic = new PooledLists();
  readonly measures: (OverlapMeasure | undefined)[] = [];

  private readonly fieldIds = new Map<string, number>();
  private readonly municipalityIds = new Map<number, number>();
  private readonly groupIds = new Map<string, number>();

  constructor(private readonly taxonomy: Taxonomy) {}

  get fieldCount(): number {
    return this.fieldIds.size;
  }

  private grow(): void {
    const cap = this.alive.length * 2;
    const g8 = (a: Uint8Array) => {
      const b = new Uint8Array(cap);
      b.set(a);
      return b;
    };
    const g32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.alive = g8(this.alive);
    this.county = g8(this.county);
    this.statusAll = g8(this.statusAll);
    this.demographicAll = g8(this.demographicAll);
    this.providerId = g32(this.providerId);
    this.doc = g32(this.doc);
    this.ageLo = g32(this.ageLo);
    this.ageHi = g32(this.ageHi);
    this.startDay = g32(this.startDay);
    this.endDay = g32(this.endDay);
  }

  add(m: OverlapMeasure, doc: number): number {
    const s = this.count++;
    if (s >= this.alive.length) this.grow();
    this.alive[s] = 1;
    this.providerId[s] = m.providerId;
    this.doc[s] = doc;
    this.county[s] = coversCounty(m) ? 1 : 0;
    this.ageLo[s] = m.ageMin ?? MIN_I32;
    this.ageHi[s] = m.ageMax ?? MAX_I32;
    this.startDay[s] = parseIsoDay(m.startDate) ?? MIN_I32;
    this.endDay[s] = parseIsoDay(m.endDate) ?? MAX_I32;
    const audience = audienceOf(m.targetGroupKeys, this.taxonomy);
    this.statusAll[s] = audience.statusAll ? 1 : 0;
    this.demographicAll[s] = audience.demographicAll ? 1 : 0;
    this.fields.set(s, denseIds(m.fieldKeys, this.fieldIds));
    this.municipalities.set(s, this.county[s] ? [] : denseIds(m.municipalityIds, this.municipalityIds));
    this.status.set(s, denseIds(audience.status, this.groupIds));
    this.demographic.set(s, denseIds(audience.demographic, this.groupIds));
    this.measures[s] = m;
    return s;
  }

  kill(s: number): void {
    this.alive[s] = 0;
    this.measures[s] = undefined;
  }

  /** The five structural dimensions all intersect (same rules as `compareStructure` in score.ts). */
  compatible(a: number, b: number): boolean {
    if (!this.fields.intersects(a, b)) return false;
    if (!(this.county[a] || this.county[b] || this.municipalities.intersects(a, b))) return false;
    return this.compatibleInBlock(a, b);
  }

  /**
   * The dimensions a shared block does not already settle: ages, period and audience (a block is one field in one
   * place, so two of its members always share a field and a municipality). The cheap integer checks come first.
   */
  compatibleInBlock(a: number, b: number): boolean {
    if (Math.max(this.ageLo[a], this.ageLo[b]) > Math.min(this.ageHi[a], this.ageHi[b])) return false;
    if (Math.max(this.startDay[a], this.startDay[b]) > Math.min(this.endDay[a], this.endDay[b])) return false;
    if (!(this.statusAll[a] || this.statusAll[b] || this.status.intersects(a, b))) return false;
    return !!(this.demographicAll[a] || this.demographicAll[b] || this.demographic.intersects(a, b));
  }
}

/** Block keys: ≥ 0 for (field, municipality), ≤ −2 for a field's county-wide block, −1 for "no block". */
const MUNICIPALITY_SPAN = 1 << 21;
const localKey = (field: number, municipality: number) => field * MUNICIPALITY_SPAN + municipality;
const countyKey = (field: number) => -(field + 2);
export const NO_BLOCK = -1;

export interface BlockStats {
  oversizedBlocks: number;
}

export class StructuralBlocks {
  /** Local blocks by key: member slots (dead ones until compacted) and the number of live members. */
  private readonly local = new Map<number, { members: number[]; alive: number }>();
  private countyByField: number[][] = [];
  private countyAlive: number[] = [];
  private allByField: number[][] = [];
  private allAlive: number[] = [];

  constructor(private readonly slots: MeasureSlots, readonly maxBlockPairs: number) {}

  private ensureField(f: number): void {
    while (this.allByField.length <= f) {
      this.allByField.push([]);
      this.allAlive.push(0);
      this.countyByField.push([]);
      this.countyAlive.push(0);
    }
  }

  add(s: number): void {
    const { fields, municipalities, county } = this.slots;
    for (let i = fields.start[s], ie = i + fields.length[s]; i < ie; i++) {
      const f = fields.pool[i];
      this.ensureField(f);
      this.allByField[f].push(s);
      this.allAlive[f]++;
      if (county[s]) {
        this.countyByField[f].push(s);
        this.countyAlive[f]++;
      } else {
        for (let j = municipalities.start[s], je = j + municipalities.length[s]; j < je; j++) {
          const key = localKey(f, municipalities.pool[j]);
          const block = this.local.get(key);
          if (block) {
            block.members.push(s);
            block.alive++;
          } else this.local.set(key, { members: [s], alive: 1 });
        }
      }
    }
  }

  /** Decrements the counts; the dead slot stays in the member lists until they are compacted on read. */
  remove(s: number): void {
    const { fields, municipalities, county } = this.slots;
    for (let i = fields.start[s], ie = i + fields.length[s]; i < ie; i++) {
      const f = fields.pool[i];
      this.allAlive[f]--;
      if (county[s]) this.countyAlive[f]--;
      else {
        for (let j = municipalities.start[s], je = j + municipalities.length[s]; j < je; j++) {
          const key = localKey(f, municipalities.pool[j]);
          const block = this.local.get(key);
          if (block) block.alive--;
        }
      }
    }
  }

  private localWithinCap(key: number): boolean {
    const n = this.local.get(key)?.alive ?? 0;
    return (n * (n - 1)) / 2 <= this.maxBlockPairs;
  }

  private countyWithinCap(f: number): boolean {
    return this.countyAlive[f] * this.allAlive[f] <= this.maxBlockPairs;
  }

  /** The block a structurally plausible pair is produced from, or {@link NO_BLOCK} (left to LSH or not a pair). */
  owner(a: number, b: number): number {
    const { fields, municipalities, county } = this.slots;
    const pf = fields.pool;
    let i = fields.start[a];
    let j = fields.start[b];
    const ie = i + fields.length[a];
    const je = j + fields.length[b];
    const countyPair = county[a] || county[b];
    while (i < ie && j < je) {
      const x = pf[i];
      const y = pf[j];
      if (x < y) i++;
      else if (x > y) j++;
      else {
        if (countyPair) {
          if (this.countyWithinCap(x)) return countyKey(x);
        } else {
          const pm = municipalities.pool;
          let k = municipalities.start[a];
          let l = municipalities.start[b];
          const ke = k + municipalities.length[a];
          const le = l + municipalities.length[b];
          while (k < ke && l < le) {
            const m = pm[k];
            const n = pm[l];
            if (m < n) k++;
            else if (m > n) l++;
            else {
              const key = localKey(x, m);
              if (this.localWithinCap(key)) return key;
              k++;
              l++;
            }
          }
        }
        i++;
        j++;
      }
    }
    return NO_BLOCK;
  }

  private aliveMembers(list: number[]): number[] {
    const alive = this.slots.alive;
    let w = 0;
    for (let r = 0; r < list.length; r++) if (alive[list[r]]) list[w++] = list[r];
    list.length = w;
    return list;
  }

  /** Every pair of every block within the cap, each pair once (as a < b). */
  forEachBlockPair(visit: (a: number, b: number) => void, stats: BlockStats): void {
    for (const [key, { members: list }] of this.local) {
      if (!this.localWithinCap(key)) {
        stats.oversizedBlocks++;
        continue;
      }
      const members = this.aliveMembers(list);
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const a = members[i];
          const b = members[j];
          if (this.owner(a, b) === key) visit(Math.min(a, b), Math.max(a, b));
        }
      }
    }
    const county = this.slots.county;
    for (let f = 0; f < this.countyByField.length; f++) {
      if (this.countyAlive[f] === 0) continue;
      if (!this.countyWithinCap(f)) {
        stats.oversizedBlocks++;
        continue;
      }
      const key = countyKey(f);
      const wide = this.aliveMembers(this.countyByField[f]);
      const all = this.aliveMembers(this.allByField[f]);
      for (const c of wide) {
        for (const b of all) {
          if (b === c || (county[b] && b < c)) continue;
          if (this.owner(c, b) === key) visit(Math.min(b, c), Math.max(b, c));
        }
      }
    }
  }

  /** Number of blocks too large to enumerate (their pairs are left to the text candidates). */
  countOversized(): number {
    let n = 0;
    for (const key of this.local.keys()) if (!this.localWithinCap(key)) n++;
    for (let f = 0; f < this.countyByField.length; f++) if (this.countyAlive[f] > 0 && !this.countyWithinCap(f)) n++;
    return n;
  }

  /**
   * Whether `s` sits in a block too large to enumerate; only then can a partner of `s` be missed by the blocks and
   * have to come from the text candidates (LSH).
   */
  inOversizedBlock(s: number): boolean {
    const { fields, municipalities, county } = this.slots;
    for (let i = fields.start[s], ie = i + fields.length[s]; i < ie; i++) {
      const f = fields.pool[i];
      if (this.countyAlive[f] > 0 && !this.countyWithinCap(f)) return true;
      if (county[s]) continue;
      for (let j = municipalities.start[s], je = j + municipalities.length[s]; j < je; j++) {
        if (!this.localWithinCap(localKey(f, municipalities.pool[j]))) return true;
      }
    }
    return false;
  }

  /**
   * Every slot sharing a within-cap block with `s` (possibly repeated, possibly `s` itself); with `after`, only
   * slots above it. Member lists are in slot order (slots are appended, compaction keeps the order), so the
   * slots above `after` are found by bisection.
   */
  forEachPartner(s: number, visit: (b: number) => void, after = -1): void {
    const { fields, municipalities, county, alive } = this.slots;
    // Member lists keep dead slots until more than half of a list is dead; then it is compacted on the way.
    const each = (list: number[], live: number) => {
      if (list.length > 16 && list.length > 2 * live) this.aliveMembers(list);
      let lo = 0;
      if (after >= 0) {
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (list[mid] <= after) lo = mid + 1;
          else hi = mid;
        }
      }
      for (let k = lo; k < list.length; k++) {
        const b = list[k];
        if (alive[b]) visit(b);
      }
    };
    for (let i = fields.start[s], ie = i + fields.length[s]; i < ie; i++) {
      const f = fields.pool[i];
      if (county[s]) {
        if (this.countyWithinCap(f)) each(this.allByField[f], this.allAlive[f]);
      } else {
        for (let j = municipalities.start[s], je = j + municipalities.length[s]; j < je; j++) {
          const key = localKey(f, municipalities.pool[j]);
          const block = this.local.get(key);
          if (block && (block.alive * (block.alive - 1)) / 2 <= this.maxBlockPairs) each(block.members, block.alive);
        }
        if (this.countyAlive[f] > 0 && this.countyWithinCap(f)) each(this.countyByField[f], this.countyAlive[f]);
      }
    }
  }
}
