/**
 * Colours that survive colour blindness. Categorical: Okabe & Ito (2008), "Color Universal
 * Design", chosen to stay apart under protanopia, deuteranopia and tritanopia. Sequential:
 * viridis (perceptually uniform, monotone in lightness, so it reads in greyscale too). Diverging:
 * Okabe-Ito blue - light grey - vermillion, interpolated in CIELAB: the two ends differ in hue
 * (blue vs orange-red survive red-green deficiencies) and in lightness.
 */
import {
  interpolateLab,
  interpolateViridis,
  piecewise,
  scaleDiverging,
  scaleSequential,
  type ScaleDiverging,
  type ScaleSequential,
} from 'd3';

export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

/**
 * Line colours in order of use. Black is left out (it is the text colour); yellow comes last
 * because it is faint on white (contrast 1.2:1), so it is reached only with seven lines.
 */
export const CATEGORICAL: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
  OKABE_ITO.yellow,
];

/** The i-th categorical colour (wraps around). */
export function categorical(i: number): string {
  const n = CATEGORICAL.length;
  return CATEGORICAL[((Math.trunc(i) % n) + n) % n];
}

/** Sequential interpolators on [0, 1] for heat strips and heatmaps. */
export const sequential: (t: number) => string = interpolateViridis;

export function sequentialScale(domain: readonly [number, number]): ScaleSequential<string> {
  return scaleSequential(sequential).domain([domain[0], domain[1]]).clamp(true);
}

/** Diverging interpolator on [0, 1]: blue (low) - light grey (middle) - vermillion (high). */
export const diverging: (t: number) => string = piecewise(interpolateLab, [
  OKABE_ITO.blue,
  '#F2F2F2',
  OKABE_ITO.vermillion,
]);

/**
 * A diverging scale centred on `mid`. Symmetric by default (the same colour strength for the
 * same distance either side), so a small tail on one side is not painted as strongly as a
 * large one on the other.
 */
export function divergingScale(
  domain: readonly [number, number],
  mid = 0,
  symmetric = true,
): ScaleDiverging<string> {
  let [lo, hi] = domain;
  if (symmetric) {
    const m = Math.max(Math.abs(lo - mid), Math.abs(hi - mid)) || 1;
    lo = mid - m;
    hi = mid + m;
  }
  return scaleDiverging(diverging).domain([lo, mid, hi]).clamp(true);
}

/**
 * Colour of an ordered level (the leadership's rungs): light for the lowest, dark for the
 * highest, so the order also reads as lightness (viridis from yellow to purple, ends trimmed).
 */
export function levelColour(level: number, levels: number): string {
  const t = levels > 1 ? Math.min(1, Math.max(0, level / (levels - 1))) : 0;
  return interpolateViridis(0.92 - 0.82 * t);
}

/** Text on a cell: dark on light fills, white on dark ones. */
export const INK = '#222222';
/** Strokes for "no data" hatching and neutral legend swatches. */
export const NEUTRAL = '#8C8C8C';

export type AgentState =
  | 'bystander'
  | 'perpetrator'
  | 'resisting'
  | 'fled'
  | 'targeted'
  | 'protected'
  | 'killed';
/** The same set under the name the views use. */
export type StateKey = AgentState;

/**
 * Agent states on the population canvas. Perpetrators (vermillion) and the targeted group
 * (blue) are the Okabe-Ito pair that stays furthest apart under protanopia and deuteranopia
 * (CIEDE2000 difference about 50 and 57 after Machado et al. 2009 simulation). Every pair of the
 * seven differs by at least 18 under protanopia and 20 under deuteranopia (12 under tritanopia,
 * between fled and protected). Bystanders are a light grey so the actors stand out; the dead are
 * black. Yellow (resisting) is faint on white: draw the dots on a light grey background or with a
 * thin dark outline.
 */
export const STATE_COLOURS: Readonly<Record<AgentState, { readonly colour: string; readonly label: string }>> = {
  bystander: { colour: '#C8C8C8', label: 'bystander (passive)' },
  perpetrator: { colour: OKABE_ITO.vermillion, label: 'perpetrator (joined the killing)' },
  resisting: { colour: OKABE_ITO.yellow, label: 'resisting or sheltering' },
  fled: { colour: OKABE_ITO.skyBlue, label: 'fled' },
  targeted: { colour: OKABE_ITO.blue, label: 'targeted group, still in place' },
  protected: { colour: OKABE_ITO.bluishGreen, label: 'under protection' },
  killed: { colour: OKABE_ITO.black, label: 'killed' },
};

/**
 * The colours of a grid model's cell categories (the Epstein models), by the keys their
 * gridView gives: cops black, the rebelling or killing in vermillion and blue, the quiet in
 * lighter shades of their group's hue, the jailed grey, empty cells white. An unknown key is grey.
 */
export const GRID_COLOURS: Readonly<Record<string, string>> = {
  empty: '#FFFFFF',
  cop: '#000000',
  quiet: '#56B4E9',
  active: '#D55E00',
  jailed: '#999999',
  'quiet-a': '#56B4E9',
  'active-a': '#0072B2',
  'jailed-a': '#B3B3B3',
  'quiet-b': '#F0B960',
  'active-b': '#D55E00',
  'jailed-b': '#808080',
};
export const gridColour = (key: string): string => GRID_COLOURS[key] ?? '#BBBBBB';
