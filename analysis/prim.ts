/**
 * Scenario discovery by PRIM, the patient rule induction method (Friedman and Fisher 1999): from
 * the whole factor space, peel again and again the thin slice (a share alpha of the points in the
 * box) off one side of one factor that most raises the share of cases of interest left inside,
 * and report each box on the way with its coverage and density, as EMA Workbench's peeling
 * trajectory does (Bryant and Lempert 2010; Kwakkel 2017). No pasting and no covering (a second
 * box for the cases the first leaves out). docs/sweeps-analysis.md describes the method.
 */

export interface PrimOptions {
  /** Factor names, one per column of x. */
  readonly names: readonly string[];
  /** Share of the box's points each peel removes (default 0.05). */
  readonly alpha?: number;
  /** Peeling stops before a box would hold less than this share of all points (default 0.05). */
  readonly minSupport?: number;
  /** Density the chosen box must reach: the chosen box is the first on the trajectory that does. */
  readonly threshold?: number;
}

export interface PrimBox {
  /** [lo, hi] of each restricted factor (a point is inside when lo <= x <= hi for each); unrestricted factors are absent. */
  readonly limits: Readonly<Record<string, readonly [number, number]>>;
  /** The restricted factors, in column order. */
  readonly restricted: readonly string[];
  /** Share of all cases of interest that lie in the box (0 when there are none). */
  readonly coverage: number;
  /** Share of the box's points that are cases of interest. */
  readonly density: number;
  /** Share of all points that lie in the box. */
  readonly support: number;
  /** Points in the box, and cases of interest among them. */
  readonly count: number;
  readonly interesting: number;
  /** The peel that made this box from the one before (absent for the first, the whole space). */
  readonly peeled?: { readonly factor: string; readonly side: 'lo' | 'hi' };
}

export interface PrimResult {
  /** Box 0 is every point; each next one is the one before less one peel. */
  readonly trajectory: PrimBox[];
  /** Index in trajectory of the chosen box. */
  readonly chosen: number;
  /** Why that box: 'threshold' (the first reaching it), 'best density' (none reached it), or 'f1' (no threshold given). */
  readonly chosenBy: 'threshold' | 'best density' | 'f1';
}

interface Cut {
  readonly factor: number;
  readonly side: 'lo' | 'hi';
  readonly at: number;
  readonly count: number;
  readonly interesting: number;
}

/**
 * Where to cut the sorted in-box values `s` of one factor to peel about alpha of them off one
 * side: halfway between the value at the alpha-quantile's rank and the next distinct value (EMA
 * Workbench's get_quantile), so that ties never straddle the cut and at least one value goes.
 * Null when every value on that side is tied (nothing to peel).
 */
function cutPoint(s: Float64Array, alpha: number, side: 'lo' | 'hi'): number | null {
  const m = s.length;
  if (side === 'lo') {
    const i = Math.floor((m - 1) * alpha);
    let j = i + 1;
    while (j < m && s[j] === s[i]) j++;
    if (j >= m) return null;
    const mid = (s[i] + s[j]) / 2;
    return mid > s[i] ? mid : s[j]; // adjacent doubles: keep x >= s[j]
  }
  const i = Math.ceil((m - 1) * (1 - alpha));
  let j = i - 1;
  while (j >= 0 && s[j] === s[i]) j--;
  if (j < 0) return null;
  const mid = (s[j] + s[i]) / 2;
  return mid < s[i] ? mid : s[j];
}

/** PRIM's peeling trajectory over points x (rows) with the cases of interest y, and a chosen box. */
export function prim(x: readonly number[][], y: readonly boolean[], opts: PrimOptions): PrimResult {
  const alpha = opts.alpha ?? 0.05;
  const minSupport = opts.minSupport ?? 0.05;
  const names = opts.names;
  const n = x.length;
  const k = names.length;
  if (!(alpha > 0 && alpha < 0.5)) throw new RangeError(`prim: alpha must be in (0, 0.5), got ${alpha}`);
  if (!(minSupport > 0 && minSupport <= 1)) throw new RangeError(`prim: minSupport must be in (0, 1], got ${minSupport}`);
  if (opts.threshold !== undefined && !(opts.threshold >= 0 && opts.threshold <= 1)) throw new RangeError(`prim: threshold must be in [0, 1], got ${opts.threshold}`);
  if (y.length !== n) throw new RangeError(`prim: ${n} points but ${y.length} outcomes`);
  if (n === 0) throw new RangeError('prim: no points');
  x.forEach((row, i) => {
    if (row.length !== k) throw new RangeError(`prim: point ${i} has ${row.length} values for ${k} names`);
    if (row.some((v) => !Number.isFinite(v))) throw new RangeError(`prim: point ${i} has a value that is not a finite number`);
  });
  const totalInteresting = y.filter(Boolean).length;
  const lo = Array.from({ length: k }, (_, j) => x.reduce((m, r) => Math.min(m, r[j]), Infinity));
  const hi = Array.from({ length: k }, (_, j) => x.reduce((m, r) => Math.max(m, r[j]), -Infinity));
  const initial = { lo: [...lo], hi: [...hi] };
  // Each factor's points sorted once; a step filters them by membership instead of sorting again.
  const order = Array.from({ length: k }, (_, j) => Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a][j] - x[b][j]));
  const inside = new Uint8Array(n).fill(1);
  let count = n;
  let interesting = totalInteresting;

  const boxOf = (peeled?: { factor: string; side: 'lo' | 'hi' }): PrimBox => {
    const limits: Record<string, readonly [number, number]> = {};
    const restricted: string[] = [];
    for (let j = 0; j < k; j++) {
      if (lo[j] > initial.lo[j] || hi[j] < initial.hi[j]) {
        limits[names[j]] = [lo[j], hi[j]];
        restricted.push(names[j]);
      }
    }
    return {
      limits,
      restricted,
      coverage: totalInteresting > 0 ? interesting / totalInteresting : 0,
      density: interesting / count,
      support: count / n,
      count,
      interesting,
      ...(peeled ? { peeled } : {}),
    };
  };

  const trajectory: PrimBox[] = [boxOf()];
  // Peeling past density 1 only loses coverage.
  while (interesting < count) {
    let best: Cut | null = null;
    for (let j = 0; j < k; j++) {
      const idx = order[j].filter((i) => inside[i]);
      const s = Float64Array.from(idx, (i) => x[i][j]);
      for (const side of ['lo', 'hi'] as const) {
        const at = cutPoint(s, alpha, side);
        if (at === null) continue;
        let removed = 0;
        let removedInteresting = 0;
        // The peeled points are a run at one end of the sorted list.
        for (let t = 0; t < idx.length; t++) {
          const p = side === 'lo' ? idx[t] : idx[idx.length - 1 - t];
          if (side === 'lo' ? x[p][j] >= at : x[p][j] <= at) break;
          removed++;
          if (y[p]) removedInteresting++;
        }
        const c: Cut = { factor: j, side, at, count: count - removed, interesting: interesting - removedInteresting };
        if (c.count < minSupport * n) continue;
        // Highest mean left; then the most points left; then the first factor, lo before hi.
        if (!best || c.interesting * best.count > best.interesting * c.count || (c.interesting * best.count === best.interesting * c.count && c.count > best.count)) best = c;
      }
    }
    if (!best) break;
    const j = best.factor;
    if (best.side === 'lo') lo[j] = best.at;
    else hi[j] = best.at;
    for (let i = 0; i < n; i++) if (inside[i] && (x[i][j] < lo[j] || x[i][j] > hi[j])) inside[i] = 0;
    count = best.count;
    interesting = best.interesting;
    trajectory.push(boxOf({ factor: names[j], side: best.side }));
  }
  return { trajectory, ...choose(trajectory, opts.threshold) };
}

/**
 * The box to report. With a threshold: the first box that reaches it, i.e. the one with the most
 * coverage (coverage never rises along the trajectory); the last boxes fit the noise in the
 * labels. Without: the box with the best F1 score, the harmonic mean of coverage (recall) and
 * density (precision), which balances the two where the density alone would pick the smallest box.
 */
function choose(trajectory: readonly PrimBox[], threshold?: number): Pick<PrimResult, 'chosen' | 'chosenBy'> {
  const argmax = (score: (b: PrimBox) => number): number => {
    let best = 0;
    trajectory.forEach((b, i) => {
      if (score(b) > score(trajectory[best])) best = i;
    });
    return best;
  };
  if (threshold !== undefined) {
    const first = trajectory.findIndex((b) => b.density >= threshold);
    return first >= 0 ? { chosen: first, chosenBy: 'threshold' } : { chosen: argmax((b) => b.density), chosenBy: 'best density' };
  }
  const f1 = (b: PrimBox) => (b.coverage + b.density > 0 ? (2 * b.coverage * b.density) / (b.coverage + b.density) : 0);
  return { chosen: argmax(f1), chosenBy: 'f1' };
}
