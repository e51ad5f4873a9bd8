/**
 * The scenario file format, defined once: the validator (zod) and the JSON Schema that editors
 * use (`r2p-sim scenarios schema`, scenarios/scenario.schema.json) are both generated from it,
 * and every leaf carries the words an error message needs ("expected ...").
 */
import * as z from 'zod';
import { MAX_TICKS, PARAM_DEFS, ParamError, allowedText, parseSetting, type ParamDef } from '../sim/index';
import { FEATURE_DEFS, type FeatureDef } from './features';
import { AFTERMATH_DAYS, DATE_PATTERN, EVENT_KINDS, dayNumber, timelineIssues, type Timeline } from './timeline';

export const SCENARIO_KINDS = ['case', 'teaching', 'generic'] as const;
export const VERDICTS = ['prevented', 'curbed', 'failed'] as const;
export const CLAIMS = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7', 'H8', 'H9', 'H10', 'H11', 'H12'] as const;

const quoted = (vs: readonly string[]) => vs.map((v) => JSON.stringify(v)).join(', ');

/** Non-blank text; the same rule in the validator and in the JSON Schema (a pattern). */
const text = (what: string, max?: number) => {
  const s = z.string({ error: `${what} (a string)` }).regex(/\S/, { error: `${what} (not blank)` });
  return max === undefined ? s : s.max(max, { error: `${what} of at most ${max} characters` });
};

function featureValue(d: FeatureDef) {
  if (d.kind === 'count') {
    const expected = `an integer from ${d.min} to ${d.max} (${d.unit})`;
    return z.number({ error: expected }).int({ error: expected }).min(d.min, { error: expected }).max(d.max, { error: expected });
  }
  const levels = Object.keys(d.levels);
  return z.enum(levels as [string, ...string[]], { error: `one of ${quoted(levels)}` });
}

function featureEntry(d: FeatureDef) {
  return z
    .strictObject(
      {
        value: featureValue(d),
        source: text('the document and page or paragraph that establishes it'),
        note: text('a note').optional(),
      },
      { error: `an object {value, source, note?} for feature ${d.name}` },
    )
    .describe(d.description);
}

function paramValue(d: ParamDef) {
  const expected = allowedText(d);
  switch (d.kind) {
    case 'boolean':
      return z.boolean({ error: expected });
    case 'enum':
      return z.enum(d.values as unknown as [string, ...string[]], { error: expected });
    case 'integer':
      return z.number({ error: expected }).int({ error: expected }).min(d.min, { error: expected }).max(d.max, { error: expected });
    case 'number':
      return z.number({ error: expected }).min(d.min, { error: expected }).max(d.max, { error: expected });
  }
}

const features = z
  .strictObject(
    Object.fromEntries(FEATURE_DEFS.map((d) => [d.name, featureEntry(d).optional()])),
    { error: 'an object of documented features (see `r2p-sim scenarios mapping`)' },
  )
  .describe('Documented features of the situation, each with its source; mapped to parameters by scenarios/features.ts.')
  .meta({ id: 'features' });

const overrides = z
  .strictObject(
    Object.fromEntries(
      PARAM_DEFS.map((d) => [
        d.name,
        z
          .strictObject({ value: paramValue(d), reason: text('the reason for overriding the mapping') }, { error: `an object {value, reason} for parameter ${d.name}` })
          .describe(d.description)
          .optional(),
      ]),
    ),
    { error: 'an object of parameter overrides (see `r2p-sim params`)' },
  )
  .describe('Explicit parameter values that override the feature mapping, each with its reason.')
  .meta({ id: 'overrides' });

const articleReading = z
  .strictObject(
    {
      verdict: z.enum(VERDICTS, { error: `one of ${quoted(VERDICTS)}` }),
      explicit: z.boolean({ error: 'true if the article itself gives this reading, false if it is inferred' }),
      source: text('the passage of the article (Luck 2018) the reading comes from'),
      note: text('a note').optional(),
    },
    { error: 'an object {verdict, explicit, source, note?}' },
  )
  .describe("The article's own reading of the case: the reference the model's results are set beside, never an input.");

/** A `--set` text that parses, checked by the engine's own parser. */
const setting = z.string({ error: 'a setting "name=value" or "name=value@tick"' }).superRefine((s, ctx) => {
  try {
    parseSetting(s, PARAM_DEFS);
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    ctx.addIssue({ code: 'custom', message: `a valid setting: ${e.message}` });
  }
});

const suggestedComparison = z
  .strictObject(
    {
      label: text('a short label for the second arm', 80),
      question: text('the question the comparison answers'),
      claim: z.enum(CLAIMS, { error: `one of ${quoted(CLAIMS)}` }).optional(),
      set: z.array(setting, { error: 'a list of settings "name=value[@tick]"' }).min(1, { error: 'at least one setting' }),
    },
    { error: 'an object {label, question, claim?, set}' },
  )
  .describe('The counterfactual this teaching scenario is built for: the second arm changes these settings, same seeds.');

// ---- the timeline ---------------------------------------------------------------------------------

/** A calendar date YYYY-MM-DD that exists (2010-02-30 does not). */
const isoDate = z
  .string({ error: 'a date YYYY-MM-DD' })
  .regex(DATE_PATTERN, { error: 'a date YYYY-MM-DD' })
  .refine((d) => dayNumber(d) !== null, { error: 'a calendar date that exists, YYYY-MM-DD (years 1000-9999)' });

const periodBound = (which: string) =>
  z
    .strictObject(
      {
        date: isoDate,
        source: text(`the document that establishes the day the period ${which} (or the reason it was chosen)`),
        note: text('a note').optional(),
      },
      { error: `an object {date, source, note?}: the day the period ${which}` },
    )
    .describe(`The day the period the profile covers ${which} (YYYY-MM-DD), with its source.`);

const timelineEvent = z
  .strictObject(
    {
      date: isoDate.optional().describe('Dated timelines: the date of the event (YYYY-MM-DD).'),
      day: z
        .number({ error: `a day of the run, an integer from 0 to ${MAX_TICKS - 1}` })
        .int({ error: `a day of the run, an integer from 0 to ${MAX_TICKS - 1}` })
        .min(0, { error: `a day of the run, an integer from 0 to ${MAX_TICKS - 1}` })
        .max(MAX_TICKS - 1, { error: `a day of the run, an integer from 0 to ${MAX_TICKS - 1}` })
        .optional()
        .describe('Stylised timelines: the day of the run (0 = the first).'),
      kind: z.enum(EVENT_KINDS, { error: `one of ${quoted(EVENT_KINDS)}` }),
      what: text('what happened, in a line', 240),
      source: text('the document that establishes the event and its date'),
      note: text('a note').optional(),
    },
    { error: 'an event {date or day, kind, what, source, note?}' },
  )
  .describe('A trigger event on the run\'s clock: its day parameter is the days from the day the period opens.');

const timelineShape = {
  opens: periodBound('opens').optional(),
  closes: periodBound('closes').optional(),
  days: z
    .number({ error: `a run length in days, an integer from 1 to ${MAX_TICKS}` })
    .int({ error: `a run length in days, an integer from 1 to ${MAX_TICKS}` })
    .min(1, { error: `a run length in days, an integer from 1 to ${MAX_TICKS}` })
    .max(MAX_TICKS, { error: `a run length in days, an integer from 1 to ${MAX_TICKS}` })
    .optional()
    .describe('Stylised timelines: the run length in days.'),
  events: z.array(timelineEvent, { error: 'a list of events {date or day, kind, what, source, note?} (may be empty)' }),
  note: text('a note').optional(),
};

/** The checks across fields (style, period, duplicates), reported at their paths. */
const timelineChecks = (dated: boolean) => (t: Timeline, ctx: z.RefinementCtx) => {
  for (const i of timelineIssues(t, dated)) ctx.addIssue({ code: 'custom', path: [...i.path], message: i.expected });
};

const TIMELINE_DESCRIPTION = `When things happen: dated (opens, closes, events by date; the run lasts the period plus ${AFTERMATH_DAYS} days) or stylised (days, events by day). Each event sets its day parameter (group "timeline").`;

/** A case's timeline: dated. */
const DATED_TIMELINE = z
  .strictObject(timelineShape, { error: 'a timeline {opens, closes, events, note?}' })
  .superRefine(timelineChecks(true))
  .describe(TIMELINE_DESCRIPTION)
  .meta({ id: 'datedTimeline' });

/** A teaching or generic scenario's timeline: either style. */
const ANY_TIMELINE = z
  .strictObject(timelineShape, { error: 'a timeline {days, events, note?} or {opens, closes, events, note?}' })
  .superRefine(timelineChecks(false))
  .describe(TIMELINE_DESCRIPTION)
  .meta({ id: 'timeline' });

/** What the validator's cross-field checks say, for editors: the two styles, in JSON Schema. */
const DATED_RULES = {
  required: ['opens', 'closes'],
  not: { required: ['days'] },
  properties: { events: { items: { required: ['date'], not: { required: ['day'] } } } },
};
const STYLISED_RULES = {
  required: ['days'],
  not: { anyOf: [{ required: ['opens'] }, { required: ['closes'] }] },
  properties: { events: { items: { required: ['day'], not: { required: ['date'] } } } },
};

const common = {
  $schema: z.string({ error: 'a string (the path or URL of the JSON Schema)' }).optional(),
  id: z
    .string({ error: 'an id of lower-case letters, digits and hyphens' })
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'an id of lower-case letters, digits and hyphens (at most 64)' }),
  title: text('a title', 80),
  period: z.string({ error: 'the period covered, e.g. "1994-04 to 1994-07" (may be empty)' }).max(80, { error: 'a period of at most 80 characters' }),
  summary: text('a one-line summary', 200),
  features,
  overrides,
};

const kindError = { error: `kind: one of ${quoted(SCENARIO_KINDS)}` };

export const SCENARIO_SCHEMA = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ ...common, kind: z.literal('case'), timeline: DATED_TIMELINE, articleReading }, { error: 'a scenario object' }),
      z.strictObject({ ...common, kind: z.literal('teaching'), timeline: ANY_TIMELINE.optional(), suggestedComparison }, { error: 'a scenario object' }),
      z.strictObject({ ...common, kind: z.literal('generic'), timeline: ANY_TIMELINE.optional() }, { error: 'a scenario object' }),
    ],
    kindError,
  )
  .describe('An r2p-sim scenario: a documented case profile, a teaching scenario, or a generic setting.');

/** The JSON Schema for scenario files, generated from SCENARIO_SCHEMA. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(SCENARIO_SCHEMA, {
      target: 'draft-2020-12',
      // The timeline's cross-field rules (superRefine) have no zod-to-JSON equivalent: add them.
      override: ({ zodSchema, jsonSchema }) => {
        if (zodSchema === (DATED_TIMELINE as unknown)) jsonSchema.allOf = [DATED_RULES];
        if (zodSchema === (ANY_TIMELINE as unknown)) jsonSchema.oneOf = [DATED_RULES, STYLISED_RULES];
      },
    }),
    $id: 'https://r2p-sim.invalid/scenario.schema.json',
    title: 'r2p-sim scenario',
  };
}
