/**
 * Text candidates for overlap detection: MinHash signatures over a measure's word features (stems and synonym
 * tokens) and locality-sensitive hashing by banding. Two measures whose word sets have Jaccard similarity J land
 * in a common bucket of at least one of b bands of r rows with probability 1 − (1 − J^r)^b, so near-duplicates
 * meet without comparing all pairs.
 *
 * Memory stays flat: band hashes live in one Uint32Array (slots × bands) and each band's lookup structure is an
 * Int32Array of slots sorted by hash, plus a small overlay for slots added since the last rebuild.
 */

/** FNV-1a over the UTF-16 code units of a string: a stable 32-bit hash (independent of insertion order). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: a bijection on 32-bit integers with good avalanche. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** MinHash with `numHashes` independent permutations of the 32-bit space (x ↦ mix32(x ⊕ seedₖ)). */
export class MinHasher {
  private readonly seeds: Uint32Array;

  constructor(readonly numHashes: number, seed = 0x2545f491) {
    this.seeds = new Uint32Array(numHashes);
    let s = seed >>> 0;
    for (let k = 0; k < numHashes; k++) {
      s = mix32(s + 0x9e3779b9);
      this.seeds[k] = s;
    }
  }

  /** Writes the signature of a set of 32-bit feature hashes to `out[offset..]`; false for an empty set. */
  signature(features: ArrayLike<number>, out: Uint32Array, offset = 0): boolean {
    const k = this.numHashes;
    if (features.length === 0) return false;
    for (let i = 0; i < k; i++) out[offset + i] = 0xffffffff;
    for (let f = 0; f < features.length; f++) {
      const x = features[f] >>> 0;
      for (let i = 0; i < k; i++) {
        const h = mix32(x ^ this.seeds[i]);
        if (h < out[offset + i]) out[offset + i] = h;
      }
    }
    return true;
  }
}

/** Hashes `rows` consecutive signature values per band into one 31-bit value per band. */
export function bandHashes(signature: Uint32Array, bands: number, rows: number, out: Uint32Array, outOffset = 0): void {
  for (let b = 0; b < bands; b++) {
    let h = mix32(0x5bd1e995 + b);
    for (let r = 0; r < rows; r++) h = mix32((h ^ signature[b * rows + r]) + 0x9e3779b9);
    out[outOffset + b] = h >>> 1;
  }
}

/** Slots must stay below 2^22 so that (hash, slot) packs exactly into a double for sorting. */
export const MAX_LSH_SLOTS = 1 << 22;
const SLOT_SPAN = MAX_LSH_SLOTS;

/**
 * Buckets of all bands. Slots are small integers owned by the caller; a slot is either present (with band hashes)
 * or absent. Lookups see every present slot: those in the sorted arrays (filtered by `present`, since deletions
 * only clear the flag) and those in the overlay.
 */
export class LshIndex {
  private hashes: Uint32Array;
  private present: Uint8Array;
  private sorted: Int32Array[] = [];
  private overlay: Map<number, number[]>[] = [];
  private overlayCount = 0;
  private sortedStale = true;

  constructor(readonly bands: number, capacity = 1024) {
    this.hashes = new Uint32Array(Math.max(1, capacity) * bands);
    this.present = new Uint8Array(Math.max(1, capacity));
    for (let b = 0; b < bands; b++) this.overlay.push(new Map());
  }

  private ensure(slot: number): void {
    if (slot >= MAX_LSH_SLOTS) throw new RangeError(`LSH slot ${slot} exceeds ${MAX_LSH_SLOTS}`);
    if (slot < this.present.length) return;
    let cap = this.present.length;
    while (cap <= slot) cap *= 2;
    cap = Math.min(cap, MAX_LSH_SLOTS);
    const h = new Uint32Array(cap * this.bands);
    h.set(this.hashes);
    this.hashes = h;
    const p = new Uint8Array(cap);
    p.set(this.present);
    this.present = p;
  }

  /** Registers a slot with its band hashes (from {@link bandHashes}). A slot is set once; re-use needs delete. */
  set(slot: number, hashes: Uint32Array, offset = 0): void {
    this.ensure(slot);
    this.hashes.set(hashes.subarray(offset, offset + this.bands), slot * this.bands);
    this.present[slot] = 1;
    if (!this.sortedStale) {
      for (let b = 0; b < this.bands; b++) {
        const h = this.hashes[slot * this.bands + b];
        const list = this.overlay[b].get(h);
        if (list) list.push(slot);
        else this.overlay[b].set(h, [slot]);
      }
      this.overlayCount++;
      if (this.overlayCount > 4096 && this.overlayCount * 8 > this.sortedLength()) this.sortedStale = true;
    }
  }

  delete(slot: number): void {
    if (slot < this.present.length) this.present[slot] = 0;
  }

  has(slot: number): boolean {
    return slot < this.present.length && this.present[slot] === 1;
  }

  hashOf(slot: number, band: number): number {
    return this.hashes[slot * this.bands + band];
  }

  private sortedLength(): number {
    return this.sorted.length ? this.sorted[0].length : 0;
  }

  /** Sorts every band's present slots by hash and empties the overlay. */
  rebuild(slotCount: number): void {
    const slots: number[] = [];
    for (let s = 0; s < Math.min(slotCount, this.present.length); s++) if (this.present[s]) slots.push(s);
    const keys = new Float64Array(slots.length);
    this.sorted = [];
    for (let b = 0; b < this.bands; b++) {
      for (let i = 0; i < slots.length; i++) keys[i] = this.hashes[slots[i] * this.bands + b] * SLOT_SPAN + slots[i];
      keys.sort();
      const order = new Int32Array(slots.length);
      for (let i = 0; i < keys.length; i++) order[i] = keys[i] % SLOT_SPAN;
      this.sorted.push(order);
      this.overlay[b].clear();
    }
    this.overlayCount = 0;
    this.sortedStale = false;
  }

  /** Rebuilds only when the sorted arrays are missing or the overlay grew large. */
  ensureFresh(slotCount: number): void {
    if (this.sortedStale) this.rebuild(slotCount);
  }

  /** True when the overlay is empty, i.e. `forEachBucket` sees every present slot. */
  get settled(): boolean {
    return !this.sortedStale && this.overlayCount === 0;
  }

  private lowerBound(band: number, h: number): number {
    const order = this.sorted[band];
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.hashes[order[mid] * this.bands + band] < h) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Collects the present members of `slot`'s bucket in `band` (the slot itself included) into `out`, stopping
   * once more than `limit` are found; returns the count found (limit + 1 means "oversized").
   */
  bucketOf(slot: number, band: number, limit: number, out: number[]): number {
    this.ensureFresh(this.present.length);
    out.length = 0;
    const h = this.hashes[slot * this.bands + band];
    const order = this.sorted[band];
    for (let i = this.lowerBound(band, h); i < order.length; i++) {
      const s = order[i];
      if (this.hashes[s * this.bands + band] !== h) break;
      if (this.present[s]) {
        out.push(s);
        if (out.length > limit) return out.length;
      }
    }
    const extra = this.overlay[band].get(h);
    if (extra) {
      for (const s of extra) {
        if (this.present[s] && this.hashes[s * this.bands + band] === h && !out.includes(s)) {
          out.push(s);
          if (out.length > limit) return out.length;
        }
      }
    }
    return out.length;
  }

  /**
   * Calls `visit` with the present members of every bucket of `band` that holds 2..limit members; returns the
   * number of buckets skipped as oversized. Requires a settled index (call `rebuild` first).
   */
  forEachBucket(band: number, limit: number, visit: (members: Int32Array, size: number) => void): number {
    if (!this.settled) throw new Error("LshIndex.forEachBucket needs a rebuilt index");
    const order = this.sorted[band];
    const members = new Int32Array(limit + 1);
    let oversized = 0;
    let i = 0;
    while (i < order.length) {
      const h = this.hashes[order[i] * this.bands + band];
      let j = i;
      let size = 0;
      let tooBig = false;
      while (j < order.length && this.hashes[order[j] * this.bands + band] === h) {
        const s = order[j];
        if (this.present[s]) {
          if (size < limit) members[size] = s;
          size++;
          if (size > limit) tooBig = true;
        }
        j++;
      }
      if (tooBig) oversized++;
      else if (size >= 2) visit(members, size);
      i = j;
    }
    return oversized;
  }
}
