/**
 * A scenario's clock: the period it covers and the trigger events in it, each on its day.
 *
 * Two styles, exactly one per file:
 *   dated       (cases)    opens and closes dates, events by date: day d is `opens` + d days;
 *   stylised    (teaching) a run length in days, events by day number.
 * The one rule from an event to its parameter: its day counted from the day the period opens
 * (tick 0). An agreement dated before the period opens was already signed (day 0); any other
 * event outside the period cannot be placed on the run's clock and is refused, as is a second
 * event of one kind (the model takes one of each). The run length of a dated scenario is the
 * period, opens to closes inclusive, plus AFTERMATH_DAYS, so that what follows the documented
 * period (killing that goes on, measures that arrive late) stays in the run.
 *
 * Pure: no clock, no time zones (all dates are whole days on the proleptic Gregorian calendar).
 */
import { DEFAULT_TICKS, MAX_TICKS, ParamError, type ParamName } from '../sim/index';
import { pathText, valueAt } from '../analysis/json-issues';

export const EVENT_KINDS = [
  'election',
  'leader-killed',
  'coup',
  'uprising',
  'offensive',
  'town-falls',
  'clash',
  'agreement',
  'mediation-starts',
  'leadership-change',
  'outside-force-arrives',
  'un-deployment',
] as const;

export type EventKind = (typeof EVENT_KINDS)[number];

/** The parameter each kind of event sets (sim group 'timeline'). */
export const EVENT_PARAM: Readonly<Record<EventKind, ParamName>> = {
  election: 'electionDay',
  'leader-killed': 'leaderKilledDay',
  coup: 'coupDay',
  uprising: 'uprisingDay',
  offensive: 'offensiveDay',
  'town-falls': 'townFallsDay',
  clash: 'clashDay',
  agreement: 'agreementDay',
  'mediation-starts': 'mediationStartDay',
  'leadership-change': 'leadershipChangeDay',
  'outside-force-arrives': 'outsideForceDay',
  'un-deployment': 'peacekeepersFromDay',
};

/**
 * Days a dated scenario runs past the day its period closes: long enough for a late Council
 * measure (authorised force arrives about 30 days after authorisation) or an inquiry to act,
 * and for killing that outlasts the documented period to show. The same for every case.
 */
export const AFTERMATH_DAYS = 60;

export interface PeriodBound {
  readonly date: string;
  readonly source: string;
  readonly note?: string;
}

export interface TimelineEvent {
  /** Dated style: the calendar date (YYYY-MM-DD). */
  readonly date?: string;
  /** Stylised style: the day of the run (0 = the first). */
  readonly day?: number;
  readonly kind: EventKind;
  readonly what: string;
  readonly source: string;
  readonly note?: string;
}

export interface Timeline {
  /** Dated style: the period the profile covers. */
  readonly opens?: PeriodBound;
  readonly closes?: PeriodBound;
  /** Stylised style: the run length in days. */
  readonly days?: number;
  readonly events: readonly TimelineEvent[];
  readonly note?: string;
}

/** A timeline with dates: where its days come from. */
export type DatedTimeline = Timeline & { readonly opens: PeriodBound; readonly closes: PeriodBound };

export const isDated = (t: Timeline): t is DatedTimeline => t.opens !== undefined && t.closes !== undefined && t.days === undefined;

// ---- calendar dates -----------------------------------------------------------------------------

const DAY_MS = 86_400_000;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Days since 1970-01-01 of a real calendar date YYYY-MM-DD (years 1000-9999), or null. */
export function dayNumber(date: string): number | null {
  if (!DATE_PATTERN.test(date)) return null;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (y < 1000 || m < 1 || m > 12 || d < 1) return null;
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2010-02-30 over to 2010-03-02; a real date comes back unchanged.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / DAY_MS);
}

/** YYYY-MM-DD of a day number. */
export function dateOfDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both valid dates): 2007-12-01 to 2007-12-30 is 29. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to)! - dayNumber(from)!;
}

// ---- checks ---------------------------------------------------------------------------------------

/** One problem, at a path relative to the timeline (for the validator's messages). */
export interface TimelineIssue {
  readonly path: readonly (string | number)[];
  readonly expected: string;
}

const STYLES = 'a timeline is either dated (opens, closes and events with a date: a case) or stylised (days and events with a day: teaching and generic scenarios), never both';

/**
 * Every problem of a timeline whose fields each have the right shape already (the schema checks
 * types, kinds and date formats): the style, dates outside the period, days outside the run, a
 * second event of one kind, a run longer than the engine allows. `dated` asks for the dated style.
 */
export function timelineIssues(t: Timeline, dated = false): TimelineIssue[] {
  const out: TimelineIssue[] = [];
  const hasDates = t.opens !== undefined || t.closes !== undefined;
  if (hasDates && t.days !== undefined) {
    out.push({ path: ['days'], expected: `no "days" beside opens and closes: ${STYLES}` });
    return out;
  }
  if (dated && t.days !== undefined) {
    out.push({ path: ['days'], expected: 'opens and closes dates instead: a case is dated (the period its profile covers, each date with its source)' });
    return out;
  }
  if (dated || hasDates) {
    if (t.opens === undefined) out.push({ path: ['opens'], expected: 'a required field: the date the period opens {date, source}' });
    if (t.closes === undefined) out.push({ path: ['closes'], expected: 'a required field: the date the period closes {date, source}' });
  } else if (t.days === undefined) {
    out.push({ path: ['days'], expected: `a required field: the run length in days (or opens and closes dates); ${STYLES}` });
  }
  if (out.length) return out;

  if (isDated(t)) {
    const opens = t.opens.date;
    const closes = t.closes.date;
    const length = daysBetween(opens, closes);
    if (length < 0) out.push({ path: ['closes', 'date'], expected: `a date on or after the day the period opens (${opens})` });
    else if (length + 1 + AFTERMATH_DAYS > MAX_TICKS)
      out.push({ path: ['closes', 'date'], expected: `a period of at most ${MAX_TICKS - AFTERMATH_DAYS} days (the run adds ${AFTERMATH_DAYS} days of aftermath and takes at most ${MAX_TICKS})` });
    t.events.forEach((e, i) => {
      if (e.day !== undefined) out.push({ path: ['events', i, 'day'], expected: `a date instead of a day: this timeline is dated (${STYLES})` });
      if (e.date === undefined) {
        if (e.day === undefined) out.push({ path: ['events', i, 'date'], expected: 'a required field: the date of the event (YYYY-MM-DD)' });
        return;
      }
      if (length < 0) return;
      const d = daysBetween(opens, e.date);
      if (d > length)
        out.push({
          path: ['events', i, 'date'],
          expected: `a date on or before the day the period closes (${closes}): an event after the period cannot be placed on the run's clock; extend closes (with its source) or leave the event out`,
        });
      else if (d < 0 && e.kind !== 'agreement')
        out.push({
          path: ['events', i, 'date'],
          expected: `a date on or after the day the period opens (${opens}): only an agreement may predate the period (it is then already signed, day 0); open the period earlier (with its source) or leave the event out`,
        });
    });
  } else {
    const days = t.days!;
    t.events.forEach((e, i) => {
      if (e.date !== undefined) out.push({ path: ['events', i, 'date'], expected: `a day instead of a date: this timeline is stylised (${STYLES})` });
      if (e.day === undefined) {
        if (e.date === undefined) out.push({ path: ['events', i, 'day'], expected: 'a required field: the day of the run the event happens on (0 = the first)' });
        return;
      }
      if (e.day >= days) out.push({ path: ['events', i, 'day'], expected: `a day of the run, from 0 to ${days - 1} (the timeline runs ${days} days)` });
    });
  }
  const first = new Map<EventKind, number>();
  t.events.forEach((e, i) => {
    const at = first.get(e.kind);
    if (at === undefined) first.set(e.kind, i);
    else out.push({ path: ['events', i, 'kind'], expected: `a kind not given before (events[${at}] is already "${e.kind}"): the model takes one event of each kind` });
  });
  return out;
}

// ---- from a timeline to days ------------------------------------------------------------------------

/** One event placed on the run's clock. */
export interface PlacedEvent {
  readonly kind: EventKind;
  readonly param: ParamName;
  /** Day of the run, counted from the day the period opens (tick 0). */
  readonly day: number;
  /** The event's own date (dated timelines), which may predate the period for an agreement. */
  readonly date?: string;
  readonly what: string;
  readonly source: string;
  readonly note?: string;
}

/**
 * The events on the run's clock: the one mapping from dates (or day numbers) to the timeline
 * parameters. Throws a ParamError naming `file` for a timeline that fails the checks (only
 * reachable for a scenario built in code: a file is checked when it is read).
 */
export function placeEvents(t: Timeline, file: string): PlacedEvent[] {
  const issues = timelineIssues(t);
  if (issues.length) {
    const i = issues[0];
    throw new ParamError(`${file}: timeline.${pathText(i.path)}`, valueAt(t, i.path), i.expected);
  }
  return t.events.map((e) => {
    const day = isDated(t) ? Math.max(0, daysBetween(t.opens.date, e.date!)) : e.day!;
    return { kind: e.kind, param: EVENT_PARAM[e.kind], day, date: e.date, what: e.what, source: e.source, note: e.note };
  });
}

// ---- run length and dates of a scenario ----------------------------------------------------------------

/** The days a timeline's run lasts: the period plus the aftermath, or its stated days. */
export function timelineTicks(t: Timeline): number {
  return isDated(t) ? daysBetween(t.opens.date, t.closes.date) + 1 + AFTERMATH_DAYS : t.days!;
}

/** The run length of a scenario: its timeline's, or the model's default without one. */
export function scenarioTicks(s: { readonly timeline?: Timeline }): number {
  return s.timeline ? timelineTicks(s.timeline) : DEFAULT_TICKS;
}

/**
 * The day of a scenario's run on which its documented period closes (the day its timeline closes;
 * the run's last day without a dated period). Documented patterns are counted up to it.
 */
export function scenarioCloseDay(s: { readonly timeline?: Timeline }): number {
  const t = s.timeline;
  return t && isDated(t) ? daysBetween(t.opens.date, t.closes.date) : scenarioTicks(s) - 1;
}

/**
 * The calendar date of a day of a scenario's run (day 0 = the day its period opens), or null
 * when the scenario is not dated.
 */
export function scenarioDate(s: { readonly timeline?: Timeline }, day: number): string | null {
  const t = s.timeline;
  if (!t || !isDated(t) || !Number.isFinite(day)) return null;
  return dateOfDayNumber(dayNumber(t.opens.date)! + Math.round(day));
}
