/**
 * The outcomes a sweep records for each run: summary fields, statistics of series, and derived
 * outcomes written as mathjs expressions. Expressions are data, never JavaScript: they are parsed
 * by a limited mathjs instance (its `import`, `createUnit`, `evaluate`, `parse`, `simplify` and
 * `derivative` are disabled inside expressions, as mathjs's security notes advise), and before that
 * every node of the parsed expression is checked against a whitelist: known variables, a fixed
 * list of functions, property access only as `series.NAME`, `params.NAME` or `scenario.NAME` with
 * a known NAME. No assignment, no function definition, no index, no object literal. Nothing is ever
 * passed to `eval` or `Function`.
 *
 * An expression sees (docs/sweeps.md):
 * - every field of the run's summary by name (true/false as 1/0, a missing value (null) as NaN);
 * - `affectedPopulation`: the people the run models (agents x peoplePerAgent; the scenario's
 *   documented population when it has one, since the mapping spreads that over the agents);
 * - `params.NAME`: the run's parameters at day 0 (factors included);
 * - `series.NAME`: a series of the run, one value per day;
 * - `scenario.NAME`: the scenario's documented figures (count features in people or as shares,
 *   level features as text), where the scenario documents them;
 * - helpers: firstAbove(s, v) and firstBelow(s, v) (the first day the series is above / below v;
 *   NaN when it never is), lastAbove(s, v) (the last such day), daysAbove(s, v), last(s),
 *   at(s, day), argmax(s), upTo(s, day) (the series from day 0 to `day`, for a statistic over a
 *   window: max(upTo(series.perpetrators, 30))), and mathjs's max, min, sum, mean, median, std, ...
 * A result that is not a finite number (NaN: e.g. firstAbove never crossing) is recorded as a
 * missing value (an empty cell, null), and summary statistics count only the runs with a value.
 */
import { all, create, type MathNode } from 'mathjs';
import type { OutcomeSpec } from './schema';

/** What a summary field holds, from a probe run of the model. */
export type FieldKind = 'number' | 'boolean' | 'text' | 'list' | 'nullable';

/** What an expression can refer to, for the static check. */
export interface OutcomeContext {
  readonly summaryFields: ReadonlyMap<string, FieldKind>;
  readonly series: readonly string[];
  readonly params: readonly string[];
  /** The scenario's documented figures (names), when the run has a scenario. */
  readonly figures: readonly string[];
  /** Whether `affectedPopulation` is defined (the model has agents and peoplePerAgent). */
  readonly population: boolean;
}

/** One outcome, checked, as the workers evaluate it (plain data, cheap to post). */
export interface OutcomePlan {
  readonly name: string;
  /** 'field': a summary field; 'expr': an expression (series outcomes are written as one). */
  readonly kind: 'field' | 'expr';
  readonly field?: string;
  readonly expr?: string;
  /** text: a summary field of text (kept as is); number: everything else. */
  readonly type: 'number' | 'text';
}

export interface OutcomeSet {
  readonly outcomes: readonly OutcomePlan[];
  /** The series the expressions read (only these are handed to them). */
  readonly series: readonly string[];
}

// ---- the limited mathjs instance ------------------------------------------------------------

const seriesArg = (s: unknown, fn: string): ArrayLike<number> => {
  if (Array.isArray(s) || ArrayBuffer.isView(s)) return s as unknown as ArrayLike<number>;
  throw new Error(`${fn}: expected a series (series.NAME) as the first argument`);
};

/** Helpers over series (a day is a 0-based tick). */
const HELPERS: Record<string, (...args: never[]) => number | number[]> = {
  firstAbove(s: unknown, v: number) {
    const a = seriesArg(s, 'firstAbove');
    for (let i = 0; i < a.length; i++) if (a[i] > v) return i;
    return NaN;
  },
  firstBelow(s: unknown, v: number) {
    const a = seriesArg(s, 'firstBelow');
    for (let i = 0; i < a.length; i++) if (a[i] < v) return i;
    return NaN;
  },
  lastAbove(s: unknown, v: number) {
    const a = seriesArg(s, 'lastAbove');
    for (let i = a.length - 1; i >= 0; i--) if (a[i] > v) return i;
    return NaN;
  },
  daysAbove(s: unknown, v: number) {
    const a = seriesArg(s, 'daysAbove');
    let n = 0;
    for (let i = 0; i < a.length; i++) if (a[i] > v) n++;
    return n;
  },
  last(s: unknown) {
    const a = seriesArg(s, 'last');
    return a.length ? a[a.length - 1] : NaN;
  },
  at(s: unknown, day: number) {
    const a = seriesArg(s, 'at');
    if (!Number.isInteger(day) || day < 0 || day >= a.length) throw new Error(`at(series, day): day ${String(day)} is outside the run (days 0 to ${a.length - 1})`);
    return a[day];
  },
  upTo(s: unknown, day: number) {
    const a = seriesArg(s, 'upTo');
    if (!Number.isInteger(day) || day < 0 || day >= a.length) throw new Error(`upTo(series, day): day ${String(day)} is outside the run (days 0 to ${a.length - 1})`);
    return Array.from(a).slice(0, day + 1);
  },
  argmax(s: unknown) {
    const a = seriesArg(s, 'argmax');
    let best = -Infinity;
    let at = NaN;
    for (let i = 0; i < a.length; i++) if (a[i] > best) [best, at] = [a[i], i];
    return at;
  },
};

/**
 * The limited mathjs instance, made on first use: the helpers added, then the functions that could
 * reach beyond an expression disabled (mathjs's security notes); its parser kept for this module.
 */
let limited: ((expr: string) => MathNode) | undefined;
function parse(expr: string): MathNode {
  if (!limited) {
    const math = create(all, { matrix: 'Array', number: 'number' });
    math.import(HELPERS, { override: true });
    // Keep the parser before it is disabled for expressions.
    const own = math.parse.bind(math);
    const disabled = (name: string) => () => {
      throw new Error(`function ${name} is disabled in outcome expressions`);
    };
    math.import(
      Object.fromEntries(['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'derivative', 'compile', 'resolve', 'reviver', 'chain'].map((n) => [n, disabled(n)])),
      { override: true },
    );
    limited = (e: string) => own(e);
  }
  return limited(expr);
}

/** The functions an expression may call. */
export const FUNCTIONS: readonly string[] = [
  ...Object.keys(HELPERS),
  'abs', 'ceil', 'floor', 'round', 'fix', 'sign', 'sqrt', 'cbrt', 'exp', 'log', 'log10', 'log2', 'pow', 'mod',
  'min', 'max', 'sum', 'mean', 'median', 'std', 'variance', 'prod', 'count', 'isNaN', 'equalText', 'compareText',
];
const FUNCTION_SET = new Set(FUNCTIONS);
const CONSTANTS = new Set(['pi', 'e', 'tau', 'NaN', 'Infinity']);
const OBJECTS = ['series', 'params', 'scenario'] as const;

/** The problem with an expression, or null when it is allowed; `used` collects the series it reads. */
export function checkExpression(expr: string, ctx: OutcomeContext, used: Set<string> = new Set()): string | null {
  let node: MathNode;
  try {
    node = parse(expr);
  } catch (e) {
    return `an expression mathjs can parse (${(e as Error).message})`;
  }
  const vars = new Set<string>([...[...ctx.summaryFields.keys()], ...(ctx.population ? ['affectedPopulation'] : [])]);
  const keysOf: Record<(typeof OBJECTS)[number], readonly string[]> = { series: ctx.series, params: ctx.params, scenario: ctx.figures };
  const problem = (n: MathNode): string | null => {
    switch (n.type) {
      case 'ConstantNode':
        return null;
      case 'ParenthesisNode':
        return problem((n as unknown as { content: MathNode }).content);
      case 'OperatorNode':
      case 'RelationalNode':
      case 'ConditionalNode':
      case 'ArrayNode': {
        for (const c of childrenOf(n)) {
          const p = problem(c);
          if (p) return p;
        }
        return null;
      }
      case 'SymbolNode': {
        const name = (n as unknown as { name: string }).name;
        if (vars.has(name) || CONSTANTS.has(name)) return null;
        if ((OBJECTS as readonly string[]).includes(name)) return `${name} used as a value: write ${name}.NAME`;
        if (FUNCTION_SET.has(name)) return `${name} used as a value: call it, ${name}(...)`;
        const fields = [...ctx.summaryFields.keys()].slice(0, 12).join(', ');
        return `a known name, not "${name}": a summary field (${fields}, ...), affectedPopulation, series.NAME, params.NAME, scenario.NAME or a constant (pi, e)`;
      }
      case 'FunctionNode': {
        const f = n as unknown as { fn: MathNode; args: MathNode[] };
        const fname = f.fn.type === 'SymbolNode' ? (f.fn as unknown as { name: string }).name : null;
        if (fname === null || !FUNCTION_SET.has(fname)) return `a call of an allowed function (${FUNCTIONS.join(', ')}), not ${fname === null ? 'a computed function' : `"${fname}"`}`;
        for (const a of f.args) {
          const p = problem(a);
          if (p) return p;
        }
        return null;
      }
      case 'AccessorNode': {
        const a = n as unknown as { object: MathNode; index: { dimensions: MathNode[] } };
        const obj = a.object.type === 'SymbolNode' ? (a.object as unknown as { name: string }).name : null;
        const dims = a.index.dimensions;
        const key = dims.length === 1 && dims[0].type === 'ConstantNode' ? (dims[0] as unknown as { value: unknown }).value : undefined;
        if (obj === null || !(OBJECTS as readonly string[]).includes(obj) || typeof key !== 'string') {
          return 'property access only as series.NAME, params.NAME or scenario.NAME (no other property or index)';
        }
        const keys = keysOf[obj as (typeof OBJECTS)[number]];
        if (!keys.includes(key)) {
          if (obj === 'scenario' && keys.length === 0) return `scenario.${key}: the run's scenario documents no figures`;
          return `${obj}.${key} to name a known ${obj === 'series' ? 'series' : obj === 'params' ? 'parameter' : 'documented figure'} (${keys.slice(0, 10).join(', ')}${keys.length > 10 ? ', ...' : ''})`;
        }
        if (obj === 'series') used.add(key);
        return null;
      }
      default:
        return `no ${n.type.replace(/Node$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} (assignments, function definitions, blocks, objects, ranges and indexing are not allowed)`;
    }
  };
  return problem(node);
}

function childrenOf(n: MathNode): MathNode[] {
  const out: MathNode[] = [];
  n.forEach((c: MathNode) => out.push(c));
  return out;
}

export interface OutcomeIssue {
  /** Index of the outcome in the sweep's list, and the field inside it ('' for a plain name). */
  readonly index: number;
  readonly field: string;
  readonly value: unknown;
  readonly expected: string;
}

/** The outcome's column name. */
export function outcomeName(o: OutcomeSpec): string {
  if (typeof o === 'string') return o;
  if ('expr' in o) return o.name;
  return o.name ?? `${o.series}_${o.stat}`;
}

/** Check the outcomes of a sweep against what a run provides; the plans, and every problem. */
export function planOutcomes(specs: readonly OutcomeSpec[], ctx: OutcomeContext): { readonly set: OutcomeSet; readonly issues: OutcomeIssue[] } {
  const issues: OutcomeIssue[] = [];
  const outcomes: OutcomePlan[] = [];
  const used = new Set<string>();
  specs.forEach((o, index) => {
    const name = outcomeName(o);
    if (typeof o === 'string') {
      const kind = ctx.summaryFields.get(o);
      if (kind === undefined) {
        issues.push({ index, field: '', value: o, expected: `a field of the run summary (${[...ctx.summaryFields.keys()].join(', ')}), or a derived outcome {name, expr}` });
      } else if (kind === 'list') {
        issues.push({ index, field: '', value: o, expected: `a field holding one value (${o} is a list: write {"name": "${o}Count", "expr": "count(${o})"})` });
      } else outcomes.push({ name, kind: 'field', field: o, type: kind === 'text' ? 'text' : 'number' });
      return;
    }
    let expr: string;
    let field: string;
    if ('expr' in o) {
      expr = o.expr;
      field = 'expr';
    } else {
      if (!ctx.series.includes(o.series)) {
        issues.push({ index, field: 'series', value: o.series, expected: `a series of the model (${ctx.series.slice(0, 12).join(', ')}, ...)` });
        return;
      }
      expr = `${o.stat}(series.${o.series})`;
      field = 'stat';
    }
    const p = checkExpression(expr, ctx, used);
    if (p) issues.push({ index, field, value: expr, expected: p });
    else outcomes.push({ name, kind: 'expr', expr, type: 'number' });
  });
  return { set: { outcomes, series: [...used].sort() }, issues };
}

// ---- evaluation -------------------------------------------------------------------------------

/** What one run provides to its outcomes. */
export interface RunValues {
  readonly summary: Readonly<Record<string, unknown>>;
  readonly params: Readonly<Record<string, unknown>>;
  readonly series: Readonly<Record<string, ArrayLike<number>>>;
  readonly figures: Readonly<Record<string, number | string>>;
}

export type OutcomeValue = number | string | null;

/** A compiled outcome set: evaluate(run) gives one value per outcome, in order. */
export interface OutcomeEvaluator {
  evaluate(run: RunValues): OutcomeValue[];
}

const num = (v: number): number | null => (Number.isFinite(v) ? (v === 0 ? 0 : v) : null);

/** A summary field as an expression sees it: true/false as 1/0, null as NaN. */
function scopeValue(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === undefined) return NaN;
  if (Array.isArray(v)) return [...v];
  return v;
}

export function compileOutcomes(set: OutcomeSet): OutcomeEvaluator {
  const compiled = set.outcomes.map((o) => (o.kind === 'expr' ? parse(o.expr!).compile() : null));
  return {
    evaluate(run) {
      let scope: Record<string, unknown> | undefined;
      const scopeOf = () => {
        if (scope) return scope;
        const s: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(run.summary)) s[k] = scopeValue(v);
        const agents = run.params.agents;
        const ppa = run.params.peoplePerAgent;
        if (typeof agents === 'number' && typeof ppa === 'number' && !('affectedPopulation' in s)) s.affectedPopulation = agents * ppa;
        const series: Record<string, number[]> = {};
        for (const name of set.series) if (run.series[name]) series[name] = Array.from(run.series[name]);
        s.series = series;
        s.params = { ...run.params };
        s.scenario = { ...run.figures };
        return (scope = s);
      };
      return set.outcomes.map((o, i): OutcomeValue => {
        if (o.kind === 'field') {
          const v = run.summary[o.field!];
          if (typeof v === 'number') return num(v);
          if (typeof v === 'boolean') return v ? 1 : 0;
          if (typeof v === 'string') return v;
          if (v === null || v === undefined) return null;
          throw new Error(`outcome ${o.name}: the summary field holds ${Array.isArray(v) ? 'a list' : `a ${typeof v}`}, expected one value`);
        }
        const v: unknown = compiled[i]!.evaluate(scopeOf());
        if (typeof v === 'number') return num(v);
        if (typeof v === 'boolean') return v ? 1 : 0;
        const what = Array.isArray(v) ? 'a list' : typeof v === 'string' ? `the text ${JSON.stringify(v).slice(0, 40)}` : `a ${typeof v}`;
        throw new Error(`outcome ${o.name}: ${o.expr} gave ${what}, expected a number`);
      });
    },
  };
}
