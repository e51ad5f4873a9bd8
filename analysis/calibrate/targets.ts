/**
 * What a documented pattern of a case is (the vocabulary of scenarios/targets/ files): the
 * patterns, their units, and the shape of a case's targets. Here, in analysis/, because the
 * calibration reads them and analysis/ imports nothing from scenarios/; the targets' validator
 * (scenarios/targets/schema.ts) is built on this list.
 */
/** The patterns a target file may document, with how each is read from a run (analysis/calibrate/patterns.ts). */
export const PATTERNS = {
  toll: { unit: 'people', description: 'People of the targeted group killed over the documented window.' },
  killingDays: { unit: 'days', description: 'Days from the first to the last killing of the episode (both counted).' },
  onsetDay: { unit: 'days from the period opening', description: 'Day of the first killing, counted from the day the period opens (day 0).' },
  earlyShare: {
    unit: 'share of the toll',
    description: 'Share of the toll killed within `days` days of the first killing (the shape of the violence: a burst or a slow campaign).',
  },
  forceShare: {
    unit: 'share of the toll',
    description: "Share of the deaths caused by the perpetrators' organised force (army, police, militias) rather than by mobilised civilians.",
  },
  participants: {
    unit: 'people',
    description:
      'People who took part in the killing (documented totals; the model compares its peak number of participants, a lower bound on the total).',
  },
  displaced: { unit: 'people', description: 'People displaced (fled, expelled or moved) over the window: of the targeted group, or everyone where the source counts everyone (`counts`).' },
} as const;

export type PatternName = keyof typeof PATTERNS;
export const PATTERN_NAMES = Object.keys(PATTERNS) as PatternName[];

/** Where a documented window ends on the run's clock (PatternRange.until). */
export const PATTERN_UNTIL = ['close', 'end'] as const;
export type PatternUntil = (typeof PATTERN_UNTIL)[number];

/** Whom a documented displacement counts (PatternRange.counts): the targeted group, or everyone displaced in the area. */
export const DISPLACED_COUNTS = ['targeted', 'all'] as const;
export type DisplacedCounts = (typeof DISPLACED_COUNTS)[number];

export interface PatternRange {
  readonly low: number;
  readonly high: number;
  readonly window?: string;
  /**
   * Where the documented window ends on the run's clock: 'close' (the default), the day the
   * profile's period closes; 'end', the run's last day (the period plus its aftermath), for a
   * figure counted beyond the period. A pattern is read from the run up to that day only.
   */
  readonly until?: PatternUntil;
  readonly source: string;
  readonly note?: string;
  /** earlyShare only: days after the first killing. */
  readonly days?: number;
  /**
   * displaced only: whom the source counts, the targeted group ('targeted', the default) or
   * everyone displaced in the area, whatever their group ('all'); the model reads the same.
   */
  readonly counts?: DisplacedCounts;
}

export interface CaseTargets {
  readonly case: string;
  readonly use: 'fit' | 'holdout';
  readonly patterns: Readonly<Partial<Record<PatternName, PatternRange>>>;
  readonly note?: string;
}
