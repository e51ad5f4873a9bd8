/**
 * The golden table: about thirty cheap runs across the settings of every model, each with its
 * stored results hash, in one data file, test/golden/table.json. test/golden-table.test.ts
 * replays every row and checks the table's coverage claims (every numeric parameter of every
 * model at its min and at its max, every enum value, both booleans), so the table cannot
 * silently shrink.
 *
 * Regenerate with `npm run goldens` (this file run by tsx; `-- --check` only reports). It
 * refuses while a row's claims (RowClaims: what its note says it shows) do not hold. It
 * REFUSES to write when a row's results hash changed while its model's version (the kernel's
 * `version`) is still the one stored in the table: results changed, so the version must be
 * bumped first (see planTableUpdate). It writes when the version was bumped, or rows were added,
 * removed or their inputs edited.
 *
 * A row stores its inputs (model, parameters away from the model's defaults, schedule, seed,
 * ticks) and the hash of its results (hashResult: every series in the model's series order, the
 * events, the summary). Preset values are written out as parameters, so a row does not depend on
 * a preset's definition.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  MODELS,
  defaultsOf,
  hashInputs,
  hashResult,
  modelKernel,
  presetValues,
  resolveParams,
  runModel,
  validateSchedule,
  type ParamDef,
  type ParamValue,
  type ScheduledChange,
} from '../sim/index';

export const TABLE_PATH = fileURLToPath(new URL('../test/golden/table.json', import.meta.url));
export const REGENERATE = 'npm run goldens';

/** Where each model keeps its `version`, for the refusal message. */
const VERSION_SOURCE: Readonly<Record<string, string>> = {
  'r2p-luck-2018': 'MODEL_VERSION in sim/models/luck2018/kernel.ts',
  'epstein-civil-violence': 'civilViolence.version in sim/models/epstein/civil-violence.ts',
  'epstein-ethnic-violence': 'ethnicViolence.version in sim/models/epstein/ethnic-violence.ts',
};

export interface TableRow {
  readonly id: string;
  /** What the row is kept for. */
  readonly note: string;
  readonly model: string;
  /** Parameters away from the model's defaults (the rest are the defaults). */
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly schedule: readonly ScheduledChange[];
  readonly seed: number | string;
  readonly ticks: number;
  /** hashResult of the run. */
  readonly hash: string;
}

export interface GoldenTable {
  readonly about: string;
  /** Each model's `version` when its rows were last generated. */
  readonly versions: Readonly<Record<string, string>>;
  readonly rows: readonly TableRow[];
}

/**
 * What a row's note says it shows, in a form a test can check (test/golden-table.test.ts), so a
 * refit or a model change cannot leave a row vacuous (a row of safe areas in which none falls).
 */
export interface RowClaims {
  /** Series whose largest value over the run is at least this. */
  readonly peaks?: Readonly<Record<string, number>>;
  /**
   * The same run (seed, schedule, ticks) with these parameters changed: the row has `row` of the
   * summary field than it, strictly ('more' or 'fewer').
   */
  readonly versus?: { readonly params: Readonly<Record<string, ParamValue>>; readonly summary: string; readonly row: 'more' | 'fewer' };
}

export type RowSpec = Omit<TableRow, 'hash' | 'params' | 'schedule' | 'model'> & {
  readonly model?: string;
  readonly params?: Readonly<Record<string, ParamValue>>;
  readonly schedule?: readonly ScheduledChange[];
  readonly claims?: RowClaims;
};

const MAIN = 'r2p-luck-2018';
const CIVIL = 'epstein-civil-violence';
const ETHNIC = 'epstein-ethnic-violence';
const preset = (model: string, name: string) => presetValues(modelKernel(model), name);

/** Every numeric parameter of a main-model group at its bound (rows that cover a whole group's edges). */
function atBound(group: string, bound: 'min' | 'max'): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const d of modelKernel(MAIN).params) if (d.group === group && (d.kind === 'number' || d.kind === 'integer')) out[d.name] = d[bound];
  return out;
}

/**
 * The rows. Each main-model row runs 100-1,500 agents except luck-agents-max (2,000,000 agents
 * for 2 days: the one row that costs about half a second); luck-slow-clocks is the long run.
 */
export const ROW_SPECS: readonly RowSpec[] = [
  // ---- the main model, r2p-luck-2018 ---------------------------------------------------------
  {
    id: 'luck-default-year',
    note: 'Every default at 1,000 agents for a year: the baseline.',
    params: { agents: 1000 }, seed: 1, ticks: 365,
  },
  {
    id: 'luck-slow-clocks',
    note: 'The long run (3 years): every clock at its slowest (planning effort, briefing, meeting, drafting, consent, Assembly and special-session delays at their maxima, measure wait and force delay a year, inquiry delay two, the 10-year atrocity window, mediators who never arrive) under full incitement, with an election on day 30.',
    params: {
      agents: 800, incitement: 1, stakes: 0.9, hardliners: 0.8, planningEffort: 100, electionDay: 30, measureWait: 365, forceDelay: 365, inquiryDelay: 730,
      briefingInterval: 90, meetingInterval: 14, draftingDays: 60, consentDelay: 365, assemblyDelay: 60, assemblyInterval: 365, specialSessionDelay: 180,
      mediationStartDay: 36_500,
      atrocityWindow: 3650, councilWillingness: 0.7,
    },
    seed: 2, ticks: 1095,
  },
  {
    id: 'luck-fast-clocks',
    note: 'Every clock at its fastest (planning effort and every organ’s delay at its minimum, an election on day 0), force early under the measure-of-last-resort doctrine by a fully willing Council, robust mandate.',
    params: {
      agents: 1200, incitement: 0.8, planningEffort: 0.01, electionDay: 0, measureWait: 1, forceDelay: 0, inquiryDelay: 1, atrocityWindow: 1,
      briefingInterval: 1, meetingInterval: 1, draftingDays: 0, consentDelay: 0, assemblyDelay: 0, assemblyInterval: 1, specialSessionDelay: 0,
      forceDoctrine: 'measure-of-last-resort', councilWillingness: 1, mandate: 'robust', safeAreas: 2,
    },
    seed: 3, ticks: 240,
  },
  {
    id: 'luck-government-crisis',
    note: 'A government leadership bent on coercion, with everything pushing it up: incitement and reach, stakes, conflict (an armed challenge in full), weakness, past atrocities, hardliners and cohesion at max; no deterrence; a patron; the UN taking sides.',
    params: {
      agents: 1500, perpetratorType: 'government', incitement: 1, incitementReach: 1, stakes: 1, armedConflict: 1, stateWeakness: 1,
      priorAtrocities: 1, hardliners: 1, cohesion: 1, deterrence: 0, deterrenceSeverity: 0, impartiality: 0, patron: true, perpetratorAim: 'coerce',
      armedChallenge: 1,
    },
    seed: 4, ticks: 200,
  },
  {
    id: 'luck-armed-group-restrained',
    note: 'An armed-group leadership with everything holding it back: no incitement, no stakes, peace, a strong state, a divided soft leadership, full deterrence, strict impartiality, and every bystander at the highest threshold.',
    params: {
      agents: 1000, perpetratorType: 'armed-group', incitement: 0, incitementReach: 0, stakes: 0, existentialStakes: 0, armedConflict: 0, stateWeakness: 0,
      hardliners: 0, cohesion: 0, deterrence: 1, deterrenceSeverity: 1, impartiality: 1, thresholdMean: 1,
    },
    seed: 5, ticks: 200,
  },
  {
    id: 'luck-extremist-existential',
    note: 'An extremist armed group bent on expulsion that sees the struggle as existential, against credible deterrence; twelve mediators and spoilers at full strength; the noisiest leadership.',
    params: {
      agents: 1000, perpetratorType: 'extremist-armed-group', existentialStakes: 1, incitement: 0.9, stakes: 0.8, deterrence: 0.8,
      deterrenceSeverity: 0.9, mediators: 12, spoilerPropensity: 1, leadershipNoise: 0.5, perpetratorAim: 'expel',
    },
    seed: 'extremist', ticks: 300,
  },
  {
    id: 'luck-existential-turn',
    note: 'A government whose stakes turn existential on day 90 (scheduled 0 -> 1), then deterrence and counter-messaging raised on day 150: the deaf-ears test.',
    params: { agents: 1000, incitement: 0.7 },
    schedule: [
      { tick: 90, name: 'existentialStakes', value: 1 },
      { tick: 150, name: 'deterrence', value: 0.9 },
      { tick: 150, name: 'counterMessaging', value: 0.8 },
    ],
    seed: 7, ticks: 300,
  },
  {
    id: 'luck-floor',
    note: 'The smallest world at its floors: 100 agents, one region, degree 2, no rewiring, 1% targeted, one person per agent, the threshold at its least (20 people, 20 agents); no thresholds, no memory, nobody kills, flees, shelters or resists; no mediators or track; a noiseless, uncensored, passive Secretariat; an unwilling Council; no legitimacy.',
    params: {
      agents: 100, regions: 1, networkDegree: 2, rewiring: 0, targetShare: 0.01, peoplePerAgent: 1, atrocityThreshold: 20,
      thresholdMean: 0, thresholdSd: 0, exposureMemory: 0.001, demobilisation: 0, killRate: 0, fleeRate: 0, seekProtectionRate: 0,
      resistRate: 0, shelterEffect: 0, localPartners: 0, leadershipNoise: 0, spoilerPropensity: 0, mediators: 0, mediationTrack: false,
      earlyWarningNoise: 0, selfCensorship: 0, individualResponsibility: 0, councilWillingness: 0, legitimacy: 0,
      peacekeeperCapacity: 0, safeAreaCapacity: 0,
    },
    seed: 8, ticks: 150,
  },
  {
    id: 'luck-population-ceiling',
    note: 'The population at its ceilings: 90% targeted, degree 40, full rewiring, 1,000 regions over 1,500 agents; the spread of thresholds, memory, demobilisation, kill, flight, protection, resistance, shelter, local partners and counter-messaging at max; a patron vetoing and no Uniting for Peace to go round it.',
    params: {
      agents: 1500, targetShare: 0.9, networkDegree: 40, rewiring: 1, regions: 1000, incitement: 1, stakes: 0.8, patron: true,
      thresholdSd: 1, exposureMemory: 1, demobilisation: 1, killRate: 1, fleeRate: 1, seekProtectionRate: 1,
      resistRate: 1, shelterEffect: 1, localPartners: 1, counterMessaging: 1, unitingForPeace: false,
    },
    seed: 9, ticks: 200,
  },
  {
    id: 'luck-un-ceiling',
    note: 'The UN at its ceilings: atrocity framing, direct access for the Special Adviser, full noise and self-censorship, full individual responsibility, a fully willing Council, no inquiries, a preventive PBC, peacekeepers everywhere at full capacity, twenty safe areas fully defended, full legitimacy.',
    params: {
      agents: 1000, incitement: 0.8, framingLens: 'atrocity', specialAdviserAccess: 'direct', earlyWarningNoise: 1, selfCensorship: 1,
      individualResponsibility: 1, councilWillingness: 1, inquiries: false, pbcPreventive: true, peacekeeperCoverage: 1,
      peacekeeperCapacity: 1, mandate: 'robust', safeAreas: 20, safeAreaCapacity: 1, legitimacy: 1,
    },
    seed: 10, ticks: 200,
  },
  {
    id: 'luck-safe-areas-fall',
    note: 'Srebrenica-like: a humanitarian framing, a weak mandate and twenty undefended safe areas drawing the targeted in under strong incitement, taken by an organised force on day 60 (after an election on day 10, with nothing holding the leadership back): the targeted shelter in them, and they fall.',
    params: {
      agents: 1200, incitement: 0.85, framingLens: 'humanitarian', safeAreas: 20, safeAreaCapacity: 0, peacekeeperCoverage: 0.3, regions: 20,
      electionDay: 10, townFallsDay: 60, stakes: 0.9, hardliners: 0.9, deterrence: 0, organisedForce: 0.7,
    },
    seed: 11, ticks: 250,
    claims: { peaks: { protected: 1, venuesFallen: 1 } },
  },
  {
    id: 'luck-safe-areas-deported',
    note: 'Four undefended safe areas taken in an assault on day 40 (after an election on day 10, with nothing holding the leadership back) by killers who mean to expel: those taken in a fallen venue are deported, not killed, so the same run under an aim to destroy kills more (model /12).',
    params: { agents: 1200, peoplePerAgent: 20, incitement: 0.85, safeAreas: 4, safeAreaCapacity: 0, regions: 20, electionDay: 10, townFallsDay: 40, stakes: 0.9, hardliners: 0.9, deterrence: 0, organisedForce: 0.7, perpetratorAim: 'expel' },
    seed: 11, ticks: 120,
    claims: { peaks: { protected: 1, venuesFallen: 1 }, versus: { params: { perpetratorAim: 'destroy' }, summary: 'deaths', row: 'fewer' } },
  },
  {
    id: 'luck-conscription',
    note: 'An administration that compels (compulsion 1) conscripts 30% of the population into the pool that can join, after an election on day 10 with nothing holding the leadership back: more take part than in the same run without compulsion (model /13).',
    params: { agents: 1500, peoplePerAgent: 20, incitement: 0.85, electionDay: 10, stakes: 0.9, hardliners: 0.9, deterrence: 0, orders: 0.5, conscription: 0.3, compulsion: 1, perpetratorAim: 'destroy' },
    seed: 13, ticks: 120,
    claims: { versus: { params: { compulsion: 0 }, summary: 'peakPerpetrators', row: 'more' } },
  },
  {
    id: 'luck-coercion-uprising',
    note: 'A coercion that answers no challenge (unchallengedLethality 0.05) until a popular uprising on day 20 that is a challenge in full (uprisingChallenge 1), with an offensive the same day, after an election on day 10 with nothing holding the leadership back: it kills more than the same run in which the uprising is no challenge (model /14).',
    params: {
      agents: 1500, peoplePerAgent: 20, incitement: 0.85, electionDay: 10, uprisingDay: 20, offensiveDay: 20, stakes: 0.9, hardliners: 0.9, deterrence: 0,
      perpetratorAim: 'coerce', organisedForce: 0.9, unchallengedLethality: 0.05, uprisingChallenge: 1,
    },
    seed: 14, ticks: 120,
    claims: { versus: { params: { uprisingChallenge: 0 }, summary: 'deaths', row: 'more' } },
  },
  {
    id: 'luck-agents-max',
    note: 'The largest world: 2,000,000 agents (degree 2 to keep set-up cheap) for 2 days, 100,000 people per agent, a 10,000,000-person threshold (100 agents: resolvable).',
    params: { agents: 2_000_000, networkDegree: 2, peoplePerAgent: 100_000, atrocityThreshold: 10_000_000 },
    seed: 12, ticks: 2,
  },
  {
    id: 'luck-triggers-all',
    note: 'Every trigger event in one run (an election, a leader killed, a coup, an uprising, an offensive, a town taken, a clash, an agreement, the mediators arriving late, a change of leadership to all hardliners, an outside force at full capacity, a consented UN deployment), a strong organised force under orders, full reprisals, regional and Council pressure at their maxima, two safe areas and a settlement that includes the hardliners.',
    params: {
      agents: 1200, electionDay: 5, leaderKilledDay: 12, coupDay: 20, uprisingDay: 28, offensiveDay: 36, townFallsDay: 44, clashDay: 52, agreementDay: 90,
      mediationStartDay: 60, organisedForce: 1, orders: 1, settlementInclusion: 1, safeAreas: 2, safeAreaCapacity: 0.1,
      leadershipChangeDay: 70, hardlinersAfterChange: 1, outsideForceDay: 80, outsideForceCapacity: 1, peacekeeperCoverage: 0.3, peacekeepersFromDay: 40,
      reprisals: 1, regionalPressure: 1, sanctionsInForce: 1,
    },
    seed: 14, ticks: 150,
  },
  {
    id: 'luck-triggers-never',
    note: 'Every trigger day at its maximum (beyond the run: nothing happens), no organised force, no orders, a settlement that excludes the hardliners, mediators who never arrive.',
    params: {
      agents: 1000, electionDay: 36_500, leaderKilledDay: 36_500, coupDay: 36_500, uprisingDay: 36_500, offensiveDay: 36_500, townFallsDay: 36_500,
      clashDay: 36_500, agreementDay: 36_500, mediationStartDay: -1, organisedForce: 0, orders: 0, settlementInclusion: 0, armedConflict: 1,
      leadershipChangeDay: 36_500, hardlinersAfterChange: 0, outsideForceDay: 36_500, peacekeepersFromDay: 36_500,
    },
    seed: 15, ticks: 120,
  },
  {
    id: 'luck-calibration-min',
    note: 'Every calibration constant (group calibration) at its minimum, with an election on day 10.',
    params: { agents: 1000, electionDay: 10, ...atBound('calibration', 'min') },
    seed: 16, ticks: 120,
  },
  {
    id: 'luck-calibration-max',
    note: 'Every calibration constant (group calibration) at its maximum, with an election on day 10.',
    params: { agents: 1000, electionDay: 10, ...atBound('calibration', 'max') },
    seed: 17, ticks: 120,
  },
  // ---- Epstein's Model I, epstein-civil-violence -------------------------------------------------
  {
    id: 'civil-netlogo-legitimacy-drop',
    note: "NetLogo's rules (floor rounding, Euclidean disc, jail 0..Jmax-1) at 30x30, legitimacy dropping to 0.6 on tick 80: outbursts.",
    model: CIVIL, params: { ...preset(CIVIL, 'netlogo'), width: 30, height: 30 },
    schedule: [{ tick: 80, name: 'legitimacy', value: 0.6 }],
    seed: 21, ticks: 200,
  },
  {
    id: 'civil-run1-moore-unrounded',
    note: "Run 1 (no movement, vision 1.7, Jmax 15) with the Moore square and the paper's unrounded arrest probability, at 30x30; legitimacy down to 0.7 on tick 50.",
    model: CIVIL, params: { ...preset(CIVIL, 'run1'), width: 30, height: 30, neighbourhood: 'moore', arrestRounding: 'none' },
    schedule: [{ tick: 50, name: 'legitimacy', value: 0.7 }],
    seed: 22, ticks: 150,
  },
  {
    id: 'civil-mesa-cop-surge',
    note: "Mesa's rules at 30x30 with legitimacy 0.65: every cop withdrawn on tick 40 (cop density 0), then every empty cell filled with cops on tick 100 (cop density 1), legitimacy restored to 1 and the threshold raised to 1 on tick 140.",
    model: CIVIL, params: { ...preset(CIVIL, 'mesa'), width: 30, height: 30, legitimacy: 0.65 },
    schedule: [
      { tick: 40, name: 'copDensity', value: 0 },
      { tick: 100, name: 'copDensity', value: 1 },
      { tick: 140, name: 'legitimacy', value: 1 },
      { tick: 140, name: 'threshold', value: 1 },
    ],
    seed: 23, ticks: 180,
  },
  {
    id: 'civil-wide-strip',
    note: 'A 1,000x3 torus strip: citizens see 1 cell, cops 15 (wider than the strip: offsets that wrap onto one cell are merged), certain arrest (k = 100), the infinite jail term, no legitimacy, threshold 0.',
    model: CIVIL, params: { width: 1000, height: 3, vision: 1, copVision: 15, arrestConstant: 100, maxJail: 1_000_000_000, legitimacy: 0, threshold: 0 },
    seed: 24, ticks: 100,
  },
  {
    id: 'civil-tall-strip-no-citizens',
    note: 'A 3x1,000 strip with no citizens and every cell a cop (edge case): citizens would see 15, cops 1; no arrests possible (k = 0), no jail, outbursts counted above 0.',
    model: CIVIL, params: { width: 3, height: 1000, citizenDensity: 0, copDensity: 1, vision: 15, copVision: 1, arrestConstant: 0, maxJail: 0, outburstThreshold: 0 },
    seed: 25, ticks: 20,
  },
  {
    id: 'civil-sparse-large-grid',
    note: 'A 300x300 grid with vision 15 for all: too large for the full vision table, so each vision is filled per call; sparse citizens and cops, legitimacy 0.5.',
    model: CIVIL, params: { width: 300, height: 300, citizenDensity: 0.05, copDensity: 0.005, vision: 15, copVision: 15, legitimacy: 0.5 },
    seed: 27, ticks: 10,
  },
  {
    id: 'civil-full-grid',
    note: 'Every cell a citizen and no cop (edge case: nobody can move); outbursts counted above 1,000,000.',
    model: CIVIL, params: { width: 12, height: 12, citizenDensity: 1, copDensity: 0, legitimacy: 0.3, outburstThreshold: 1_000_000 },
    seed: 26, ticks: 30,
  },
  // ---- Epstein's Model II, epstein-ethnic-violence -----------------------------------------------
  {
    id: 'ethnic-run7-elimination',
    note: 'Run 7 (the defaults) at 30x30: local cleansing, then one group eliminated.',
    model: ETHNIC, params: { width: 30, height: 30 },
    seed: 31, ticks: 400,
  },
  {
    id: 'ethnic-run8-peacekeepers-unrounded',
    note: "Run 8 at 30x30 with the paper's unrounded arrest probability, jail 0..Jmax-1 and the infinite term, peacekeepers from tick 0 seeing 15 cells; peacekeepers on every empty cell from tick 150 (density 1), legitimacy 1 from tick 200.",
    model: ETHNIC, params: { ...preset(ETHNIC, 'run8'), width: 30, height: 30, arrestRounding: 'none', jailTerm: 'exclusive', maxJail: 1_000_000_000, copArrivalTick: 0, copVision: 15 },
    schedule: [
      { tick: 150, name: 'copDensity', value: 1 },
      { tick: 200, name: 'legitimacy', value: 1 },
    ],
    seed: 32, ticks: 260,
  },
  {
    id: 'ethnic-moore-floor-crowded',
    note: 'Moore squares seeing 1 cell, floor rounding, no movement, births every tick and lives up to 1,000,000 ticks, no legitimacy, threshold 0, certain arrest (k = 100), a 30/70 group split: the grid fills, one group is gone by tick 2, and the peacekeepers due at tick 20 find no empty cell.',
    model: ETHNIC,
    params: {
      width: 25, height: 25, neighbourhood: 'moore', arrestRounding: 'floor', movement: false, vision: 1, copVision: 1, reproduction: 1,
      maxAge: 1_000_000, legitimacy: 0, threshold: 0, arrestConstant: 100, groupShare: 0.3, copDensity: 0.05, copArrivalTick: 20,
    },
    seed: 33, ticks: 150,
  },
  {
    id: 'ethnic-wide-strip-one-group',
    note: 'A 1,000x3 von Neumann strip full of group A only (nobody to fight), vision 15, no jail; peacekeepers due at tick 36,500 (never, in this run).',
    model: ETHNIC,
    params: { width: 1000, height: 3, neighbourhood: 'von-neumann', citizenDensity: 1, groupShare: 1, vision: 15, maxJail: 0, copDensity: 0.02, copArrivalTick: 36_500 },
    seed: 34, ticks: 40,
  },
  {
    id: 'ethnic-tall-strip-empty',
    note: 'A 3x1,000 strip with no citizens (edge case): group B only, no births, lives of 1 tick, full legitimacy, threshold 1, no arrests (k = 0).',
    model: ETHNIC,
    params: { width: 3, height: 1000, citizenDensity: 0, groupShare: 0, reproduction: 0, maxAge: 1, legitimacy: 1, threshold: 1, arrestConstant: 0 },
    seed: 35, ticks: 20,
  },
];

/** The parameters of a row in full: the model's defaults overridden by the row's. */
export function effectiveParams(row: Pick<TableRow, 'model' | 'params'>): Record<string, ParamValue> {
  const defs = modelKernel(row.model).params;
  return resolveParams(row.params, defaultsOf(defs), defs);
}

/** A spec in the table's form: validated, parameters away from the defaults only, in schema order. */
export function normaliseSpec(spec: RowSpec): Omit<TableRow, 'hash'> {
  const model = spec.model ?? MAIN;
  const defs = modelKernel(model).params;
  const full = resolveParams(spec.params ?? {}, defaultsOf(defs), defs);
  const params: Record<string, ParamValue> = {};
  for (const d of defs) if (full[d.name] !== d.default) params[d.name] = full[d.name];
  const schedule = validateSchedule(spec.schedule ?? [], spec.ticks, defs).sort((a, b) => a.tick - b.tick);
  return { id: spec.id, note: spec.note, model, params, schedule, seed: spec.seed, ticks: spec.ticks };
}

/** Run a row and hash its results. */
export function rowHash(row: Omit<TableRow, 'hash' | 'id' | 'note'>): string {
  return hashResult(runModel({ model: row.model, params: row.params, schedule: row.schedule, seed: row.seed, ticks: row.ticks }));
}

/**
 * The claims of a row's spec that its runs do not bear out, each said in a sentence ([] when all
 * hold, or the row makes none).
 */
export function claimFailures(spec: RowSpec): string[] {
  const claims = spec.claims;
  if (!claims) return [];
  const row = normaliseSpec(spec);
  const run = (params: Readonly<Record<string, ParamValue>>) => runModel({ model: row.model, params, schedule: row.schedule, seed: row.seed, ticks: row.ticks });
  const result = run(row.params);
  const out: string[] = [];
  for (const [name, least] of Object.entries(claims.peaks ?? {})) {
    const series = result.series[name];
    if (!series) {
      out.push(`row ${row.id}: claims a peak of series ${name}, which the model does not record`);
      continue;
    }
    const peak = series.reduce((m, x) => Math.max(m, x), -Infinity);
    if (!(peak >= least)) out.push(`row ${row.id}: series ${name} peaks at ${peak}, below the ${least} its note claims`);
  }
  if (claims.versus) {
    const { params, summary, row: side } = claims.versus;
    const mine: unknown = Reflect.get(result.summary, summary);
    const theirs: unknown = Reflect.get(run({ ...row.params, ...params }).summary, summary);
    if (typeof mine !== 'number' || typeof theirs !== 'number') out.push(`row ${row.id}: summary field ${summary} is not a number`);
    else if (side === 'more' ? !(mine > theirs) : !(mine < theirs)) {
      out.push(`row ${row.id}: ${summary} is ${mine}, against ${theirs} with ${JSON.stringify(params)}; its note claims ${side}`);
    }
  }
  return out;
}

/** The identity of a row's inputs (key order does not matter). */
export function rowInputs(row: Omit<TableRow, 'hash' | 'id' | 'note'>): string {
  return hashInputs({ model: row.model, params: row.params, schedule: row.schedule, seed: row.seed, ticks: row.ticks });
}

/** The table as the current code makes it: every spec run and hashed, with the models' versions. */
export function buildTable(specs: readonly RowSpec[] = ROW_SPECS): GoldenTable {
  const rows = specs.map((s) => {
    const r = normaliseSpec(s);
    return { ...r, hash: rowHash(r) };
  });
  const versions: Record<string, string> = {};
  for (const k of MODELS) if (rows.some((r) => r.model === k.id)) versions[k.id] = k.version;
  return {
    about: `Golden table: cheap runs across every model's settings; each row's results hash. Regenerate with \`${REGENERATE}\` (bench/golden-table.ts); test/golden-table.test.ts replays every row.`,
    versions,
    rows,
  };
}

// ---- coverage -------------------------------------------------------------------------------

/** The values a parameter must reach somewhere in the table: min and max, every enum value, both booleans. */
export function requiredValues(d: ParamDef): readonly ParamValue[] {
  switch (d.kind) {
    case 'boolean':
      return [false, true];
    case 'enum':
      return d.values;
    case 'integer':
    case 'number':
      return d.min === d.max ? [d.min] : [d.min, d.max];
  }
}

/**
 * What the rows fail to reach, one line per gap ("model: name never at its max 1000"). A value
 * counts when a row starts with it (its parameters over the defaults) or schedules it.
 */
export function coverageGaps(rows: readonly Pick<TableRow, 'model' | 'params' | 'schedule'>[], models: readonly { id: string; params: readonly ParamDef[] }[] = MODELS): string[] {
  const gaps: string[] = [];
  for (const k of models) {
    const own = rows.filter((r) => r.model === k.id);
    if (own.length === 0) {
      gaps.push(`${k.id}: no row`);
      continue;
    }
    const seen = new Map<string, ParamValue[]>(k.params.map((d) => [d.name, []]));
    for (const r of own) {
      const full = resolveParams(r.params, defaultsOf(k.params), k.params);
      for (const d of k.params) seen.get(d.name)!.push(full[d.name]);
      for (const c of r.schedule) seen.get(c.name)?.push(c.value);
    }
    for (const d of k.params) {
      const values = seen.get(d.name)!;
      for (const v of requiredValues(d)) {
        if (values.includes(v)) continue;
        const which = d.kind === 'integer' || d.kind === 'number' ? (v === d.min ? `its min ${d.min}` : `its max ${d.max}`) : JSON.stringify(v);
        gaps.push(`${k.id}: ${d.name} never at ${which}`);
      }
    }
  }
  return gaps;
}

// ---- regeneration: the refusal rule ----------------------------------------------------------

export interface TablePlan {
  /** Write the fresh table (nothing refused and something differs). */
  readonly write: boolean;
  /** Why the table must not be written: rows whose results changed under an unchanged version. */
  readonly refused: readonly string[];
  /** What writing would change, one line each. */
  readonly changes: readonly string[];
}

function nextVersion(v: string): string {
  const m = /^(.*\/)(\d+)$/.exec(v);
  return m ? `${m[1]}${Number(m[2]) + 1}` : `${v}/2`;
}

/**
 * Compare the stored table with a fresh one. A row whose inputs are unchanged but whose hash
 * changed while its model's version equals the stored version is refused: the model's results
 * changed, so its version must be bumped, or run files made before the change would still claim
 * the same version and fail to replay as if the engine were broken, instead of being reported as
 * made by another version. Rows added, removed or with edited inputs, version bumps, and changed
 * hashes under a bumped version are written.
 */
export function planTableUpdate(stored: GoldenTable | undefined, fresh: GoldenTable): TablePlan {
  const refused: string[] = [];
  const changes: string[] = [];
  const old = new Map((stored?.rows ?? []).map((r) => [r.id, r]));
  const ids = new Set<string>();
  for (const r of fresh.rows) {
    if (ids.has(r.id)) refused.push(`row ${r.id} appears twice: ids must be unique`);
    ids.add(r.id);
    const before = old.get(r.id);
    if (!before) {
      changes.push(`row ${r.id} added`);
      continue;
    }
    if (rowInputs(before) !== rowInputs(r)) {
      changes.push(`row ${r.id}: inputs edited (hash ${r.hash === before.hash ? 'unchanged' : 'recomputed'})`);
      continue;
    }
    if (before.note !== r.note) changes.push(`row ${r.id}: note edited`);
    if (before.hash === r.hash) continue;
    const was = stored?.versions[r.model];
    const now = fresh.versions[r.model];
    if (was !== undefined && was === now) {
      refused.push(
        `row ${r.id}: the results hash changed (stored ${before.hash.slice(0, 12)}, now ${r.hash.slice(0, 12)}) but model ${r.model} is still at version ${now}. ` +
          `A change that alters a model's results must bump its version (${VERSION_SOURCE[r.model] ?? `the kernel's \`version\` in sim/models/`}, e.g. to ${nextVersion(now)}): ` +
          `run files record the version that made them, and replay reports a file made by another version as such, whereas under an unchanged version an old file simply fails to reproduce, as if the engine were broken. ` +
          `Bump the version, say in the commit message why results changed, and rerun \`${REGENERATE}\`; if results were not meant to change, the change is a bug.`,
      );
    } else {
      changes.push(`row ${r.id}: hash ${before.hash.slice(0, 12)} -> ${r.hash.slice(0, 12)} (model ${r.model} version ${was ?? 'none'} -> ${now})`);
    }
  }
  for (const r of stored?.rows ?? []) if (!ids.has(r.id)) changes.push(`row ${r.id} removed`);
  const models = new Set([...Object.keys(stored?.versions ?? {}), ...Object.keys(fresh.versions)]);
  for (const m of models) {
    const was = stored?.versions[m];
    const now = fresh.versions[m];
    if (was !== now) changes.push(`model ${m}: version ${was ?? 'none'} -> ${now ?? 'none'}`);
  }
  if (stored === undefined) changes.push('no table yet');
  else if (changes.length === 0 && stored.about !== fresh.about) changes.push('header edited');
  return { write: refused.length === 0 && changes.length > 0, refused, changes };
}

// ---- the file -------------------------------------------------------------------------------

/** The table as JSON, one row per line so that a diff shows which rows changed. */
export function formatTable(t: GoldenTable): string {
  const rows = t.rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
  return `{\n  "about": ${JSON.stringify(t.about)},\n  "versions": ${JSON.stringify(t.versions)},\n  "rows": [\n${rows}\n  ]\n}\n`;
}

export function readTable(path = TABLE_PATH): GoldenTable | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  return JSON.parse(text) as GoldenTable;
}

function main(args: readonly string[]): number {
  const check = args.includes('--check');
  const t0 = performance.now();
  const fresh = buildTable();
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const gaps = coverageGaps(fresh.rows);
  const plan = planTableUpdate(readTable(), fresh);
  for (const c of plan.changes) process.stdout.write(`${c}\n`);
  if (gaps.length > 0) {
    process.stderr.write(`refused: the rows no longer reach every value the table claims:\n${gaps.map((g) => `  ${g}\n`).join('')}`);
    return 1;
  }
  // A row that no longer shows what its note says is worth keeping only once its spec is fixed.
  const unmet = ROW_SPECS.flatMap(claimFailures);
  if (unmet.length > 0) {
    process.stderr.write(`refused: rows no longer show what their notes claim (edit their specs):\n${unmet.map((g) => `  ${g}\n`).join('')}`);
    return 1;
  }
  if (plan.refused.length > 0) {
    process.stderr.write(`refused to write ${TABLE_PATH}:\n${plan.refused.map((r) => `  ${r}\n`).join('')}`);
    return 1;
  }
  if (!plan.write) {
    process.stdout.write(`${TABLE_PATH}: up to date (${fresh.rows.length} rows, ${seconds} s)\n`);
    return 0;
  }
  if (check) {
    process.stdout.write(`${TABLE_PATH}: would change (run \`${REGENERATE}\`)\n`);
    return 1;
  }
  const tmp = `${TABLE_PATH}.tmp`;
  writeFileSync(tmp, formatTable(fresh));
  renameSync(tmp, TABLE_PATH);
  process.stdout.write(`${TABLE_PATH}: written (${fresh.rows.length} rows, ${seconds} s)\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
