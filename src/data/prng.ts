/** 32-bit FNV-1a; stable across platforms and versions, used to derive seeds. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A small, fast, seeded generator (sfc32). Each column gets its own stream derived
 * from (seed, table, column), so adding a column never changes another's values.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | undefined;

  constructor(seed: number | string) {
    const s = typeof seed === 'number' ? seed >>> 0 : fnv1a(seed);
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = s;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal (Marsaglia's polar method, caching the second value). */
  normal(): number {
    const spare = this.spareNormal;
    if (spare !== undefined) {
      this.spareNormal = undefined;
      return spare;
    }
    let u: number;
    let v: number;
    let q: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      q = u * u + v * v;
    } while (q >= 1 || q === 0);
    const f = Math.sqrt((-2 * Math.log(q)) / q);
    this.spareNormal = v * f;
    return u * f;
  }

  poisson(lambda: number): number {
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > l);
    return k - 1;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }
}

/**
 * Weighted picks in O(1) with Walker's alias method: one uniform draw chooses a slot and,
 * by its fractional part, either the slot or its alias.
 */
export class WeightedPicker {
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;
  private readonly n: number;
  constructor(weights: readonly number[]) {
    const n = weights.length;
    this.n = n;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    let sum = 0;
    for (const w of weights) sum += Math.max(0, w);
    const scaled = new Float64Array(n);
    for (let i = 0; i < n; i++) scaled[i] = sum > 0 ? (Math.max(0, weights[i] ?? 0) * n) / sum : 1;
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) ((scaled[i] ?? 0) < 1 ? small : large).push(i);
    while (small.length > 0 && large.length > 0) {
      const s = small.pop() as number;
      const l = large.pop() as number;
      this.prob[s] = scaled[s] ?? 0;
      this.alias[s] = l;
      scaled[l] = (scaled[l] ?? 0) + (scaled[s] ?? 0) - 1;
      ((scaled[l] ?? 0) < 1 ? small : large).push(l);
    }
    for (const i of large) this.prob[i] = 1;
    for (const i of small) this.prob[i] = 1;
  }

  /** An index in [0, weights.length). */
  pick(rng: Rng): number {
    return this.at(rng.next());
  }

  /** The index a uniform u in [0, 1) falls on. */
  at(u: number): number {
    const x = u * this.n;
    const i = x | 0;
    return x - i < (this.prob[i] as number) ? i : (this.alias[i] as number);
  }
}

/**
 * Uniforms for rows 0, 1, 2, … drawn in order, stratified by block: within each block of up to
 * `block` consecutive rows, every row gets its own stratum [k/B, (k+1)/B) in a random order, and a
 * uniform position inside it. Each value is still uniform on [0, 1); what changes is that a block's
 * values cover the interval evenly, so a weighted pick over a few choices lands on each in
 * proportion to its weight (within about one row per choice) instead of with binomial noise. A
 * claim like "the largest district has the most staff" then holds on 80 rows as it does on 80,000.
 */
export class StratifiedUniforms {
  private readonly perm: Int32Array;
  private blockStart = -1;
  private size = 0;
  constructor(
    private readonly rng: Rng,
    private readonly total: number,
    private readonly block = 4096,
  ) {
    this.perm = new Int32Array(Math.max(1, Math.min(block, total)));
  }

  /** The uniform for `row`; rows must be asked for in increasing order (each once). */
  at(row: number): number {
    const start = row - (row % this.block);
    if (start !== this.blockStart) {
      this.blockStart = start;
      this.size = Math.max(1, Math.min(this.block, this.total - start));
      const perm = this.perm;
      for (let k = 0; k < this.size; k++) perm[k] = k;
      for (let k = this.size - 1; k > 0; k--) {
        const j = this.rng.int(k + 1);
        const t = perm[k] as number;
        perm[k] = perm[j] as number;
        perm[j] = t;
      }
    }
    return ((this.perm[row - start] as number) + this.rng.next()) / this.size;
  }
}
