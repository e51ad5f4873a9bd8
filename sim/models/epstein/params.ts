/**
 * Parameters and presets of Epstein's (2002) civil-violence models, as the engine's ParamDefs.
 * Facts and sources: docs/sources/epstein-2002-reference.md (the rules, Mesa's exact rules, the runs).
 *
 * Model I defaults are Mesa 3.3's example (`mesa/examples/advanced/epstein_civil_violence`), so
 * the defaults and the `mesa` preset are the same run. The switches (arrestRounding,
 * neighbourhood, jailTerm, movement) name the points where the paper's text, Mesa and NetLogo's
 * "Rebellion" differ.
 *
 * Model II has no public reference implementation; its defaults are the paper's run 7
 * (reference file, "Model II") and every choice the paper leaves open is stated in
 * ethnic-violence.ts.
 */
import type { KernelParams } from '../../engine/kernel';
import type { ParamDef } from '../../engine/params';

const EPSTEIN = 'Epstein 2002';
const MESA = 'Mesa 3.3 epstein_civil_violence';
const NETLOGO = 'NetLogo Rebellion';

/** Largest vision radius: keeps every neighbourhood under 1,024 cells (the scan packs counts in 10 bits). */
export const MAX_VISION = 15;
/** Largest jail term accepted; 1e9 stands for the paper's "infinite" Jmax (runs 3-5). */
export const MAX_JAIL = 1_000_000_000;

export const ROUNDING_MODES = ['half-even', 'floor', 'none'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];
export const JAIL_TERM_MODES = ['inclusive', 'exclusive'] as const;
export type JailTermMode = (typeof JAIL_TERM_MODES)[number];

const GRID_DEFS = [
  {
    name: 'width', group: 'grid', kind: 'integer', default: 40, min: 3, max: 1000, unit: 'cells', structural: true,
    description: 'Width of the torus grid.',
    source: `${EPSTEIN} (40x40 torus); ${MESA} (width=40).`,
  },
  {
    name: 'height', group: 'grid', kind: 'integer', default: 40, min: 3, max: 1000, unit: 'cells', structural: true,
    description: 'Height of the torus grid.',
    source: `${EPSTEIN} (40x40 torus); ${MESA} (height=40).`,
  },
] as const satisfies readonly ParamDef[];

const RULE_COMMON = [
  {
    name: 'threshold', group: 'rules', kind: 'number', default: 0.1, min: 0, max: 1, unit: 'index',
    description: 'T: a citizen goes active when grievance minus net risk exceeds T.',
    source: `${EPSTEIN} (T = 0.1); ${MESA} (active_threshold=0.1).`,
  },
  {
    name: 'arrestConstant', group: 'rules', kind: 'number', default: 2.3, min: 0, max: 100, unit: '1/ratio',
    description: 'k in P = 1 - exp(-k round(C / A)); 2.3 makes P about 0.9 when C = A = 1.',
    source: `${EPSTEIN} (k = 2.3); ${MESA} (arrest_prob_constant=2.3).`,
  },
  {
    name: 'arrestRounding', group: 'rules', kind: 'enum', default: 'half-even', values: ROUNDING_MODES, unit: '',
    description:
      'How the cop-to-active ratio C/A is rounded before it enters P: "half-even" is Python round (Mesa; 0.5 -> 0, 1.5 -> 2, 2.5 -> 2), "floor" is NetLogo, "none" is the paper\'s text (without rounding the punctuated equilibrium does not appear).',
    source: `${MESA} (round); ${NETLOGO} (floor); ${EPSTEIN} (no rounding in the text).`,
  },
  {
    name: 'jailTerm', group: 'rules', kind: 'enum', default: 'inclusive', values: JAIL_TERM_MODES, unit: '',
    description: 'Jail-term draw: "inclusive" is uniform on 0..maxJail (Mesa randint(0, Jmax)); "exclusive" is uniform on 0..maxJail-1 (NetLogo random Jmax).',
    source: `${MESA} (randint(0, max_jail_term)); ${NETLOGO} (random max-jail-term).`,
  },
  {
    name: 'movement', group: 'rules', kind: 'boolean', default: true, unit: '',
    description: 'Free citizens jump to a uniformly chosen empty cell in their vision after deciding (cops move too); off, nobody moves (run 1).',
    source: `${EPSTEIN} (movement rule M; run 1 without movement); ${MESA} (movement=True).`,
  },
] as const satisfies readonly ParamDef[];

/** Model I: citizens against a regime, cops arrest actives. */
export const CIVIL_PARAMS = [
  ...GRID_DEFS,
  {
    name: 'citizenDensity', group: 'citizens', kind: 'number', default: 0.7, min: 0, max: 1, unit: 'share of cells', structural: true,
    description: 'Chance that a cell starts with a citizen (citizenDensity + copDensity must not exceed 1).',
    source: `${EPSTEIN} (agent density 0.7); ${MESA} (citizen_density=0.7).`,
  },
  {
    name: 'vision', group: 'citizens', kind: 'number', default: 7, min: 1, max: MAX_VISION, unit: 'cells', structural: true,
    description: 'v: radius of a citizen\'s vision in the chosen neighbourhood shape (fractional radii: see neighbourhood).',
    source: `${EPSTEIN} (v = 7; 1.7 in run 1); ${MESA} (citizen_vision=7).`,
  },
  {
    name: 'legitimacy', group: 'citizens', kind: 'number', default: 0.8, min: 0, max: 1, unit: 'index',
    description: 'L: the regime\'s legitimacy as every citizen sees it; grievance G = H (1 - L). Can be scheduled (legitimacy-drop experiments).',
    source: `${EPSTEIN} (L; run 5 L = 0.8); ${MESA} (legitimacy=0.8).`,
  },
  {
    name: 'copDensity', group: 'cops', kind: 'number', default: 0.074, min: 0, max: 1, unit: 'share of cells',
    description:
      'Chance that a cell starts with a cop. A scheduled change sets the number of cops to round(copDensity x cells): cops chosen at random are withdrawn, or new cops placed on random empty cells.',
    source: `${EPSTEIN} (0.074 in runs 3-5, 0.04 in runs 1-2; cop reduction experiment); ${MESA} (cop_density=0.074).`,
  },
  {
    name: 'copVision', group: 'cops', kind: 'number', default: 7, min: 1, max: MAX_VISION, unit: 'cells', structural: true,
    description: 'v*: radius of a cop\'s vision.',
    source: `${EPSTEIN} (v* = v); ${MESA} (cop_vision=7).`,
  },
  {
    name: 'maxJail', group: 'cops', kind: 'integer', default: 1000, min: 0, max: MAX_JAIL, unit: 'ticks',
    description: 'Jmax: longest jail term; 1e9 stands for the paper\'s infinite term (runs 3-5).',
    source: `${EPSTEIN} (Jmax 15, 30, infinite); ${MESA} (max_jail_term=1000).`,
  },
  {
    name: 'neighbourhood', group: 'rules', kind: 'enum', default: 'von-neumann', values: ['von-neumann', 'euclidean', 'moore'], unit: '', structural: true,
    description:
      'Shape of every vision: "von-neumann" is Manhattan distance <= floor(v) (Mesa; 112 cells at v = 7), "euclidean" is the disc dx^2 + dy^2 <= v^2 (NetLogo in-radius; 148 cells at v = 7, the 8 Moore neighbours at v = 1.7), "moore" is Chebyshev distance <= floor(v). The own cell is never included.',
    source: `${MESA} (OrthogonalVonNeumannGrid); ${NETLOGO} (patches in-radius vision); ${EPSTEIN} (vision 1.7 in run 1).`,
  },
  ...RULE_COMMON,
  {
    name: 'outburstThreshold', group: 'measures', kind: 'integer', default: 50, min: 0, max: 1_000_000, unit: 'citizens',
    description: 'An outburst is counted while more than this many citizens are active (summary only; no effect on the run).',
    source: 'Reference file, Model I: "an outburst counted while actives exceed 50".',
  },
] as const satisfies readonly ParamDef[];

/** Model II: two groups, killing, peacekeepers, births and deaths. */
export const ETHNIC_PARAMS = [
  ...GRID_DEFS,
  {
    name: 'citizenDensity', group: 'citizens', kind: 'number', default: 0.7, min: 0, max: 1, unit: 'share of cells', structural: true,
    description: 'Chance that a cell starts with a citizen (of either group).',
    source: `${EPSTEIN} (agent density 0.7, as in Model I).`,
  },
  {
    name: 'groupShare', group: 'citizens', kind: 'number', default: 0.5, min: 0, max: 1, unit: 'probability', structural: true,
    description: 'Chance that an initial citizen belongs to group A (else group B).',
    source: `${EPSTEIN} (each agent belongs to one of two groups with probability 1/2).`,
  },
  {
    name: 'vision', group: 'citizens', kind: 'number', default: 1.7, min: 1, max: MAX_VISION, unit: 'cells', structural: true,
    description: 'v: radius of a citizen\'s vision (1.7 as a disc = the 8 Moore neighbours).',
    source: `${EPSTEIN} (Model II vision 1.7).`,
  },
  {
    name: 'legitimacy', group: 'citizens', kind: 'number', default: 0.8, min: 0, max: 1, unit: 'index',
    description: 'L: the legitimacy an agent grants the other group; grievance G = H (1 - L). 0.9 keeps G <= 0.1 = T (run 6).',
    source: `${EPSTEIN} (run 6 L = 0.9, runs 7-8 L = 0.8).`,
  },
  {
    name: 'reproduction', group: 'demography', kind: 'number', default: 0.05, min: 0, max: 1, unit: 'probability/tick',
    description: 'Chance per tick that a free citizen clones itself onto an empty adjacent cell (one of its 8 Moore neighbours).',
    source: `${EPSTEIN} (reproduction probability 0.05).`,
  },
  {
    name: 'maxAge', group: 'demography', kind: 'number', default: 200, min: 1, max: 1_000_000, unit: 'ticks',
    description: 'Each citizen dies at an age drawn at birth from U(0, maxAge).',
    source: `${EPSTEIN} (death age from U(0, 200)).`,
  },
  {
    name: 'copDensity', group: 'peacekeepers', kind: 'number', default: 0, min: 0, max: 1, unit: 'share of cells',
    description:
      'Peacekeepers as a share of cells: round(copDensity x cells) are placed on random empty cells at copArrivalTick (the paper sweeps 0 to 0.1). A later scheduled change withdraws or adds peacekeepers to the new count.',
    source: `${EPSTEIN} (run 8 cop density 0.04; sweep 0 to 0.1).`,
  },
  {
    name: 'copArrivalTick', group: 'peacekeepers', kind: 'integer', default: 50, min: 0, max: 36_500, unit: 'tick',
    description: 'Tick at whose start the peacekeepers arrive (0: before the first tick).',
    source: `${EPSTEIN} (peacekeepers placed at t = 50).`,
  },
  {
    name: 'copVision', group: 'peacekeepers', kind: 'number', default: 1.7, min: 1, max: MAX_VISION, unit: 'cells', structural: true,
    description: 'v*: radius of a peacekeeper\'s vision.',
    source: `${EPSTEIN} (vision 1.7).`,
  },
  {
    name: 'maxJail', group: 'peacekeepers', kind: 'integer', default: 15, min: 0, max: MAX_JAIL, unit: 'ticks',
    description: 'Jmax: longest jail term.',
    source: `${EPSTEIN} (Model II Jmax 15).`,
  },
  {
    name: 'neighbourhood', group: 'rules', kind: 'enum', default: 'euclidean', values: ['von-neumann', 'euclidean', 'moore'], unit: '', structural: true,
    description: 'Shape of every vision (as in Model I); the default disc of radius 1.7 is the 8 Moore neighbours.',
    source: `${EPSTEIN} (vision 1.7); ${NETLOGO} (in-radius).`,
  },
  ...RULE_COMMON,
] as const satisfies readonly ParamDef[];

type Preset = { readonly description: string; readonly values: KernelParams };

/** Mesa's example, all of its defaults and rules. */
const MESA_VALUES = {
  width: 40, height: 40, citizenDensity: 0.7, copDensity: 0.074, vision: 7, copVision: 7,
  legitimacy: 0.8, threshold: 0.1, arrestConstant: 2.3, maxJail: 1000,
  arrestRounding: 'half-even', neighbourhood: 'von-neumann', jailTerm: 'inclusive', movement: true,
  outburstThreshold: 50,
} as const satisfies KernelParams;

/** NetLogo's rule switches, on Mesa's scheduling (see the netlogo preset's description). */
const NETLOGO_RULES = { arrestRounding: 'floor', neighbourhood: 'euclidean', jailTerm: 'exclusive' } as const;

const NETLOGO_VALUES = {
  ...MESA_VALUES, ...NETLOGO_RULES, copDensity: 0.04, legitimacy: 0.82, maxJail: 30,
} as const satisfies KernelParams;

const NETLOGO_CAVEAT =
  'Scheduling, set-up and movement stay Mesa\'s (Bernoulli placement per cell, one agent per cell, jailed citizens keep and block their cell, decide then move, cops stay put when movement is off and do not step onto the arrestee\'s cell, terms count down on the prisoner\'s own turn). NetLogo\'s own code (Models Library "Rebellion"; not covered by the reference file) differs: exact agent counts at random places, move before deciding, jailed agents do not block a patch, a cop moves onto its arrestee\'s patch and moves even with movement off, the vision includes the own patch (an active agent counts itself twice in A), and jail terms count down at the end of the tick.';

export const CIVIL_PRESETS: Readonly<Record<string, Preset>> = {
  mesa: {
    description:
      'Mesa 3.3 epstein_civil_violence exactly as the reference file lists it: 40x40, citizen density 0.7, cop density 0.074, vision 7 (von Neumann, 112 cells), L 0.8, Jmax 1000 with randint(0, Jmax), T 0.1, k 2.3, Python round (half to even), movement on. The society stays quiet: actives peak at a few and the jail fills.',
    values: MESA_VALUES,
  },
  netlogo: {
    description:
      `NetLogo Rebellion's defaults (reference file run 2: vision 7, L 0.82, Jmax 30, cop density 0.04; agent density 0.7, k 2.3, T 0.1 as in every run; the 40x40 world, one vision for citizens and cops and movement on are taken from NetLogo's code, which the reference file does not list) with NetLogo's rules: floor rounding, Euclidean disc vision (148 cells), jail term 0..Jmax-1. ${NETLOGO_CAVEAT}`,
    values: NETLOGO_VALUES,
  },
  run1: {
    description:
      `Epstein (2002) run 1: vision 1.7 (the 8 Moore neighbours), L 0.89, Jmax 15, cop density 0.04, no movement. Rules as the netlogo preset (floor, disc, 0..Jmax-1): the paper's text has no rounding; the reference file asks for rounding on in the reference runs.`,
    values: { ...NETLOGO_VALUES, vision: 1.7, copVision: 1.7, legitimacy: 0.89, maxJail: 15, copDensity: 0.04, movement: false },
  },
  run2: {
    description: 'Epstein (2002) run 2 (= NetLogo\'s defaults): vision 7, L 0.82, Jmax 30, cop density 0.04, movement on; rules as the netlogo preset. The paper reports a mean wait between outbursts near 60 ticks.',
    values: NETLOGO_VALUES,
  },
  run3: {
    description: 'Epstein (2002) runs 3 and 4: vision 7, L 0.9, infinite Jmax (1e9), cop density 0.074; rules as the netlogo preset. Schedule legitimacy to 0.7 at tick 77 (sudden drop) or down 0.01 per tick from 77 (gradual) for the legitimacy experiments.',
    values: { ...NETLOGO_VALUES, legitimacy: 0.9, maxJail: MAX_JAIL, copDensity: 0.074 },
  },
  run5: {
    description: 'Epstein (2002) run 5: vision 7, L 0.8, infinite Jmax (1e9), cop density 0.074; rules as the netlogo preset.',
    values: { ...NETLOGO_VALUES, legitimacy: 0.8, maxJail: MAX_JAIL, copDensity: 0.074 },
  },
};

const ETHNIC_BASE = {
  width: 40, height: 40, citizenDensity: 0.7, groupShare: 0.5, vision: 1.7, copVision: 1.7,
  legitimacy: 0.8, threshold: 0.1, arrestConstant: 2.3, maxJail: 15,
  arrestRounding: 'half-even', neighbourhood: 'euclidean', jailTerm: 'inclusive', movement: true,
  reproduction: 0.05, maxAge: 200, copDensity: 0, copArrivalTick: 50,
} as const satisfies KernelParams;

export const ETHNIC_PRESETS: Readonly<Record<string, Preset>> = {
  run6: {
    description: 'Epstein (2002) run 6: L 0.9, no peacekeepers. Grievance H (1 - L) <= 0.1 = T, so nobody ever goes active: peaceful coexistence.',
    values: { ...ETHNIC_BASE, legitimacy: 0.9, copDensity: 0 },
  },
  run7: {
    description: 'Epstein (2002) run 7 (the defaults): L 0.8, no peacekeepers. Local cleansing, then one group eliminated, the victor at random.',
    values: { ...ETHNIC_BASE, legitimacy: 0.8, copDensity: 0 },
  },
  run8: {
    description: 'Epstein (2002) run 8: L 0.8, peacekeepers at density 0.04 placed at t = 50. Safe havens; peacekeepers delay genocide.',
    values: { ...ETHNIC_BASE, legitimacy: 0.8, copDensity: 0.04, copArrivalTick: 50 },
  },
};
