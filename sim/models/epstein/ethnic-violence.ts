/**
 * Epstein (2002), "Modeling civil violence", Model II: violence between two ethnic groups, with
 * peacekeepers. Facts: docs/sources/epstein-2002-reference.md, section "Model II".
 *
 *   Each citizen belongs to group A or B (probability groupShare for A, 1/2 by default) and has
 *   hardship H and risk aversion R ~ U(0,1). L is the legitimacy an agent grants the OTHER group;
 *   grievance G = H (1 - L). Arrest probability P = 1 - exp(-k round(C / A)) as in Model I.
 *   Active iff G - R P > T, and going active means killing one random agent of the other group
 *   within vision. Peacekeepers (cops) arrest actives of either group evenhandedly, for a term
 *   drawn as in Model I. Each tick a citizen clones itself onto an empty neighbouring site with
 *   probability `reproduction`; citizens die at an age drawn from U(0, maxAge). Peacekeepers
 *   arrive at copArrivalTick (the paper: t = 50) on random empty cells.
 *   Scheduling as Model I (Mesa): every agent once per tick in a freshly shuffled order,
 *   asynchronously; one agent per cell; a jailed citizen stays on (and blocks) its cell.
 *
 * Choices the paper leaves open (each also commented where it is made):
 *   1. A in C / A counts the actives of BOTH groups in vision plus the citizen itself: the
 *      peacekeepers arrest either group, so every active dilutes the risk.
 *   2. Victims: free (not jailed) citizens of the other group in vision; jail protects, and
 *      peacekeepers are never attacked. An active with no victim in sight kills nobody (it is
 *      still active and can be arrested). The cell the victim leaves is not among the killer's
 *      move targets this turn (it moves to a cell that was empty when it looked).
 *   3. Turn order of a citizen: age (and perhaps die), then serve jail, then look, decide, kill,
 *      move, reproduce. Jailed citizens age and can die in jail, but do not reproduce.
 *   4. "Neighbouring site" for a birth: the 8 Moore neighbours of the parent's cell after it has
 *      moved, whatever the vision; the child's cell is uniform among the empty ones; no empty
 *      neighbour, no birth. The child inherits group, hardship and risk aversion, draws its own
 *      death age, starts quiet at age 0, and first acts next tick.
 *   5. Initial citizens start at age 0 with a death age from U(0, maxAge) (a continuous draw;
 *      a citizen dies on the turn its age reaches it).
 *   6. Peacekeepers: round(copDensity x cells) placed on uniformly chosen empty cells at the
 *      start of copArrivalTick; a later scheduled copDensity change withdraws or adds them. They
 *      never die.
 *   7. Elimination: the first tick at whose end a group has no members (jailed members count).
 */
import type { KernelEvent, KernelParams, ModelKernel, SeriesDef } from '../../engine/kernel';
import { exp } from '../../engine/portable-math';
import type { Streams } from '../../engine/streams';
import {
  drawJailTerm,
  roundedRatio,
  roundingCode,
  setCopCount,
  shuffle,
  type CopGrid,
} from './civil-violence';
import { buildVisionTable, visionBase, type NeighbourhoodShape, type VisionTable } from './grid';
import { ETHNIC_PARAMS, ETHNIC_PRESETS, type JailTermMode, type RoundingMode } from './params';

// ---- cell codes: citizen codes are 2 + 3 x group + condition ----------------------------------
export const EMPTY = 0;
export const COP = 1;
export const GROUP_A = 0;
export const GROUP_B = 1;
const QUIET_OFF = 0;
const ACTIVE_OFF = 1;
const JAILED_OFF = 2;
/** The code of a citizen of `group` (0 A, 1 B) in a condition (0 quiet, 1 active, 2 jailed). */
export function citizenCode(group: number, condition: number): number {
  return 2 + 3 * group + condition;
}
const QUIET_A = 2;
const ACTIVE_A = 3;
const JAILED_A = 4;
const QUIET_B = 5;
const ACTIVE_B = 6;
const JAILED_B = 7;

export const ETHNIC_STREAM = {
  setup: 'epstein/setup',
  order: 'epstein/order',
  move: 'epstein/move',
  kill: 'epstein/kill',
  birth: 'epstein/birth',
  birthSite: 'epstein/birth-site',
  lifespan: 'epstein/lifespan',
  copMove: 'epstein/cop-move',
  arrest: 'epstein/arrest',
  jailTerm: 'epstein/jail-term',
  peacekeepers: 'epstein/peacekeepers',
} as const;

export interface EthnicWorld extends CopGrid {
  readonly width: number;
  readonly height: number;
  readonly cells: number;
  /** Per cell: EMPTY, COP or a citizen code. */
  readonly code: Int32Array;
  readonly occupant: Int32Array;
  /** Per agent id (citizens 0..cells-1, cops cells..2 cells-1): its cell, or -1 if absent. */
  readonly cellOf: Int32Array;
  readonly group: Uint8Array;
  readonly hardship: Float64Array;
  readonly riskAversion: Float64Array;
  readonly term: Int32Array;
  readonly age: Int32Array;
  readonly lifespan: Float64Array;
  /** Tick of birth (-1 for the initial citizens): a child does not act in its birth tick. */
  readonly born: Int32Array;
  /** Free citizen ids (a stack: the last freed is reused first). */
  readonly freeIds: Int32Array;
  nFree: number;
  nCitizens: number;
  readonly vision: VisionTable;
  readonly copVision: VisionTable;
  readonly birthSites: VisionTable;
  readonly empties: Int32Array;
  readonly victims: Int32Array;
  readonly actives: Int32Array;
  readonly order: Int32Array;
  /** Scratch: cells per code at the end of a tick. */
  readonly tally: Int32Array;
  /** Per-tick draws, one slot per citizen id. */
  readonly uMove: Float64Array;
  readonly uKill: Float64Array;
  readonly uBirth: Float64Array;
  readonly uSite: Float64Array;
  readonly uLife: Float64Array;
  // The parameters in force this tick.
  oneMinusL: number;
  threshold: number;
  k: number;
  rounding: number;
  maxJail: number;
  inclusiveJail: boolean;
  movement: boolean;
  reproduction: number;
  maxAge: number;
  /** The cop count last set (0 before the peacekeepers arrive). */
  copTarget: number;
  // Today's tallies and the run's totals.
  killsA: number;
  killsB: number;
  births: number;
  deathsByAge: number;
  arrests: number;
  totalKillsA: number;
  totalKillsB: number;
  totalBirths: number;
  totalDeathsByAge: number;
  totalArrests: number;
  firstKillTick: number | null;
  eliminationTick: number | null;
  survivor: 'A' | 'B' | 'neither' | null;
  readonly events: KernelEvent[];
}

/**
 * Set-up, as Model I (Mesa): cells row by row, a citizen with probability citizenDensity; a
 * citizen draws its group, hardship, risk aversion and death age, in that order. No cops yet.
 */
function createEthnic(p: KernelParams, streams: Streams): EthnicWorld {
  const width = p.width as number;
  const height = p.height as number;
  const cells = width * height;
  const density = p.citizenDensity as number;
  const share = p.groupShare as number;
  const maxAge = p.maxAge as number;
  const shape = p.neighbourhood as NeighbourhoodShape;
  const vision = buildVisionTable(width, height, shape, p.vision as number);
  const copVision = p.copVision === p.vision ? vision : buildVisionTable(width, height, shape, p.copVision as number);
  const w: EthnicWorld = {
    width, height, cells,
    code: new Int32Array(cells), occupant: new Int32Array(cells).fill(-1), cellOf: new Int32Array(2 * cells).fill(-1),
    group: new Uint8Array(cells), hardship: new Float64Array(cells), riskAversion: new Float64Array(cells),
    term: new Int32Array(cells), age: new Int32Array(cells), lifespan: new Float64Array(cells), born: new Int32Array(cells).fill(-1),
    freeIds: new Int32Array(cells), nFree: 0, nCitizens: 0,
    copHigh: 0, nCops: 0,
    vision, copVision,
    birthSites: buildVisionTable(width, height, 'moore', 1),
    empties: new Int32Array(1024), victims: new Int32Array(1024), actives: new Int32Array(1024),
    order: new Int32Array(2 * cells), tally: new Int32Array(8),
    uMove: new Float64Array(cells), uKill: new Float64Array(cells), uBirth: new Float64Array(cells),
    uSite: new Float64Array(cells), uLife: new Float64Array(cells),
    uCopMove: new Float64Array(0), uArrest: new Float64Array(0), uJail: new Float64Array(0),
    oneMinusL: NaN, threshold: NaN, k: NaN, rounding: 0, maxJail: 0, inclusiveJail: true, movement: true,
    reproduction: NaN, maxAge: NaN, copTarget: 0,
    killsA: 0, killsB: 0, births: 0, deathsByAge: 0, arrests: 0,
    totalKillsA: 0, totalKillsB: 0, totalBirths: 0, totalDeathsByAge: 0, totalArrests: 0,
    firstKillTick: null, eliminationTick: null, survivor: null, events: [],
  };
  const u = streams.at(ETHNIC_STREAM.setup, -1);
  for (let cell = 0; cell < cells; cell++) {
    if (u() >= density) continue;
    const a = w.nCitizens++;
    w.group[a] = u() < share ? GROUP_A : GROUP_B;
    w.hardship[a] = u();
    w.riskAversion[a] = u();
    w.lifespan[a] = u() * maxAge; // choice 5: initial citizens start at age 0
    w.code[cell] = citizenCode(w.group[a], QUIET_OFF);
    w.occupant[cell] = a;
    w.cellOf[a] = cell;
  }
  // Free ids, lowest on top of the stack.
  for (let id = cells - 1; id >= w.nCitizens; id--) w.freeIds[w.nFree++] = id;
  return w;
}

// ---- the rules --------------------------------------------------------------------------------

/** Remove citizen `a` (killed or dead of age): its cell empties and its id is freed. */
function removeCitizen(w: EthnicWorld, a: number): void {
  const cell = w.cellOf[a];
  w.code[cell] = EMPTY;
  w.occupant[cell] = -1;
  w.cellOf[a] = -1;
  w.freeIds[w.nFree++] = a;
  w.nCitizens--;
}

/** Move (as Model I): if any cell in vision was empty when the agent looked, jump to one uniformly. */
function move(w: EthnicWorld, id: number, from: number, nEmpty: number, u: number): number {
  if (nEmpty === 0) return from;
  const to = w.empties[Math.floor(u * nEmpty)];
  w.code[to] = w.code[from];
  w.code[from] = EMPTY;
  w.occupant[to] = id;
  w.occupant[from] = -1;
  w.cellOf[id] = to;
  return to;
}

/** P = 1 - exp(-k rounding(C / A)), A = actives of both groups in vision + 1 (choice 1). */
function arrestProbability(w: EthnicWorld, cops: number, actives: number): number {
  return 1 - exp(-w.k * roundedRatio(cops, actives, w.rounding));
}

/**
 * Reproduction (Epstein: clone onto an empty neighbouring site with probability 0.05; choice 4):
 * the child takes an empty Moore neighbour of the parent's cell, inherits group, hardship and
 * risk aversion, and draws its own death age.
 */
function reproduce(w: EthnicWorld, parent: number, cell: number, tick: number): void {
  const bt = w.birthSites;
  const base = visionBase(bt, cell);
  let n = 0;
  for (let j = base; j < base + bt.size; j++) if (w.code[bt.data[j]] === EMPTY) w.empties[n++] = bt.data[j];
  if (n === 0) return;
  const site = w.empties[Math.floor(w.uSite[parent] * n)];
  const child = w.freeIds[--w.nFree];
  w.group[child] = w.group[parent];
  w.hardship[child] = w.hardship[parent];
  w.riskAversion[child] = w.riskAversion[parent];
  w.lifespan[child] = w.uLife[parent] * w.maxAge;
  w.age[child] = 0;
  w.term[child] = 0;
  w.born[child] = tick;
  w.code[site] = citizenCode(w.group[child], QUIET_OFF);
  w.occupant[site] = child;
  w.cellOf[child] = site;
  w.nCitizens++;
  w.births++;
}

/**
 * Citizen turn (choice 3 for the order): age, and die on reaching the death age; a jailed citizen
 * counts its term down and stays; otherwise count cops, actives (both groups) and free members of
 * the other group in vision; active iff H (1 - L) - R P > T; an active kills one random visible
 * member of the other group; then move; then perhaps reproduce.
 */
function citizenTurn(w: EthnicWorld, a: number, tick: number): void {
  // Death by age (Epstein: die at an age drawn from U(0, maxAge)); jailed citizens age too.
  if (++w.age[a] >= w.lifespan[a]) {
    removeCitizen(w, a);
    w.deathsByAge++;
    return;
  }
  // Jail, as Model I: count down and stay on the cell; with the term at 0 the citizen acts.
  if (w.term[a] > 0) {
    w.term[a]--;
    return;
  }
  const cell = w.cellOf[a];
  const g = w.group[a];
  const code = w.code;
  const vt = w.vision;
  const base = visionBase(vt, cell);
  // Look: the other group's free members are victims (choice 2: jail protects).
  const victimQuiet = g === GROUP_A ? QUIET_B : QUIET_A;
  const victimActive = g === GROUP_A ? ACTIVE_B : ACTIVE_A;
  let cops = 0;
  let actives = 0;
  let nEmpty = 0;
  let nVictims = 0;
  for (let j = base; j < base + vt.size; j++) {
    const n = vt.data[j];
    const c = code[n];
    if (c === EMPTY) w.empties[nEmpty++] = n;
    else if (c === COP) cops++;
    else {
      if (c === ACTIVE_A || c === ACTIVE_B) actives++;
      if (c === victimQuiet || c === victimActive) w.victims[nVictims++] = n;
    }
  }
  // Decide (Model I's rule; L is the legitimacy granted the other group).
  const p = arrestProbability(w, cops, actives + 1);
  const active = w.hardship[a] * w.oneMinusL - w.riskAversion[a] * p > w.threshold;
  code[cell] = citizenCode(g, active ? ACTIVE_OFF : QUIET_OFF);
  // Kill: going active means killing one random agent of the other group within vision.
  if (active && nVictims > 0) {
    const victim = w.occupant[w.victims[Math.floor(w.uKill[a] * nVictims)]];
    removeCitizen(w, victim);
    if (g === GROUP_A) w.killsA++;
    else w.killsB++;
  }
  const at = w.movement ? move(w, a, cell, nEmpty, w.uMove[a]) : cell;
  if (w.uBirth[a] < w.reproduction) reproduce(w, a, at, tick);
}

/** Peacekeeper turn: arrest one random active citizen of either group in vision (evenhanded); then move. */
function copTurn(w: EthnicWorld, slot: number): void {
  const id = w.cells + slot;
  const cell = w.cellOf[id];
  const vt = w.copVision;
  const base = visionBase(vt, cell);
  const code = w.code;
  let nEmpty = 0;
  let nActive = 0;
  for (let j = base; j < base + vt.size; j++) {
    const n = vt.data[j];
    const c = code[n];
    if (c === EMPTY) w.empties[nEmpty++] = n;
    else if (c === ACTIVE_A || c === ACTIVE_B) w.actives[nActive++] = n;
  }
  if (nActive > 0) {
    const target = w.actives[Math.floor(w.uArrest[slot] * nActive)];
    const prisoner = w.occupant[target];
    code[target] = citizenCode(w.group[prisoner], JAILED_OFF);
    w.term[prisoner] = drawJailTerm(w.uJail[slot], w.maxJail, w.inclusiveJail);
    w.arrests++;
  }
  if (w.movement) move(w, id, cell, nEmpty, w.uCopMove[slot]);
}

/** Peacekeepers arrive at copArrivalTick, and follow later copDensity changes (choice 6). */
function placePeacekeepers(w: EthnicWorld, p: KernelParams, streams: Streams, tick: number): void {
  const target = tick >= (p.copArrivalTick as number) ? Math.round((p.copDensity as number) * w.cells) : 0;
  if (target === w.copTarget) return;
  const before = w.nCops;
  setCopCount(w, target, streams.at(ETHNIC_STREAM.peacekeepers, tick), EMPTY, COP);
  w.copTarget = target;
  w.events.push({ tick, actor: 'model', action: 'peacekeepers', detail: `${before} -> ${w.nCops} peacekeepers (target ${target})` });
}

function readParams(w: EthnicWorld, p: KernelParams): void {
  w.oneMinusL = 1 - (p.legitimacy as number);
  w.threshold = p.threshold as number;
  w.k = p.arrestConstant as number;
  w.rounding = roundingCode(p.arrestRounding as RoundingMode);
  w.maxJail = p.maxJail as number;
  w.inclusiveJail = (p.jailTerm as JailTermMode) === 'inclusive';
  w.movement = p.movement as boolean;
  w.reproduction = p.reproduction as number;
  w.maxAge = p.maxAge as number;
}

export const ETHNIC_SERIES: readonly SeriesDef[] = [
  { name: 'groupA', unit: 'citizens', description: 'Members of group A alive (jailed included) at the end of the tick.' },
  { name: 'groupB', unit: 'citizens', description: 'Members of group B alive (jailed included).' },
  { name: 'activeA', unit: 'citizens', description: 'Members of group A active at the end of the tick.' },
  { name: 'activeB', unit: 'citizens', description: 'Members of group B active.' },
  { name: 'jailed', unit: 'citizens', description: 'Citizens of either group in jail.' },
  { name: 'killedToday', unit: 'citizens/tick', description: 'Citizens killed this tick (by either group).' },
  { name: 'killsByA', unit: 'citizens/tick', description: 'Members of group B killed by group A this tick.' },
  { name: 'killsByB', unit: 'citizens/tick', description: 'Members of group A killed by group B this tick.' },
  { name: 'births', unit: 'citizens/tick', description: 'Children born this tick.' },
  { name: 'deathsByAge', unit: 'citizens/tick', description: 'Citizens who died of age this tick.' },
  { name: 'arrests', unit: 'arrests/tick', description: 'Arrests by peacekeepers this tick.' },
  { name: 'cops', unit: 'peacekeepers', description: 'Peacekeepers on the grid.' },
];

function stepEthnic(w: EthnicWorld, p: KernelParams, tick: number, streams: Streams, out: Float64Array): void {
  placePeacekeepers(w, p, streams, tick);
  readParams(w, p);
  // Every agent once, in an order shuffled afresh from id order.
  const order = w.order;
  const cells = w.cells;
  let n = 0;
  for (let a = 0; a < cells; a++) if (w.cellOf[a] >= 0) order[n++] = a;
  for (let s = 0; s < w.copHigh; s++) if (w.cellOf[cells + s] >= 0) order[n++] = cells + s;
  shuffle(order, n, streams.at(ETHNIC_STREAM.order, tick));
  streams.fill(ETHNIC_STREAM.move, tick, w.uMove);
  streams.fill(ETHNIC_STREAM.kill, tick, w.uKill);
  streams.fill(ETHNIC_STREAM.birth, tick, w.uBirth);
  streams.fill(ETHNIC_STREAM.birthSite, tick, w.uSite);
  streams.fill(ETHNIC_STREAM.lifespan, tick, w.uLife);
  streams.fill(ETHNIC_STREAM.copMove, tick, w.uCopMove);
  streams.fill(ETHNIC_STREAM.arrest, tick, w.uArrest);
  streams.fill(ETHNIC_STREAM.jailTerm, tick, w.uJail);
  w.killsA = w.killsB = w.births = w.deathsByAge = w.arrests = 0;
  for (let i = 0; i < n; i++) {
    const id = order[i];
    if (id >= cells) copTurn(w, id - cells);
    // Skip the dead (killed earlier this tick) and children born this tick in a freed id.
    else if (w.cellOf[id] >= 0 && w.born[id] !== tick) citizenTurn(w, id, tick);
  }
  w.totalKillsA += w.killsA;
  w.totalKillsB += w.killsB;
  w.totalBirths += w.births;
  w.totalDeathsByAge += w.deathsByAge;
  w.totalArrests += w.arrests;
  if (w.firstKillTick === null && w.killsA + w.killsB > 0) w.firstKillTick = tick;
  recordEthnic(w, tick, out);
}

function recordEthnic(w: EthnicWorld, tick: number, out: Float64Array): void {
  const tally = w.tally;
  tally.fill(0);
  for (let c = 0; c < w.cells; c++) tally[w.code[c]]++;
  const a = tally[QUIET_A] + tally[ACTIVE_A] + tally[JAILED_A];
  const b = tally[QUIET_B] + tally[ACTIVE_B] + tally[JAILED_B];
  out[0] = a;
  out[1] = b;
  out[2] = tally[ACTIVE_A];
  out[3] = tally[ACTIVE_B];
  out[4] = tally[JAILED_A] + tally[JAILED_B];
  out[5] = w.killsA + w.killsB;
  out[6] = w.killsA;
  out[7] = w.killsB;
  out[8] = w.births;
  out[9] = w.deathsByAge;
  out[10] = w.arrests;
  out[11] = w.nCops;
  // Elimination (choice 7): the first tick at whose end a group has no members.
  if (w.eliminationTick === null && (a === 0 || b === 0)) {
    w.eliminationTick = tick;
    w.survivor = a > 0 ? 'A' : b > 0 ? 'B' : 'neither';
    w.events.push({ tick, actor: 'model', action: 'eliminated', detail: a === 0 && b === 0 ? 'both groups' : `group ${a === 0 ? 'A' : 'B'}` });
  }
}

export interface EthnicSummary {
  /** First tick (0-based) at whose end a group had no members; null if both survived. */
  readonly eliminationTick: number | null;
  /** The group left when the other was eliminated ('neither' if both went at once); null if neither was eliminated. */
  readonly survivor: 'A' | 'B' | 'neither' | null;
  readonly killsByA: number;
  readonly killsByB: number;
  readonly firstKillTick: number | null;
  readonly births: number;
  readonly deathsByAge: number;
  readonly arrests: number;
  readonly peakActive: number;
  readonly final: { readonly groupA: number; readonly groupB: number; readonly jailed: number; readonly cops: number };
}

function summariseEthnic(w: EthnicWorld, series: Readonly<Record<string, Float64Array>>, ticks: number): EthnicSummary {
  let peak = 0;
  for (let t = 0; t < ticks; t++) peak = Math.max(peak, series.activeA[t] + series.activeB[t]);
  const t = w.tally;
  t.fill(0);
  for (let c = 0; c < w.cells; c++) t[w.code[c]]++;
  return {
    eliminationTick: w.eliminationTick,
    survivor: w.survivor,
    killsByA: w.totalKillsA,
    killsByB: w.totalKillsB,
    firstKillTick: w.firstKillTick,
    births: w.totalBirths,
    deathsByAge: w.totalDeathsByAge,
    arrests: w.totalArrests,
    peakActive: peak,
    final: {
      groupA: t[QUIET_A] + t[ACTIVE_A] + t[JAILED_A],
      groupB: t[QUIET_B] + t[ACTIVE_B] + t[JAILED_B],
      jailed: t[JAILED_A] + t[JAILED_B],
      cops: w.nCops,
    },
  };
}

export const ethnicViolence: ModelKernel<EthnicWorld, EthnicSummary> = {
  id: 'epstein-ethnic-violence',
  version: 'epstein-2002-II/1',
  title: 'Epstein (2002) civil violence, Model II: two groups, killing and peacekeeping',
  params: ETHNIC_PARAMS,
  presets: ETHNIC_PRESETS,
  series: ETHNIC_SERIES,
  defaultTicks: 1000,
  create: createEthnic,
  step: stepEthnic,
  summarise: summariseEthnic,
  events: (w) => w.events,
  agentCount: (w) => w.nCitizens + w.nCops,
  view: (w) => ({ kind: 'grid', width: w.width, height: w.height, categories: ETHNIC_CATEGORIES, cells: Uint8Array.from(w.code) }),
};

/** The grid's categories are the cell codes themselves: EMPTY, COP, then 2 + 3 x group + condition. */
const ETHNIC_CATEGORIES = [
  { key: 'empty', label: 'empty cell' },
  { key: 'cop', label: 'peacekeeper (cop)' },
  { key: 'quiet-a', label: 'group A, quiet' },
  { key: 'active-a', label: 'group A, active (killing)' },
  { key: 'jailed-a', label: 'group A, jailed' },
  { key: 'quiet-b', label: 'group B, quiet' },
  { key: 'active-b', label: 'group B, active (killing)' },
  { key: 'jailed-b', label: 'group B, jailed' },
] as const;
