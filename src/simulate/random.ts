// A small deterministic PRNG (sfc32 seeded through splitmix32): the same seed gives the same
// province on every machine. Not for secrets.

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const sm = splitmix32(seed);
    this.a = sm(); this.b = sm(); this.c = sm(); this.d = sm();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** uniform in [0, 1) */
  next(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  /** integer in [0, n) */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** index drawn with probability proportional to its weight */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** a child generator, independent of later draws of this one */
  fork(label: number): Rng {
    return new Rng((this.nextUint32() ^ Math.imul(label + 1, 0x27d4eb2d)) >>> 0);
  }

  /**
   * A child generator seeded from the current state without drawing from this one: a stream
   * added to a scenario later (the ratings) leaves every figure drawn from this one unchanged.
   */
  branch(label: number): Rng {
    return new Rng((this.a ^ Math.imul(this.b, 3) ^ Math.imul(this.c, 5) ^ Math.imul(this.d, 7) ^ Math.imul(label + 1, 0x27d4eb2d)) >>> 0);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }
}

/** Picks a weighted entry from a table `[value, weight][]`. */
export function pickWeighted<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  const entry = table[rng.weighted(table.map(([, w]) => w))];
  if (!entry) throw new RangeError('empty table');
  return entry[0];
}

/**
 * Exact shares over a stream: after every block the number of "yes" answers is the share times
 * the count so far, rounded, at random positions inside the block. Keeps the simulated shares
 * within one dossier of the target at any scale, which independent coin flips would not
 * (with 351,000 draws a 12.46% share has a standard deviation of 0.056 points).
 */
export class Quota {
  private seen = 0;
  private yes = 0;
  private block: boolean[] = [];

  /** `total`: how many answers will be asked, so that the last block is exact too */
  constructor(private readonly share: number, private readonly rng: Rng, private readonly total: number, private readonly blockSize = 500) {}

  next(): boolean {
    if (this.block.length === 0) {
      const size = Math.max(1, Math.min(this.blockSize, this.total - this.seen));
      const target = Math.round(this.share * (this.seen + size));
      const k = Math.max(0, Math.min(size, target - this.yes));
      const block = Array.from({ length: size }, (_, i) => i < k);
      this.block = this.rng.shuffle(block);
      this.yes += k;
    }
    this.seen++;
    return this.block.pop() ?? false;
  }
}
