/**
 * The sweep file format, defined once: the validator (zod) and the JSON Schema editors use
 * (`r2p-sim sweep schema`) are both generated from it, and every leaf carries the words an error
 * message needs ("expected ..."). This is the shape only; what needs the model (parameter names
 * and ranges, the scenario's run length, summary fields) is checked by resolve.ts, with errors in
 * the same form (file, path, value, expected). docs/sweeps.md documents the format.
 */
import * as z from 'zod';
import { MAX_TICKS, MODELS } from '../../sim/index';

export const DESIGN_KINDS = ['grid', 'lhs', 'morris', 'sobol'] as const;
export const SEED_POLICIES = ['common', 'independent'] as const;
/** Statistics of a series that an outcome may take (`{"series": ..., "stat": ...}`). */
export const SERIES_STATS = ['last', 'max', 'min', 'sum', 'mean', 'argmax'] as const;
/** The most runs one sweep may hold (design points x replicates). */
export const MAX_RUNS = 50_000_000;

const quoted = (vs: readonly string[]) => vs.map((v) => JSON.stringify(v)).join(', ');

const text = (what: string, max?: number) => {
  const s = z.string({ error: `${what} (a string)` }).regex(/\S/, { error: `${what} (not blank)` });
  return max === undefined ? s : s.max(max, { error: `${what} of at most ${max} characters` });
};

const int = (what: string, min: number, max: number) => {
  const expected = `${what}, an integer from ${min} to ${max.toLocaleString('en-US')}`;
  return z.number({ error: expected }).int({ error: expected }).min(min, { error: expected }).max(max, { error: expected });
};

/** A column name, usable in outcome expressions: letters, digits and _, not starting with a digit. */
export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const identifier = (what: string) =>
  z.string({ error: `${what}: a name of letters, digits and _ (a string)` }).regex(IDENTIFIER, { error: `${what}: a name of letters, digits and _, not starting with a digit (at most 64)` });

const finite = (what: string) => z.number({ error: `${what} (a number)` }).refine(Number.isFinite, { error: `${what} (a finite number)` });

const level = z.union([z.number(), z.string(), z.boolean()], { error: 'a level: a number, a text (an enum value) or true/false' });

export const FACTOR_SCHEMA = z
  .strictObject(
    {
      param: z
        .string({ error: 'the name of a parameter of the model (a string)' })
        .optional()
        .describe('A parameter of the model, varied from day 0 (`r2p-sim params` lists them).'),
      name: identifier('the factor\'s name')
        .optional()
        .describe('The factor\'s column name (default: the parameter\'s name). A factor without "param" is a placeholder {name} in the schedule: the value or the tick of a scheduled change.'),
      min: finite('the least value').optional().describe('The least value (numeric factors: with max).'),
      max: finite('the greatest value').optional().describe('The greatest value (numeric factors: with min).'),
      steps: int('values from min to max, evenly spaced (grid only)', 2, 1000).optional().describe('Grid designs: this many evenly spaced values from min to max (rounded for integers).'),
      levels: z
        .array(level, { error: 'a list of levels (numbers, texts or true/false)' })
        .min(2, { error: 'at least 2 levels (a factor with one value is a setting: put it in "params")' })
        .max(1000, { error: 'at most 1000 levels' })
        .optional()
        .describe('The values the factor takes, as a list (enum and boolean parameters: default every value).'),
      note: text('a note').optional(),
    },
    { error: 'a factor {param or name, min and max, or levels, steps?, note?}' },
  )
  .superRefine((f, ctx) => {
    if (f.param === undefined && f.name === undefined) ctx.addIssue({ code: 'custom', message: 'a factor names a parameter ("param") or a schedule placeholder ("name")', path: [] });
    if ((f.min === undefined) !== (f.max === undefined)) ctx.addIssue({ code: 'custom', message: 'min and max together (a range), or neither', path: [f.min === undefined ? 'min' : 'max'] });
    if (f.min !== undefined && f.max !== undefined && !(f.min < f.max)) ctx.addIssue({ code: 'custom', message: `a max above min (${f.min})`, path: ['max'] });
    if (f.levels !== undefined && f.min !== undefined) ctx.addIssue({ code: 'custom', message: 'either levels or min and max, not both', path: ['levels'] });
    if (f.steps !== undefined && f.min === undefined) ctx.addIssue({ code: 'custom', message: 'steps only with min and max', path: ['steps'] });
  })
  .describe('One factor of the design: a parameter from day 0, or the value or tick of a scheduled change ({name} in "schedule").');

const designSeed = int('the seed of the design\'s random draws', 0, Number.MAX_SAFE_INTEGER).optional().describe('Seed of the design\'s own random draws (default 1).');

export const DESIGN_SCHEMA = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('grid') }, { error: 'a grid design {kind: "grid"}' }).describe('Full factorial: every combination of every factor\'s levels (last factor fastest).'),
      z
        .strictObject({ kind: z.literal('lhs'), samples: int('points', 1, 10_000_000), seed: designSeed }, { error: 'a Latin hypercube {kind: "lhs", samples, seed?}' })
        .describe('Latin hypercube: `samples` points, one in each of `samples` strata of every factor.'),
      z
        .strictObject(
          {
            kind: z.literal('morris'),
            trajectories: int('trajectories', 1, 1_000_000),
            levels: int('grid levels, an even number', 2, 100).refine((p) => p % 2 === 0, { error: 'grid levels: an even number from 2 to 100 (Delta = p/(2(p-1)) is then whole grid steps)' }),
            seed: designSeed,
          },
          { error: 'a Morris design {kind: "morris", trajectories, levels, seed?}' },
        )
        .describe('Morris elementary effects: `trajectories` one-at-a-time paths of k + 1 points on a grid of `levels` levels.'),
      z
        .strictObject({ kind: z.literal('sobol'), samples: int('base samples (a power of 2 is best)', 2, 1_000_000), seed: designSeed }, { error: 'a Sobol design {kind: "sobol", samples, seed?}' })
        .describe('Sobol indices with Saltelli (2010) sampling: samples x (k + 2) points.'),
    ],
    { error: `kind: one of ${quoted(DESIGN_KINDS)}` },
  )
  .describe('The sampling design over the factors.');

export const SEEDS_SCHEMA = z
  .strictObject(
    {
      policy: z.enum(SEED_POLICIES, { error: `one of ${quoted(SEED_POLICIES)}` }).optional().describe('common (default): replicate k has the seed base + k at every design point (common random numbers). independent: every run has its own seed, derived from base, point and replicate.'),
      base: int('the base seed', -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 10_000_000).optional().describe('The base seed (default 1).'),
    },
    { error: 'an object {policy?, base?}' },
  )
  .describe('How runs are seeded.');

export const OUTCOME_SCHEMA = z
  .union(
    [
      z.string({ error: 'a summary field' }).describe('A field of the run summary (`r2p-sim run --json` shows them).'),
      z.strictObject({ name: identifier('the outcome\'s name'), expr: text('a mathjs expression', 2000), note: text('a note').optional() }, { error: 'a derived outcome {name, expr}' }).describe('A derived outcome: a mathjs expression over the summary, params, series and the scenario\'s figures.'),
      z
        .strictObject(
          {
            name: identifier('the outcome\'s name').optional(),
            series: z.string({ error: 'the name of a series of the model' }),
            stat: z.enum(SERIES_STATS, { error: `one of ${quoted(SERIES_STATS)}` }),
            note: text('a note').optional(),
          },
          { error: 'a series outcome {series, stat, name?}' },
        )
        .describe('A statistic of one series over the run (name default: series_stat).'),
    ],
    { error: 'an outcome: a summary field, {name, expr} or {series, stat, name?}' },
  );

const paramValue = z.union([z.number(), z.string(), z.boolean()], { error: 'a parameter value (a number, a text or true/false)' });

export const SWEEP_SCHEMA = z
  .strictObject(
    {
      $schema: z.string({ error: 'a string (the path or URL of the JSON Schema)' }).optional(),
      id: z.string({ error: 'an id of lower-case letters, digits and hyphens' }).regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'an id of lower-case letters, digits and hyphens (at most 64)' }),
      title: text('a title', 120).optional(),
      question: text('the question the sweep asks', 1000).optional(),
      model: z
        .enum(MODELS.map((m) => m.id) as [string, ...string[]], { error: `one of ${quoted(MODELS.map((m) => m.id))}` })
        .optional()
        .describe(`The model (default ${MODELS[0].id}).`),
      scenario: text('a built-in scenario id or a scenario file (relative to the sweep file)')
        .optional()
        .describe('Main model only: the scenario the runs start from (default "default"); a path is read relative to the sweep file.'),
      preset: text('a preset of the model').optional().describe('A named parameter preset of the model (the Epstein models\' "mesa", "netlogo").'),
      ticks: int('days (ticks) per run', 1, MAX_TICKS).optional().describe('Run length (default: the scenario\'s, else the model\'s).'),
      params: z
        .record(z.string(), paramValue, { error: 'an object of parameter names to values' })
        .optional()
        .describe('Base parameter values from day 0, on top of the scenario (agents without peoplePerAgent is a resolution, as for `run --agents`).'),
      schedule: z
        .array(z.string({ error: 'a change "name=value@tick" ({factor} may stand for the value or the tick)' }), { error: 'a list of changes "name=value@tick"' })
        .optional()
        .describe('Scheduled changes "name=value@tick"; a placeholder {factor} may stand for the value or the tick.'),
      factors: z.array(FACTOR_SCHEMA, { error: 'a list of factors' }).max(100, { error: 'at most 100 factors' }),
      design: DESIGN_SCHEMA,
      replicates: int('runs per design point', 1, 1_000_000).optional().describe('Runs per design point, each with its own seed (default 1).'),
      seeds: SEEDS_SCHEMA.optional(),
      outcomes: z.array(OUTCOME_SCHEMA, { error: 'a list of outcomes' }).min(1, { error: 'at least one outcome' }).max(500, { error: 'at most 500 outcomes' }),
      note: text('a note').optional(),
    },
    { error: 'a sweep object {id, factors, design, outcomes, ...}' },
  )
  .describe('An r2p-sim sweep: factors and a design over a model and scenario, replicates with a seed policy, and the outcomes to record.');

export type SweepFile = z.infer<typeof SWEEP_SCHEMA>;
export type FactorSpec = z.infer<typeof FACTOR_SCHEMA>;
export type DesignSpec = z.infer<typeof DESIGN_SCHEMA>;
export type OutcomeSpec = z.infer<typeof OUTCOME_SCHEMA>;

/** The JSON Schema for sweep files, generated from SWEEP_SCHEMA. */
export function sweepJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(SWEEP_SCHEMA, { target: 'draft-2020-12', unrepresentable: 'any' }),
    $id: 'https://r2p-sim.invalid/sweep.schema.json',
    title: 'r2p-sim sweep',
  };
}
