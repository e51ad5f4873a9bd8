/**
 * The documented patterns of a case, kept apart from its profile: what the calibration fits and
 * the validation predicts, never an input. Neither the model (sim/) nor the mapping
 * (scenarios/mapping.ts) reads these files; a test checks it.
 *
 * Each pattern is a documented range [low, high] in the pattern's unit, with its primary source.
 * Where the sources give one figure, low = high; where they disagree, the range spans them.
 * A pattern the sources do not establish is left out (never guessed).
 */
import * as z from 'zod';
import { DISPLACED_COUNTS, PATTERN_NAMES, PATTERN_UNTIL } from '../../analysis/calibrate/targets';

export { PATTERNS, PATTERN_NAMES, type CaseTargets, type PatternName, type PatternRange } from '../../analysis/calibrate/targets';

const text = (what: string) => z.string({ error: `${what} (a string)` }).regex(/\S/, { error: `${what} (not blank)` });
const nonNeg = (what: string) => z.number({ error: `${what} (a number >= 0)` }).min(0, { error: `${what} (a number >= 0)` });

const range = (extra: z.ZodRawShape = {}) =>
  z
    .strictObject(
      {
        low: nonNeg('the lowest documented value'),
        high: nonNeg('the highest documented value'),
        window: text('the period the figure covers').optional(),
        until: z
          .enum(PATTERN_UNTIL, { error: `where the window ends on the run's clock: "close" (the period's close, the default) or "end" (the run's end, the aftermath included)` })
          .optional(),
        source: text('the primary source (document, page or paragraph) that establishes the range'),
        note: text('a note').optional(),
        ...extra,
      },
      { error: 'an object {low, high, source, window?, until?, note?}' },
    )
    .refine((r) => (r as { low: number }).low <= (r as { high: number }).high, { error: 'low <= high' });

const share = (what: string) => z.number({ error: `${what} (a number from 0 to 1)` }).min(0, { error: `${what} (a number from 0 to 1)` }).max(1, { error: `${what} (a number from 0 to 1)` });

const shareRange = (extra: z.ZodRawShape = {}) =>
  range({ low: share('the lowest documented share'), high: share('the highest documented share'), ...extra });

export const TARGETS_SCHEMA = z.strictObject(
  {
    $schema: z.string().optional(),
    case: z.string({ error: 'the id of a case profile (a string)' }).regex(/^[a-z0-9-]+$/, { error: 'a case id (lowercase letters, digits, hyphens)' }),
    /** Which fits use the case: 'fit' (training and leave-one-out) or 'holdout' (never fitted; predicted only). */
    use: z.enum(['fit', 'holdout'], { error: 'one of "fit", "holdout"' }),
    patterns: z.strictObject(
      {
        toll: range().optional(),
        killingDays: range().optional(),
        onsetDay: range().optional(),
        earlyShare: shareRange({ days: z.number({ error: 'days after the first killing (an integer >= 1)' }).int().min(1) }).optional(),
        forceShare: shareRange().optional(),
        participants: range().optional(),
        displaced: range({
          counts: z
            .enum(DISPLACED_COUNTS, { error: `whom the figure counts: "targeted" (the targeted group, the default) or "all" (everyone displaced in the area)` })
            .optional(),
        }).optional(),
      },
      { error: `an object of documented patterns (${PATTERN_NAMES.join(', ')})` },
    ),
    note: text('a note').optional(),
  },
  { error: 'an object {case, use, patterns, note?}' },
);

