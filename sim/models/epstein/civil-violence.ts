/**
 * Epstein (2002), "Modeling civil violence", Model I: citizens and cops on a torus.
 * The facts, rule by rule: docs/sources/epstein-2002-reference.md. The defaults (and the `mesa`
 * preset) follow Mesa 3.3's example `epstein_civil_violence` exactly, rule for rule; the
 * switches arrestRounding / neighbourhood / jailTerm / movement give NetLogo's and the paper's
 * variants.
 *
 *   Citizen: hardship H ~ U(0,1), risk aversion R ~ U(0,1), both fixed; quiet, active or jailed.
 *   Grievance G = H (1 - L).  Arrest probability P = 1 - exp(-k round(C / A)), C the cops and A
 *   the active citizens in vision, the citizen counting itself (A = actives + 1).
 *   Active iff G - R P > T.  Cop: arrests one random active citizen in vision for a uniform
 *   jail term.  Movement: a jump to a uniformly chosen empty cell in vision.
 *   Scheduling: every agent (citizens, cops, jailed citizens) acts once per tick in a freshly
 *   shuffled order, asynchronously (each sees the changes of those who acted before it).
 *
 * Choices and the one deviation from Mesa (each also commented where it is made):
 *   - Grievance is computed from the legitimacy in force at each tick (Mesa fixes it when the
 *     citizen is created), so that scheduled legitimacy changes act; no effect at fixed L.
 *   - Random numbers come from named streams (sim/engine/streams.ts), not from Mesa's single generator, so
 *     runs match Mesa in distribution, not draw for draw. Per-agent draws (moves, arrests, jail
 *     terms) are pre-filled per tick with one slot per agent, so twin runs share them.
 *   - A scheduled change of copDensity withdraws or adds cops (Epstein's cop-reduction
 *     experiment); Mesa has no such change.
 *
 * Layout (house style for a hot kernel: flat typed arrays, no allocation inside a tick):
 *   cells are numbered y * width + x; `code[cell]` is what a neighbour sees there (EMPTY, COP,
 *   QUIET, ACTIVE, JAILED) and `occupant[cell]` the agent id. Agent ids: citizens 0..nCitizens-1
 *   (fixed in Model I), cops cells + slot (slot 0..copHigh-1; a withdrawn cop's slot is empty).
 */
import type { GridView, KernelEvent, KernelParams, ModelKernel, SeriesDef } from '../../engine/kernel';
import { ParamError } from '../../engine/validate';
import { exp } from '../../engine/portable-math';
import type { Streams, Uniform } from '../../engine/streams';
import { buildVisionTable, visionBase, type NeighbourhoodShape, type VisionTable } from './grid';
import { CIVIL_PARAMS, CIVIL_PRESETS, type JailTermMode, type RoundingMode } from './params';

// ---- cell codes (what an agent sees on a cell) ------------------------------------------------
// Each code is also what the cell adds to the packed counts of a vision scan: cops in bits 0-9,
// active citizens in bits 10-19, empty cells in bits 20-29 (a vision has fewer than 1,024
// cells); quiet citizens add nothing and jailed ones only bit 30, which the scan masks off.
export const COP = 1;
export const ACTIVE = 1 << 10;
export const EMPTY = 1 << 20;
export const QUIET = 0;
export const JAILED = 1 << 30;
const FIELD = 1023;

/** Stream names: every draw of Model I comes from one of these (set-up at tick -1). */
export const CIVIL_STREAM = {
  setup: 'epstein/setup',
  order: 'epstein/order',
  move: 'epstein/move',
  copMove: 'epstein/cop-move',
  arrest: 'epstein/arrest',
  jailTerm: 'epstein/jail-term',
  copAdjust: 'epstein/cop-adjust',
} as const;

// ---- shared rule functions (also used by Model II and the tests) ------------------------------

/** Python's round() of a float: halves go to the even neighbour (0.5 -> 0, 1.5 -> 2, 2.5 -> 2). */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d < 0.5) return f;
  if (d > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

export const ROUND_HALF_EVEN = 0;
export const ROUND_FLOOR = 1;
export const ROUND_NONE = 2;

export function roundingCode(mode: RoundingMode): number {
  return mode === 'half-even' ? ROUND_HALF_EVEN : mode === 'floor' ? ROUND_FLOOR : ROUND_NONE;
}

/**
 * The ratio C / A as it enters P, for integers C >= 0, A >= 1: Python round (Mesa), floor
 * (NetLogo) or unrounded (the paper's text). Integer arithmetic, exact: for small integers the
 * float C / A is a half exactly when 2 (C mod A) = A.
 */
export function roundedRatio(c: number, a: number, mode: number): number {
  if (mode === ROUND_NONE) return c / a;
  const q = Math.floor(c / a);
  if (mode === ROUND_FLOOR) return q;
  const twice = 2 * (c - q * a);
  if (twice > a) return q + 1;
  if (twice < a) return q;
  return q % 2 === 0 ? q : q + 1;
}

/**
 * Jail term from one uniform u in [0, 1): "inclusive" is Mesa's randint(0, Jmax) (0..Jmax, both
 * ends), "exclusive" is NetLogo's `random Jmax` (0..Jmax-1; 0 when Jmax is 0).
 */
export function drawJailTerm(u: number, jmax: number, inclusive: boolean): number {
  if (inclusive) return Math.floor(u * (jmax + 1));
  return jmax > 0 ? Math.floor(u * jmax) : 0;
}

/** Fisher-Yates shuffle of list[0..n) in place, as Python's random.shuffle (i from n-1 down to 1). */
export function shuffle(list: Int32Array, n: number, u: Uniform): void {
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    const t = list[i];
    list[i] = list[j];
    list[j] = t;
  }
}

/** Outbursts: maximal runs of ticks with more than `threshold` actives. */
export interface OutburstStats {
  readonly outbursts: number;
  readonly outburstTicks: number;
  readonly meanOutburstLength: number | null;
  /** Quiet ticks between consecutive outbursts (from the tick after one ends to the next start). */
  readonly meanWait: number | null;
  readonly sdWait: number | null;
  /** Ticks from one outburst's start to the next one's start. */
  readonly meanInterval: number | null;
}

export function outburstStats(active: ArrayLike<number>, threshold: number, ticks = active.length): OutburstStats {
  const starts: number[] = [];
  const ends: number[] = [];
  let inside = false;
  let outburstTicks = 0;
  for (let t = 0; t < ticks; t++) {
    const on = active[t] > threshold;
    if (on) outburstTicks++;
    if (on && !inside) starts.push(t);
    if (!on && inside) ends.push(t);
    inside = on;
  }
  if (inside) ends.push(ticks);
  const waits: number[] = [];
  const intervals: number[] = [];
  for (let k = 1; k < starts.length; k++) {
    waits.push(starts[k] - ends[k - 1]);
    intervals.push(starts[k] - starts[k - 1]);
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
  const m = mean(waits);
  const sd = m === null || waits.length < 2 ? null : Math.sqrt(waits.reduce((s, x) => s + (x - m) * (x - m), 0) / (waits.length - 1));
  return {
    outbursts: starts.length,
    outburstTicks,
    meanOutburstLength: starts.length ? outburstTicks / starts.length : null,
    meanWait: m,
    sdWait: sd,
    meanInterval: mean(intervals),
  };
}

// ---- the world --------------------------------------------------------------------------------

export interface CivilWorld extends CopGrid {
  readonly width: number;
  readonly height: number;
  readonly cells: number;
  /** Per cell: EMPTY, COP, QUIET, ACTIVE or JAILED. The one record of a citizen's condition. */
  readonly code: Int32Array;
  /** Per cell: the agent id there, or -1. */
  readonly occupant: Int32Array;
  /** Per agent id (citizens 0..cells-1, cops cells..2 cells-1): its cell, or -1 if absent. */
  readonly cellOf: Int32Array;
  readonly nCitizens: number;
  readonly hardship: Float64Array;
  readonly riskAversion: Float64Array;
  /** Jail ticks left (citizens). */
  readonly term: Int32Array;
  /** Cop slots in use: cops are cells + slot for slot < copHigh (some slots may be empty). */
  copHigh: number;
  nCops: number;
  readonly citizenVision: VisionTable;
  readonly copVision: VisionTable;
  /** Scratch: the empty cells and the active citizens' cells seen in one scan. */
  readonly empties: Int32Array;
  readonly actives: Int32Array;
  /** This tick's acting order (agent ids). */
  readonly order: Int32Array;
  /** Per-tick draws, one slot per agent: citizens' moves; cops' moves, arrest picks, jail terms. */
  readonly uMove: Float64Array;
  uCopMove: Float64Array;
  uArrest: Float64Array;
  uJail: Float64Array;
  /** 1 - exp(-k r) for integer r, for the k it was built with. */
  readonly pTable: Float64Array;
  pTableK: number;
  // The parameters in force this tick, copied out of the record once per tick.
  legitimacy: number;
  oneMinusL: number;
  threshold: number;
  k: number;
  rounding: number;
  maxJail: number;
  inclusiveJail: boolean;
  movement: boolean;
  copDensityInForce: number;
  arrestsToday: number;
  totalArrests: number;
  readonly events: KernelEvent[];
}

/** Largest neighbourhood (MAX_VISION 15, Moore) plus one slot for the scan's spare write. */
const MAX_SCAN = 1024;

/**
 * Set-up, as Mesa: cells row by row; each cell gets a citizen, a cop or nothing by cumulative
 * weights citizenDensity / citizenDensity + copDensity / 1 (Python random.choices); a citizen
 * then draws hardship, then risk aversion. One agent per cell.
 */
function createCivil(p: KernelParams, streams: Streams): CivilWorld {
  const width = p.width as number;
  const height = p.height as number;
  const d = p.citizenDensity as number;
  const c = p.copDensity as number;
  if (d + c > 1) throw new ParamError('params.copDensity', c, `at most 1 - citizenDensity (${1 - d}): cop density + citizen density must be at most 1`);
  const cells = width * height;
  const code = new Int32Array(cells).fill(EMPTY);
  const occupant = new Int32Array(cells).fill(-1);
  const cellOf = new Int32Array(2 * cells).fill(-1);
  const hardship = new Float64Array(cells);
  const riskAversion = new Float64Array(cells);
  const u = streams.at(CIVIL_STREAM.setup, -1);
  let nCitizens = 0;
  let nCops = 0;
  const dc = d + c;
  for (let cell = 0; cell < cells; cell++) {
    const x = u();
    if (x < d) {
      const a = nCitizens++;
      hardship[a] = u();
      riskAversion[a] = u();
      code[cell] = QUIET;
      occupant[cell] = a;
      cellOf[a] = cell;
    } else if (x < dc) {
      const id = cells + nCops++;
      code[cell] = COP;
      occupant[cell] = id;
      cellOf[id] = cell;
    }
  }
  const shape = p.neighbourhood as NeighbourhoodShape;
  const citizenVision = buildVisionTable(width, height, shape, p.vision as number);
  // One table serves both when the radii agree (Mesa's default): less set-up and memory.
  const copVision = p.copVision === p.vision ? citizenVision : buildVisionTable(width, height, shape, p.copVision as number);
  const w: CivilWorld = {
    width, height, cells, code, occupant, cellOf, nCitizens,
    hardship: hardship.subarray(0, nCitizens),
    riskAversion: riskAversion.subarray(0, nCitizens),
    term: new Int32Array(nCitizens),
    copHigh: nCops, nCops,
    citizenVision, copVision,
    empties: new Int32Array(MAX_SCAN + 1),
    actives: new Int32Array(MAX_SCAN + 1),
    order: new Int32Array(2 * cells),
    uMove: new Float64Array(nCitizens),
    uCopMove: new Float64Array(nCops), uArrest: new Float64Array(nCops), uJail: new Float64Array(nCops),
    pTable: new Float64Array(MAX_SCAN + 1), pTableK: NaN,
    legitimacy: NaN, oneMinusL: NaN, threshold: NaN, k: NaN, rounding: 0, maxJail: 0, inclusiveJail: true, movement: true,
    copDensityInForce: c, arrestsToday: 0, totalArrests: 0, events: [],
  };
  return w;
}

// ---- the rules --------------------------------------------------------------------------------

/**
 * Look around (Mesa update_neighbors): one pass over the vision counts the cops and the active
 * citizens and lists the empty cells into `empties`, in vision order. Each cell's code is added to
 * a packed count (see the cell codes; `| 0` lets the jailed bit wrap harmlessly), and every cell
 * is first written at the slot of the next empty cell, so only empty cells stay (the spare write
 * past the last one is harmless: the array has one slot more than a vision). Unrolled by four:
 * the scan is most of a tick's time, and V8 does not unroll.
 */
function scanVision(nb: Int32Array, base: number, size: number, code: Int32Array, empties: Int32Array): number {
  let packed = 0;
  let j = base;
  const end = base + size;
  for (; j + 3 < end; j += 4) {
    const n0 = nb[j], n1 = nb[j + 1], n2 = nb[j + 2], n3 = nb[j + 3];
    const c0 = code[n0], c1 = code[n1], c2 = code[n2], c3 = code[n3];
    empties[(packed >>> 20) & FIELD] = n0;
    packed = (packed + c0) | 0;
    empties[(packed >>> 20) & FIELD] = n1;
    packed = (packed + c1) | 0;
    empties[(packed >>> 20) & FIELD] = n2;
    packed = (packed + c2) | 0;
    empties[(packed >>> 20) & FIELD] = n3;
    packed = (packed + c3) | 0;
  }
  for (; j < end; j++) {
    const n = nb[j];
    empties[(packed >>> 20) & FIELD] = n;
    packed = (packed + code[n]) | 0;
  }
  return packed;
}

/** The same scan for a cop, which also lists the active citizens' cells into `actives`. */
function scanVisionCop(nb: Int32Array, base: number, size: number, code: Int32Array, empties: Int32Array, actives: Int32Array): number {
  let packed = 0;
  for (let j = base, end = base + size; j < end; j++) {
    const n = nb[j];
    empties[(packed >>> 20) & FIELD] = n;
    actives[(packed >>> 10) & FIELD] = n;
    packed = (packed + code[n]) | 0;
  }
  return packed;
}

/** P = 1 - exp(-k * rounding(C / A)) with A counting the citizen itself (Mesa: actives_in_vision = 1 + ...). */
function arrestProbability(w: CivilWorld, cops: number, actives: number): number {
  if (w.rounding === ROUND_NONE) return 1 - exp(-w.k * (cops / actives));
  return w.pTable[roundedRatio(cops, actives, w.rounding)];
}

/** Move (Mesa EpsteinAgent.move): if any cell in vision is empty, jump to one chosen uniformly. */
function move(w: CivilWorld, id: number, from: number, nEmpty: number, u: number): void {
  if (nEmpty === 0) return;
  const to = w.empties[Math.floor(u * nEmpty)];
  const code = w.code;
  code[to] = code[from];
  code[from] = EMPTY;
  w.occupant[to] = id;
  w.occupant[from] = -1;
  w.cellOf[id] = to;
}

/**
 * Citizen (Mesa Citizen.step): a jailed citizen only counts its sentence down and stays on its
 * cell (it blocks movement); a citizen whose sentence is 0 acts again. Otherwise count cops C
 * and actives A in vision, P = 1 - exp(-k round(C / (A + 1))), active iff H (1 - L) - R P > T;
 * then move.
 */
function citizenTurn(w: CivilWorld, a: number): void {
  const term = w.term;
  if (term[a] > 0) {
    term[a]--;
    return;
  }
  const cell = w.cellOf[a];
  const vt = w.citizenVision;
  const packed = scanVision(vt.data, visionBase(vt, cell), vt.size, w.code, w.empties);
  const p = arrestProbability(w, packed & FIELD, ((packed >>> 10) & FIELD) + 1);
  // Deviation: G from the legitimacy in force now (Mesa computes it once, at creation).
  const grievance = w.hardship[a] * w.oneMinusL;
  w.code[cell] = grievance - w.riskAversion[a] * p > w.threshold ? ACTIVE : QUIET;
  if (w.movement) move(w, a, cell, (packed >>> 20) & FIELD, w.uMove[a]);
}

/**
 * Cop (Mesa Cop.step): pick one active citizen in vision uniformly and jail it (it stays on its
 * cell; the cop does not step onto it) for a term drawn by the jailTerm switch; then move.
 */
function copTurn(w: CivilWorld, slot: number): void {
  const id = w.cells + slot;
  const cell = w.cellOf[id];
  const vt = w.copVision;
  const packed = scanVisionCop(vt.data, visionBase(vt, cell), vt.size, w.code, w.empties, w.actives);
  const nActive = (packed >>> 10) & FIELD;
  if (nActive > 0) {
    const target = w.actives[Math.floor(w.uArrest[slot] * nActive)];
    w.code[target] = JAILED;
    w.term[w.occupant[target]] = drawJailTerm(w.uJail[slot], w.maxJail, w.inclusiveJail);
    w.arrestsToday++;
  }
  if (w.movement) move(w, id, cell, (packed >>> 20) & FIELD, w.uCopMove[slot]);
}

// ---- cops withdrawn or added by a scheduled copDensity change ---------------------------------

/** What placing and withdrawing cops needs of a world (Model I's and Model II's). */
export interface CopGrid {
  readonly cells: number;
  readonly code: Int32Array;
  readonly occupant: Int32Array;
  readonly cellOf: Int32Array;
  copHigh: number;
  nCops: number;
  uCopMove: Float64Array;
  uArrest: Float64Array;
  uJail: Float64Array;
}

/**
 * Bring the number of cops to `target`: withdraw cops chosen uniformly (partial Fisher-Yates over
 * the cops in slot order) or place new cops on empty cells chosen uniformly (over the empty cells
 * in cell order), as many as there are empty cells. New cops take the lowest free slots (cop ids
 * are cells + slot). `emptyCode` and `copCode` are the model's cell codes. Returns the cops added
 * (negative: withdrawn). Outside the tick loop: it may allocate.
 */
export function setCopCount(w: CopGrid, target: number, u: Uniform, emptyCode: number, copCode: number): number {
  const before = w.nCops;
  if (target < w.nCops) {
    const live: number[] = [];
    for (let s = 0; s < w.copHigh; s++) if (w.cellOf[w.cells + s] >= 0) live.push(s);
    const remove = w.nCops - target;
    for (let i = 0; i < remove; i++) {
      const j = i + Math.floor(u() * (live.length - i));
      [live[i], live[j]] = [live[j], live[i]];
      const id = w.cells + live[i];
      const cell = w.cellOf[id];
      w.code[cell] = emptyCode;
      w.occupant[cell] = -1;
      w.cellOf[id] = -1;
      w.nCops--;
    }
  } else if (target > w.nCops) {
    const empty: number[] = [];
    for (let c = 0; c < w.cells; c++) if (w.code[c] === emptyCode) empty.push(c);
    const add = Math.min(target - w.nCops, empty.length);
    let slot = 0;
    for (let i = 0; i < add; i++) {
      const j = i + Math.floor(u() * (empty.length - i));
      [empty[i], empty[j]] = [empty[j], empty[i]];
      while (slot < w.copHigh && w.cellOf[w.cells + slot] >= 0) slot++;
      if (slot === w.copHigh) w.copHigh++;
      const id = w.cells + slot;
      w.code[empty[i]] = copCode;
      w.occupant[empty[i]] = id;
      w.cellOf[id] = empty[i];
      w.nCops++;
    }
    if (w.uCopMove.length !== w.copHigh) {
      w.uCopMove = new Float64Array(w.copHigh);
      w.uArrest = new Float64Array(w.copHigh);
      w.uJail = new Float64Array(w.copHigh);
    }
  }
  return w.nCops - before;
}

/**
 * A scheduled copDensity change (Epstein's cop-reduction experiment; not in Mesa): the number of
 * cops becomes round(copDensity x cells). Draws: stream epstein/cop-adjust at this tick.
 */
function adjustCops(w: CivilWorld, density: number, streams: Streams, tick: number): void {
  const target = Math.round(density * w.cells);
  const before = w.nCops;
  setCopCount(w, target, streams.at(CIVIL_STREAM.copAdjust, tick), EMPTY, COP);
  w.copDensityInForce = density;
  w.events.push({ tick, actor: 'model', action: 'cops', detail: `copDensity=${density}: ${before} -> ${w.nCops} cops (target ${target})` });
}

// ---- one tick ---------------------------------------------------------------------------------

/** Copy the parameters in force out of the record (no dictionary look-ups inside the tick). */
function readParams(w: CivilWorld, p: KernelParams): void {
  w.legitimacy = p.legitimacy as number;
  w.oneMinusL = 1 - w.legitimacy;
  w.threshold = p.threshold as number;
  w.rounding = roundingCode(p.arrestRounding as RoundingMode);
  w.maxJail = p.maxJail as number;
  w.inclusiveJail = (p.jailTerm as JailTermMode) === 'inclusive';
  w.movement = p.movement as boolean;
  const k = p.arrestConstant as number;
  w.k = k;
  if (k !== w.pTableK) {
    for (let r = 0; r < w.pTable.length; r++) w.pTable[r] = 1 - exp(-k * r);
    w.pTableK = k;
  }
}

/** Every agent once, in an order shuffled afresh from id order (Mesa: agents.shuffle_do("step")). */
function buildOrder(w: CivilWorld, streams: Streams, tick: number): number {
  const order = w.order;
  let n = 0;
  for (let a = 0; a < w.nCitizens; a++) order[n++] = a;
  for (let s = 0; s < w.copHigh; s++) if (w.cellOf[w.cells + s] >= 0) order[n++] = w.cells + s;
  shuffle(order, n, streams.at(CIVIL_STREAM.order, tick));
  return n;
}

export const CIVIL_SERIES: readonly SeriesDef[] = [
  { name: 'quiet', unit: 'citizens', description: 'Citizens quiet (free and not active) at the end of the tick.' },
  { name: 'active', unit: 'citizens', description: 'Citizens active (openly rebelling) at the end of the tick.' },
  { name: 'jailed', unit: 'citizens', description: 'Citizens jailed (Mesa\'s ARRESTED: includes those whose term has run out but who have not acted since).' },
  { name: 'cops', unit: 'cops', description: 'Cops on the grid.' },
  { name: 'legitimacy', unit: 'index', description: 'Legitimacy L in force this tick.' },
  { name: 'meanGrievance', unit: 'index', description: 'Mean grievance H (1 - L) over all citizens.' },
  { name: 'deceptive', unit: 'citizens', description: 'Quiet free citizens whose grievance exceeds T: active were no cop in sight (Epstein\'s "deceptive" citizens).' },
  { name: 'arrests', unit: 'arrests/tick', description: 'Arrests made this tick.' },
  { name: 'outburst', unit: '0/1', description: '1 while actives exceed outburstThreshold.' },
];

function stepCivil(w: CivilWorld, p: KernelParams, tick: number, streams: Streams, out: Float64Array): void {
  if ((p.copDensity as number) !== w.copDensityInForce) adjustCops(w, p.copDensity as number, streams, tick);
  readParams(w, p);
  const n = buildOrder(w, streams, tick);
  streams.fill(CIVIL_STREAM.move, tick, w.uMove);
  streams.fill(CIVIL_STREAM.copMove, tick, w.uCopMove);
  streams.fill(CIVIL_STREAM.arrest, tick, w.uArrest);
  streams.fill(CIVIL_STREAM.jailTerm, tick, w.uJail);
  w.arrestsToday = 0;
  const order = w.order;
  const cells = w.cells;
  for (let i = 0; i < n; i++) {
    const id = order[i];
    if (id < cells) citizenTurn(w, id);
    else copTurn(w, id - cells);
  }
  w.totalArrests += w.arrestsToday;
  recordCivil(w, p, out);
}

/** End-of-tick counts (Mesa _update_counts) and the other observables. */
function recordCivil(w: CivilWorld, p: KernelParams, out: Float64Array): void {
  let quiet = 0;
  let active = 0;
  let jailed = 0;
  let deceptive = 0;
  let hardshipSum = 0;
  const { code, cellOf, hardship, oneMinusL, threshold } = w;
  for (let a = 0; a < w.nCitizens; a++) {
    const c = code[cellOf[a]];
    const g = hardship[a] * oneMinusL;
    hardshipSum += hardship[a];
    if (c === ACTIVE) active++;
    else if (c === JAILED) jailed++;
    else {
      quiet++;
      if (g > threshold) deceptive++;
    }
  }
  out[0] = quiet;
  out[1] = active;
  out[2] = jailed;
  out[3] = w.nCops;
  out[4] = w.legitimacy;
  out[5] = w.nCitizens ? (hardshipSum * oneMinusL) / w.nCitizens : 0;
  out[6] = deceptive;
  out[7] = w.arrestsToday;
  out[8] = active > (p.outburstThreshold as number) ? 1 : 0;
}

export interface CivilSummary extends OutburstStats {
  readonly citizens: number;
  readonly outburstThreshold: number;
  readonly peakActive: number;
  /** First tick (0-based) at which the peak was reached; null for an empty run. */
  readonly peakActiveTick: number | null;
  readonly totalArrests: number;
  readonly final: { readonly quiet: number; readonly active: number; readonly jailed: number; readonly cops: number };
}

function summariseCivil(w: CivilWorld, series: Readonly<Record<string, Float64Array>>, ticks: number, p: KernelParams): CivilSummary {
  const active = series.active;
  const threshold = p.outburstThreshold as number;
  let peak = 0;
  let peakTick: number | null = null;
  for (let t = 0; t < ticks; t++) {
    if (peakTick === null || active[t] > peak) {
      peak = active[t];
      peakTick = t;
    }
  }
  const last = ticks - 1;
  return {
    citizens: w.nCitizens,
    outburstThreshold: threshold,
    peakActive: peak,
    peakActiveTick: peakTick,
    ...outburstStats(active, threshold, ticks),
    totalArrests: w.totalArrests,
    final: ticks > 0
      ? { quiet: series.quiet[last], active: active[last], jailed: series.jailed[last], cops: series.cops[last] }
      : { quiet: w.nCitizens, active: 0, jailed: 0, cops: w.nCops },
  };
}

export const civilViolence: ModelKernel<CivilWorld, CivilSummary> = {
  id: 'epstein-civil-violence',
  version: 'epstein-2002-I/1',
  title: 'Epstein (2002) civil violence, Model I: citizens, cops and a regime',
  params: CIVIL_PARAMS,
  presets: CIVIL_PRESETS,
  series: CIVIL_SERIES,
  defaultTicks: 200,
  create: createCivil,
  step: stepCivil,
  summarise: summariseCivil,
  events: (w) => w.events,
  agentCount: (w) => w.nCitizens + w.nCops,
  view: civilGridView,
};

const CIVIL_CATEGORIES = [
  { key: 'empty', label: 'empty cell' },
  { key: 'cop', label: 'cop' },
  { key: 'quiet', label: 'citizen, quiet' },
  { key: 'active', label: 'citizen, active (rebelling)' },
  { key: 'jailed', label: 'citizen, jailed' },
] as const;

/** The grid by cell code (COP, QUIET, ACTIVE, JAILED, EMPTY), for a front end to draw. */
function civilGridView(w: CivilWorld): GridView {
  const cells = new Uint8Array(w.cells);
  for (let i = 0; i < w.cells; i++) {
    const c = w.code[i];
    cells[i] = c === EMPTY ? 0 : c === COP ? 1 : c === ACTIVE ? 3 : c === JAILED ? 4 : 2;
  }
  return { kind: 'grid', width: w.width, height: w.height, categories: CIVIL_CATEGORIES, cells };
}
