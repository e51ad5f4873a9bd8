/**
 * The app's state (state.ts) as a URL query string and back. The URL is data, never code: every
 * piece is parsed and checked with the engine's own validators (sim/index.ts) against the chosen
 * model's parameter definitions, and a bad piece is reported (field, value, what was expected)
 * and dropped while the rest is kept. No DOM here: it runs in Node for the tests.
 *
 * The grammar (the query is application/x-www-form-urlencoded: each value is percent-decoded,
 * and "+" reads as a space, before the rules below apply to it):
 *
 *   query    = [ "?" ] pair *( "&" pair )        at most MAX_QUERY_CHARS characters
 *   pair     = key "=" value                     keys in any order; unknown keys are reported
 *   view     = "run" | "compare" | "sweep"                          default: run
 *   model    = a model id of the engine's registry (MODELS)         default: r2p-luck-2018
 *   scenario = a built-in scenario id (main model only)             default: default
 *   seed     = the seed as written, read by parseSeed               default: 1
 *   ticks    = digits: the days to run, 1..36500                    default: the scenario's run length
 *   set      = setting                           repeatable, at most MAX_SETTINGS in all (with arms' changes)
 *   arm      = label ":" [ change *( ";" change ) ]   repeatable, at most MAX_ARMS
 *
 *   setting  = name "=" value [ "@" tick ]       exactly the CLI's `--set` (parseSetting): name in
 *                                                camelCase or kebab-case; without "@tick" (or with
 *                                                "@0") a parameter from day 0 (state.params), with
 *                                                "@tick" (tick > 0) a change during the run
 *                                                (state.schedule)
 *   label    = any text but empty, at most MAX_LABEL_CHARS characters, in which "\" is written
 *              "\\" and ":" is written "\:" (the label ends at the first ":" not so escaped; a
 *              "\" before any other character stands for that character)
 *   change   = a setting in which "\" is written "\\" and ";" is written "\;" (the changes are
 *              split at each ";" not so escaped); tick 0 is written without "@0"
 *
 * Checks: each setting against the chosen model's ParamDefs (name, kind, range); a tick must lie
 * in the run (before `ticks`, else the scenario's run length, else the model's defaultTicks), and
 * a structural parameter changes only at tick 0 (validateSchedule). The last of several settings
 * of one parameter (at one tick) wins, as on the command line. Arm labels are unique (a repeated
 * label is reported and that arm dropped); an arm may have no changes yet (`arm=Label:`).
 *
 * Examples:
 *   view=compare&scenario=kenya-2008&seed=7&ticks=200&set=deterrence=0.8&set=deterrence=0.9@120
 *   arm=Deterrence%20from%20day%2060:deterrence=0.8@60;impartiality=0.2@60
 *   arm=Ratio%205%5C:1%20%3Cb%3E%F0%9F%95%8A:counterMessaging=0.7@15   (label "Ratio 5:1 <b>🕊"; %5C is "\")
 *   arm=Early;%20late:deterrence=0.8;impartiality=0.2@60                  (label "Early; late")
 *   model=epstein-civil-violence&seed=run-7%20%F0%9F%8E%B2&ticks=200&set=legitimacy=0.8&set=legitimacy=0.6@50
 * The CLI's `--set deterrence=0.9@120` pastes as `set=deterrence=0.9@120`, and its `--arm NAME
 * --set a=1@60 --set b=2@60` as `arm=NAME:a=1@60;b=2@60`.
 *
 * The encoding is canonical: fields equal to DEFAULT_STATE are left out, keys come in the order
 * above, day-0 parameters (sorted by name) before the schedule and each arm's changes (sorted by
 * tick, then name; names in code-unit order, not the
 * locale's), and numbers as JavaScript writes them (String(x): the shortest text that reads back
 * as the same number), so one state gives one URL. Values are percent-encoded except the
 * characters A-Z a-z 0-9 - . _ ~ ! * ' ( ) : ; = @ , / (readable, and safe in a query value); a
 * last character that link-finders in chat and mail tend to cut off (. , : ; ! ? ' ( ) * @ =) is
 * percent-encoded too.
 */
import {
  DEFAULT_MODEL,
  MAX_TICKS,
  MODELS,
  ParamError,
  SHOWN_CHARS,
  closestName,
  modelKernel,
  parseSeed,
  parseSetting,
  showValue,
  validateSchedule,
  validateTicks,
  type ParamDefs,
  type ParamValue,
  type ScheduleEntry,
  type ScheduledChange,
} from '../../sim/index';
import { scenarioIds, scenarioRunLength } from './scenarios';
import { DEFAULT_STATE, VIEWS, type AppState, type ArmState, type ViewName } from './state';

/** One refused piece of a URL: the field, the value as given, what was expected, and the message. */
export interface StateIssue {
  readonly field: string;
  readonly value: string;
  readonly expected: string;
  /** "field: got value, expected ..." (the engine's ParamError wording). */
  readonly message: string;
}

export interface DecodeOptions {
  /** The scenario ids a URL may name (default: the app's, built-in and opened from files). */
  readonly scenarios?: readonly string[];
  /**
   * A scenario's run length in days, when the URL gives no `ticks` (default: the app's scenario's
   * own, scenarioRunLength). Undefined: unknown, and then only MAX_TICKS bounds the ticks.
   */
  readonly runLength?: (scenario: string) => number | undefined;
}

export const MAX_QUERY_CHARS = 65_536;
/** `set` values and arms' changes together. */
export const MAX_SETTINGS = 500;
export const MAX_ARMS = 8;
export const MAX_LABEL_CHARS = 200;

/** The query keys, in the order encodeState writes them. */
export const KEYS = ['view', 'model', 'scenario', 'seed', 'ticks', 'set', 'arm'] as const;

// ---- encoding ---------------------------------------------------------------------------------

/** Characters left as they are in a value (besides A-Z a-z 0-9). */
const KEEP = new Set("-._~!*'():;=@,/");
/** A last character that link-finders drop from a URL's end. */
const TRAILING = new Set(".,:;!?'()*@=");

const hex = (c: string) =>
  Array.from(new TextEncoder().encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/** Percent-encode one value (UTF-8), keeping the readable characters of KEEP. */
function encodeValue(text: string): string {
  let out = '';
  // A lone surrogate has no UTF-8 form; it becomes U+FFFD (as any URL parser would make it).
  for (const ch of text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')) {
    out += /^[A-Za-z0-9]$/.test(ch) || KEEP.has(ch) ? ch : hex(ch);
  }
  return out;
}

/** A value as the CLI writes it (`paramText` keeps 6 digits for show; a URL keeps them all). */
function valueText(v: unknown): string {
  return typeof v === 'number' ? String(v === 0 ? 0 : v) : String(v);
}

/** `name=value` or `name=value@tick` (tick > 0): the CLI's `--set` text of one change. */
export function settingText(c: { readonly tick: number; readonly name: string; readonly value: unknown }): string {
  return `${c.name}=${valueText(c.value)}${c.tick > 0 ? `@${c.tick}` : ''}`;
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const byTickThenName = (a: ScheduleEntry, b: ScheduleEntry) => a.tick - b.tick || byName(a, b);

const escapeLabel = (s: string) => s.replace(/[\\:]/g, (c) => `\\${c}`);
const escapeChange = (s: string) => s.replace(/[\\;]/g, (c) => `\\${c}`);

/** One arm as the `arm` value (before percent-encoding): label ":" changes joined by ";". */
export function armText(arm: ArmState): string {
  const changes = [...arm.changes].sort(byTickThenName).map((c) => escapeChange(settingText(c)));
  return `${escapeLabel(arm.label)}:${changes.join(';')}`;
}

/**
 * The state as a query string (without "?"): short, readable, and the same for the same state.
 * Schedule entries at tick 0 are written as day-0 settings (`name=value`, as the CLI folds them
 * into the parameters), so they read back into `params`.
 */
export function encodeState(state: AppState): string {
  const pairs: [string, string][] = [];
  if (state.view !== DEFAULT_STATE.view) pairs.push(['view', state.view]);
  if (state.model !== DEFAULT_MODEL) pairs.push(['model', state.model]);
  if (state.scenario !== DEFAULT_STATE.scenario) pairs.push(['scenario', state.scenario]);
  if (state.seed !== DEFAULT_STATE.seed) pairs.push(['seed', state.seed]);
  if (state.ticks !== undefined && state.ticks !== DEFAULT_STATE.ticks) pairs.push(['ticks', String(state.ticks)]);
  const params = Object.entries(state.params)
    .map(([name, value]) => ({ tick: 0, name, value }))
    .sort(byName);
  for (const c of params) pairs.push(['set', settingText(c)]);
  for (const c of [...state.schedule].sort(byTickThenName)) pairs.push(['set', settingText(c)]);
  for (const arm of state.arms) pairs.push(['arm', armText(arm)]);
  const query = pairs.map(([k, v]) => `${k}=${encodeValue(v)}`).join('&');
  const last = query.at(-1);
  return last !== undefined && TRAILING.has(last) ? query.slice(0, -1) + hex(last) : query;
}

// ---- decoding ---------------------------------------------------------------------------------

/** What a text value shows in an issue: as given, cut to about SHOWN_CHARS characters. */
function shown(v: unknown): string {
  if (typeof v === 'string') return v.length <= SHOWN_CHARS ? v : `${v.slice(0, SHOWN_CHARS)}... (${v.length.toLocaleString('en-US')} characters)`;
  return showValue(v);
}

function issue(field: string, value: unknown, expected: string): StateIssue {
  return fromError(new ParamError(field, value, expected));
}

function fromError(e: ParamError): StateIssue {
  return { field: e.field, value: shown(e.value), expected: e.expected, message: e.message };
}

/** The engine's `--set` field names, as the URL's key: "--set x@tick" -> "set x@tick". */
function urlField(field: string, prefix: string): string {
  return field.startsWith('--set') ? `${prefix}${field.slice('--set'.length)}` : `${prefix} ${field}`;
}

/** Split `text` at each `sep` not escaped by "\", unescaping; `limit` pieces at most (the last takes the rest raw). */
function splitEscaped(text: string, sep: string, limit = Infinity): { parts: string[]; dangling: boolean } {
  const parts: string[] = [];
  let cur = '';
  let dangling = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (parts.length === limit - 1) {
      parts.push(text.slice(i));
      return { parts, dangling };
    }
    if (ch === '\\') {
      if (i + 1 < text.length) cur += text[++i];
      else dangling = true;
    } else if (ch === sep) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return { parts, dangling };
}

/** The last wins among entries of one (tick, name); sorted by tick then name. */
function lastWins<T extends ScheduleEntry>(entries: readonly T[]): T[] {
  const m = new Map<string, T>();
  for (const c of entries) {
    const key = `${c.tick} ${c.name}`;
    m.delete(key);
    m.set(key, c);
  }
  return [...m.values()].sort(byTickThenName);
}

interface Reader {
  readonly defs: ParamDefs;
  readonly ticks: number;
  readonly issues: StateIssue[];
}

/** One `--set`-style text checked against the defs and the run (parseSetting, validateSchedule). */
function readSetting(r: Reader, text: string, prefix: string): ScheduledChange | undefined {
  let c: ScheduledChange;
  try {
    c = parseSetting(text, r.defs);
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    r.issues.push(issue(urlField(e.field, prefix), e.value, e.expected));
    return undefined;
  }
  try {
    validateSchedule([c], r.ticks, r.defs);
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    r.issues.push(issue(`${prefix} ${c.name}@tick`, c.tick, e.expected));
    return undefined;
  }
  return c;
}

/**
 * Read a query string (with or without "?") into a state. Never throws: each bad piece gives an
 * issue naming the field, the value and what was expected, and is dropped; the rest is kept.
 */
export function decodeState(query: string, opts: DecodeOptions = {}): { state: AppState; errors: StateIssue[] } {
  const issues: StateIssue[] = [];
  try {
    return { state: decode(String(query), opts, issues), errors: issues };
  } catch (e) {
    // Not reached by any input we know of; a URL must never break the app.
    issues.push(issue('query', query, `a readable query (${e instanceof Error ? e.message : String(e)})`));
    return { state: DEFAULT_STATE, errors: issues };
  }
}

function decode(query: string, opts: DecodeOptions, issues: StateIssue[]): AppState {
  const text = query.startsWith('?') ? query.slice(1) : query;
  if (text.length > MAX_QUERY_CHARS) {
    issues.push(issue('query', text, `at most ${MAX_QUERY_CHARS.toLocaleString('en-US')} characters (this one has ${text.length.toLocaleString('en-US')}); nothing of it was read`));
    return DEFAULT_STATE;
  }
  const raw = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(text)) {
    if ((KEYS as readonly string[]).includes(key)) {
      const list = raw.get(key) ?? [];
      list.push(value);
      raw.set(key, list);
    } else {
      const best = closestName(key, KEYS);
      const name = key === '' ? '(a key with no name)' : key;
      issues.push(issue(`query key ${JSON.stringify(shown(name))}`, value, `one of the keys ${KEYS.join(', ')}${best ? ` (did you mean "${best}"?)` : ''}`));
    }
  }
  /** The one value of a key given at most once (the last, when given more often: reported). */
  const single = (key: string): string | undefined => {
    const list = raw.get(key);
    if (!list) return undefined;
    if (list.length > 1) {
      issues.push(issue(key, list.slice(0, -1).join(', '), `one ${key} (given ${list.length} times; the last, ${JSON.stringify(shown(list.at(-1)))}, is used)`));
    }
    return list.at(-1);
  };

  // view
  let view: ViewName = DEFAULT_STATE.view;
  const viewText = single('view');
  if (viewText !== undefined) {
    if ((VIEWS as readonly string[]).includes(viewText)) view = viewText as ViewName;
    else {
      const best = closestName(viewText, VIEWS);
      issues.push(issue('view', viewText, `one of ${VIEWS.map((v) => JSON.stringify(v)).join(', ')}${best ? ` (did you mean "${best}"?)` : ''}`));
    }
  }

  // model
  let model = DEFAULT_MODEL;
  const modelText = single('model');
  if (modelText !== undefined) {
    try {
      model = modelKernel(modelText, 'model').id;
    } catch (e) {
      if (!(e instanceof ParamError)) throw e;
      const best = closestName(modelText, MODELS.map((m) => m.id));
      issues.push(issue(e.field, e.value, `${e.expected}${best ? ` (did you mean "${best}"?)` : ''}`));
    }
  }
  const kernel = modelKernel(model);
  const isMain = model === DEFAULT_MODEL;

  // scenario
  let scenario = DEFAULT_STATE.scenario;
  const scenarioText = single('scenario');
  if (scenarioText !== undefined && scenarioText !== DEFAULT_STATE.scenario) {
    const known = opts.scenarios ?? scenarioIds();
    if (!isMain) {
      issues.push(issue('scenario', scenarioText, `no scenario for model ${model} (scenarios describe situations for the model ${DEFAULT_MODEL}), or "${DEFAULT_STATE.scenario}"`));
    } else if (known.includes(scenarioText)) scenario = scenarioText;
    else if (scenarioText.startsWith('file:')) {
      // A scenario opened from a file lives in the page that opened it; a link cannot carry it.
      issues.push(issue('scenario', scenarioText, 'a built-in scenario id, or a scenario file opened in this page (open the file again: a link cannot carry it)'));
    } else {
      const best = closestName(scenarioText, known);
      issues.push(issue('scenario', scenarioText, `a built-in scenario id${best ? ` (did you mean "${best}"?)` : ''}`));
    }
  }

  // seed
  let seed = DEFAULT_STATE.seed;
  const seedText = single('seed');
  if (seedText !== undefined) {
    try {
      parseSeed(seedText, 'seed');
      seed = seedText;
    } catch (e) {
      if (!(e instanceof ParamError)) throw e;
      issues.push(issue(e.field, seedText, e.expected));
    }
  }

  // ticks
  let ticks: number | undefined;
  const ticksText = single('ticks');
  if (ticksText !== undefined) {
    const expected = `an integer from 1 to ${MAX_TICKS} (days), or no ticks for the scenario's run length`;
    if (!/^\s*\+?\d{1,9}\s*$/.test(ticksText)) issues.push(issue('ticks', ticksText, expected));
    else {
      try {
        ticks = validateTicks(Number(ticksText), 'ticks');
      } catch (e) {
        if (!(e instanceof ParamError)) throw e;
        issues.push(issue('ticks', ticksText, expected));
      }
    }
  }
  const runLength = ticks ?? (isMain ? (opts.runLength ?? scenarioRunLength)(scenario) : kernel.defaultTicks) ?? MAX_TICKS;
  const reader: Reader = { defs: kernel.params, ticks: runLength, issues };

  // settings: parameters from day 0 and the schedule
  let budget = MAX_SETTINGS;
  const setTexts = raw.get('set') ?? [];
  if (setTexts.length > budget) {
    issues.push(issue('set', `${setTexts.length} settings`, `at most ${MAX_SETTINGS} settings in a URL (the first ${MAX_SETTINGS} are read)`));
  }
  const settings: ScheduledChange[] = [];
  for (const t of setTexts.slice(0, budget)) {
    const c = readSetting(reader, t, 'set');
    if (c) settings.push(c);
  }
  budget -= Math.min(budget, setTexts.length);
  const params: Record<string, ParamValue> = {};
  for (const c of settings) if (c.tick === 0) params[c.name] = c.value;
  const schedule = lastWins(settings.filter((c) => c.tick > 0));

  // arms
  const armTexts = raw.get('arm') ?? [];
  if (armTexts.length > MAX_ARMS) {
    issues.push(issue('arm', `${armTexts.length} arms`, `at most ${MAX_ARMS} arms (the first ${MAX_ARMS} are read)`));
  }
  const arms: ArmState[] = [];
  armTexts.slice(0, MAX_ARMS).forEach((t, i) => {
    const field = `arm ${i + 1}`;
    const { parts } = splitEscaped(t, ':', 2);
    if (parts.length < 2) {
      issues.push(issue(field, t, 'label:name=value@tick;name=value@tick... (":" ends the label; write "\\:" for a ":" in it)'));
      return;
    }
    const [label, rest] = parts;
    if (label.trim() === '' || label.length > MAX_LABEL_CHARS) {
      issues.push(issue(`${field} label`, label, `a label of 1 to ${MAX_LABEL_CHARS} characters, not only spaces`));
      return;
    }
    if (arms.some((a) => a.label === label)) {
      issues.push(issue(`${field} label`, label, 'a label no other arm has'));
      return;
    }
    const armField = `arm ${JSON.stringify(label.length > 40 ? `${label.slice(0, 40)}...` : label)}`;
    const { parts: changeTexts, dangling } = rest === '' ? { parts: [], dangling: false } : splitEscaped(rest, ';');
    if (dangling) issues.push(issue(`${armField} changes`, rest, 'changes with each "\\" followed by the character it escapes ("\\\\" or "\\;")'));
    if (changeTexts.length > budget) {
      issues.push(issue(`${armField} changes`, `${changeTexts.length} changes`, `at most ${MAX_SETTINGS} settings and arms' changes in all in a URL (${budget} left; the first ${budget} are read)`));
    }
    const changes: ScheduledChange[] = [];
    for (const ct of changeTexts.slice(0, budget)) {
      const c = readSetting(reader, ct, armField);
      if (c) changes.push(c);
    }
    budget -= Math.min(budget, changeTexts.length);
    arms.push({ label, changes: lastWins(changes) });
  });

  return { view, model, scenario, seed, ...(ticks !== undefined ? { ticks } : {}), params, schedule, arms };
}
