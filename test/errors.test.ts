/**
 * Invalid input is refused with a ParamError naming the field, the value given and what is
 * expected — never a crash deep in the engine, never a NaN in the results. The CLI reports the
 * same errors in one line on stderr with exit code 2.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  PARAM_DEFS,
  ParamError,
  showValue,
  createModel,
  defaultParams,
  parseRunFile,
  parseSetting,
  resolveParams,
  validateSchedule,
  type RunSpec,
  type ScheduledChange,
} from '../sim/index';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// The engine validates against a model's definitions; these tests use the main model's.
const resolveMain = (o: Readonly<Record<string, unknown>>) => resolveParams(o, defaultParams(), PARAM_DEFS);
const parseMainSetting = (text: string) => parseSetting(text, PARAM_DEFS);
const validateMainSchedule = (s: readonly ScheduledChange[], ticks: number) => validateSchedule(s, ticks, PARAM_DEFS);

/** Run `fn`, expect a ParamError, check its parts and that the message names each of them. */
function expectParamError(fn: () => unknown, field: string, value: unknown, expected: RegExp | string): ParamError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'should throw a ParamError').toBeInstanceOf(ParamError);
  const e = caught as ParamError;
  expect(e.name).toBe('ParamError');
  expect(e.field).toBe(field);
  expect(Object.is(e.value, value) || JSON.stringify(e.value) === JSON.stringify(value), `value ${String(e.value)}`).toBe(true);
  if (typeof expected === 'string') expect(e.expected).toContain(expected);
  else expect(e.expected).toMatch(expected);
  expect(e.message).toContain(field);
  expect(e.message).toContain(`got ${showValue(value)}`);
  expect(e.message).toContain(e.expected);
  // A NaN in a message would mean the value given was lost on the way.
  if (!Number.isNaN(value)) expect(e.message).not.toContain('NaN');
  return e;
}

describe('resolveParams', () => {
  it('refuses an unknown name, with a did-you-mean hint for a near miss', () => {
    const e = expectParamError(() => resolveMain({ incitment: 0.5 }), 'params.incitment', 'incitment', 'known parameter name');
    expect(e.message).toContain('did you mean "incitement"?');
    const far = expectParamError(() => resolveMain({ zzzzzzzzzzzz: 1 }), 'params.zzzzzzzzzzzz', 'zzzzzzzzzzzz', 'known parameter name');
    expect(far.message).not.toContain('did you mean');
  });

  it('refuses a number out of range', () => {
    expectParamError(() => resolveMain({ deterrence: 1.5 }), 'params.deterrence', 1.5, 'a number from 0 to 1');
    expectParamError(() => resolveMain({ deterrence: -0.1 }), 'params.deterrence', -0.1, 'a number from 0 to 1');
    expectParamError(() => resolveMain({ agents: 99 }), 'params.agents', 99, 'an integer from 100 to 2000000');
  });

  it('refuses NaN and infinities', () => {
    for (const v of [NaN, Infinity, -Infinity]) {
      expect(() => resolveMain({ killRate: v })).toThrow(ParamError);
      expect(() => resolveMain({ killRate: v })).toThrow(/killRate: got .*, expected a number from 0 to 1/);
    }
  });

  it('refuses the wrong type', () => {
    expectParamError(() => resolveMain({ deterrence: '0.5' }), 'params.deterrence', '0.5', 'a number from 0 to 1');
    expectParamError(() => resolveMain({ patron: 'true' }), 'params.patron', 'true', 'true or false');
    expectParamError(() => resolveMain({ patron: 1 }), 'params.patron', 1, 'true or false');
    expectParamError(() => resolveMain({ mandate: 1 }), 'params.mandate', 1, 'one of "weak", "robust"');
    expectParamError(() => resolveMain({ deterrence: null }), 'params.deterrence', null, 'a number from 0 to 1');
  });

  it('refuses a non-integer for an integer parameter', () => {
    expectParamError(() => resolveMain({ mediators: 2.5 }), 'params.mediators', 2.5, 'an integer from 0 to 12');
    expectParamError(() => resolveMain({ agents: 1000.5 }), 'params.agents', 1000.5, 'an integer from 100 to 2000000');
  });

  it('refuses a value outside an enum', () => {
    expectParamError(
      () => resolveMain({ perpetratorType: 'militia' }),
      'params.perpetratorType',
      'militia',
      'one of "government", "armed-group", "extremist-armed-group"',
    );
    expectParamError(() => resolveMain({ mandate: 'Robust' }), 'params.mandate', 'Robust', 'one of "weak", "robust"');
  });

  it('accepts -0 as zero and stores +0 (a run file could not replay -0)', () => {
    const p = resolveMain({ incitement: -0, forceDelay: -0 });
    expect(Object.is(p.incitement, 0)).toBe(true);
    expect(Object.is(p.forceDelay, 0)).toBe(true);
    expect(Object.is(parseMainSetting('deterrence=-0').value, 0)).toBe(true);
  });

  it('refuses something that is not an object of overrides', () => {
    expectParamError(() => resolveMain([] as unknown as Record<string, unknown>), 'params', [], 'an object of parameter names to values');
  });
});

describe('parseSetting and validateSchedule', () => {
  it('refuses a setting without a value', () => {
    expectParamError(() => parseMainSetting('deterrence'), '--set', 'deterrence', 'name=value or name=value@tick');
  });

  it('refuses a value of the wrong form', () => {
    expectParamError(() => parseMainSetting('deterrence=abc'), '--set deterrence', 'abc', 'a number from 0 to 1');
    expectParamError(() => parseMainSetting('deterrence='), '--set deterrence', '', 'a number from 0 to 1');
    expectParamError(() => parseMainSetting('mediators=two'), '--set mediators', 'two', 'an integer from 0 to 12');
    expectParamError(() => parseMainSetting('patron=yes'), '--set patron', 'yes', 'true or false');
  });

  it('refuses a bad tick', () => {
    expectParamError(() => parseMainSetting('deterrence=0.8@-3'), '--set deterrence@tick', '-3', 'a whole tick from 0');
    expectParamError(() => parseMainSetting('deterrence=0.8@x'), '--set deterrence@tick', 'x', 'a whole tick from 0');
    expectParamError(() => parseMainSetting('deterrence=0.8@1.5'), '--set deterrence@tick', '1.5', 'a whole tick from 0');
  });

  it('parses good settings', () => {
    expect(parseMainSetting('deterrence=0.8@30')).toEqual({ tick: 30, name: 'deterrence', value: 0.8 });
    expect(parseMainSetting(' patron = true ')).toEqual({ tick: 0, name: 'patron', value: true });
    expect(parseMainSetting('mandate=robust@5')).toEqual({ tick: 5, name: 'mandate', value: 'robust' });
  });

  it('refuses a structural parameter changed mid-run', () => {
    const change = parseMainSetting('agents=500@10');
    expect(change).toEqual({ tick: 10, name: 'agents', value: 500 });
    expectParamError(() => validateMainSchedule([change], 60), 'schedule[0].tick (agents)', 10, 'agents shapes the world at set-up and cannot change mid-run');
    // At tick 0 it is part of the set-up and allowed.
    expect(validateMainSchedule([{ ...change, tick: 0 }], 60)).toEqual([{ tick: 0, name: 'agents', value: 500 }]);
  });

  it('refuses a change beyond the run, or with a bad name or value', () => {
    const at = (c: unknown) => () => validateMainSchedule([c as ScheduledChange], 60);
    expectParamError(at({ tick: 60, name: 'deterrence', value: 0.8 }), 'schedule[0].tick (deterrence)', 60, 'an integer tick from 0 to 59 (the run has 60 ticks)');
    expectParamError(at({ tick: 2.5, name: 'deterrence', value: 0.8 }), 'schedule[0].tick (deterrence)', 2.5, 'an integer tick from 0 to 59');
    expectParamError(at({ tick: 5, name: 'deterence', value: 0.8 }), 'schedule[0].name', 'deterence', 'did you mean "deterrence"?');
    expectParamError(at({ tick: 5, name: 'deterrence', value: 8 }), 'schedule[0].value (deterrence)', 8, 'a number from 0 to 1');
    expectParamError(() => validateMainSchedule('soon' as unknown as ScheduledChange[], 60), 'schedule', 'soon', 'a list of {tick, name, value}');
  });
});

describe('createModel', () => {
  const make = (spec: unknown) => () => createModel(spec as RunSpec);

  it('refuses a bad run length', () => {
    expectParamError(make({ seed: 1, ticks: 0 }), 'ticks', 0, 'an integer from 1 to 36500');
    expectParamError(make({ seed: 1, ticks: 1.5 }), 'ticks', 1.5, 'an integer from 1 to 36500');
    expectParamError(make({ seed: 1, ticks: 'x' }), 'ticks', 'x', 'an integer from 1 to 36500');
    expectParamError(make({ seed: 1, ticks: 36_501 }), 'ticks', 36_501, 'an integer from 1 to 36500');
  });

  it('refuses a bad seed', () => {
    expectParamError(make({ seed: '', ticks: 5 }), 'seed', '', 'a safe integer or a non-empty string');
    expectParamError(make({ seed: {}, ticks: 5 }), 'seed', {}, 'a safe integer or a non-empty string');
    expectParamError(make({ seed: 1.5, ticks: 5 }), 'seed', 1.5, 'a safe integer or a non-empty string');
    expectParamError(make({ seed: 2 ** 53, ticks: 5 }), 'seed', 2 ** 53, 'a safe integer or a non-empty string');
    expectParamError(make({ seed: 'x'.repeat(201), ticks: 5 }), 'seed', 'x'.repeat(201), 'at most 200 characters');
    expectParamError(make({ ticks: 5 }), 'seed', undefined, 'a safe integer or a non-empty string');
  });

  it('refuses bad parameters and schedules before building anything', () => {
    expectParamError(make({ seed: 1, ticks: 5, params: { deterrence: 2 } }), 'params.deterrence', 2, 'a number from 0 to 1');
    expectParamError(
      make({ seed: 1, ticks: 60, schedule: [{ tick: 60, name: 'deterrence', value: 0.8 }] }),
      'schedule[0].tick (deterrence)',
      60,
      'the run has 60 ticks',
    );
    expectParamError(
      make({ seed: 1, ticks: 60, schedule: [{ tick: 10, name: 'agents', value: 500 }] }),
      'schedule[0].tick (agents)',
      10,
      'cannot change mid-run',
    );
  });

  it('refuses a missing spec with a TypeError that says what is needed', () => {
    expect(make(null)).toThrow(TypeError);
    expect(make(null)).toThrow(/spec \{params, seed, ticks, schedule\}/);
  });

  it('gives a clear error when stepped past the end', () => {
    const m = createModel({ seed: 1, ticks: 2, params: { agents: 100 } });
    m.run();
    expect(() => m.step()).toThrow(/the run is complete \(2 ticks\)/);
  });
});

describe('parseRunFile', () => {
  const valid = {
    format: 'r2p-sim/run@1',
    engine: { name: 'r2p-sim', version: '0.1.0', model: 'r2p-luck-2018/2' },
    params: {},
    schedule: [],
    seed: 1,
    ticks: 5,
    hash: 'a'.repeat(64),
    series: {},
    events: [],
  };

  it('refuses garbage, naming the first field that is wrong', () => {
    expectParamError(() => parseRunFile(null, 'f.json'), 'f.json: (top level)', null, 'a JSON object');
    expectParamError(() => parseRunFile('hello', 'f.json'), 'f.json: (top level)', 'hello', 'a JSON object');
    expectParamError(() => parseRunFile([1, 2], 'f.json'), 'f.json: (top level)', [1, 2], 'a JSON object');
    expectParamError(() => parseRunFile({}, 'f.json'), 'f.json: format', undefined, '"r2p-sim/run@1"');
    expectParamError(() => parseRunFile({ ...valid, format: 'r2p-sim/run@0' }, 'f.json'), 'f.json: format', 'r2p-sim/run@0', '"r2p-sim/run@1"');
    expectParamError(() => parseRunFile({ ...valid, params: 3 }, 'f.json'), 'f.json: params', 3, 'an object');
    expectParamError(() => parseRunFile({ ...valid, schedule: {} }, 'f.json'), 'f.json: schedule', {}, 'an array');
    expectParamError(() => parseRunFile({ ...valid, seed: true }, 'f.json'), 'f.json: seed', true, 'a number or string');
    expectParamError(() => parseRunFile({ ...valid, ticks: '5' }, 'f.json'), 'f.json: ticks', '5', 'a number');
    expectParamError(() => parseRunFile({ ...valid, hash: 'abc' }, 'f.json'), 'f.json: hash', 'abc', 'a 64-digit hex SHA-256');
    expectParamError(() => parseRunFile({ ...valid, series: null }, 'f.json'), 'f.json: series', null, 'an object of arrays');
    expectParamError(() => parseRunFile({ ...valid, events: 'none' }, 'f.json'), 'f.json: events', 'none', 'an array');
    expectParamError(() => parseRunFile({ ...valid, engine: undefined }, 'f.json'), 'f.json: engine', undefined, 'an object {name, version, model}');
    expectParamError(() => parseRunFile({ ...valid, engine: { ...valid.engine, model: 2 } }, 'f.json'), 'f.json: engine.model', 2, 'text');
    expectParamError(() => parseRunFile({ ...valid, scenario: 7 }, 'f.json'), 'f.json: scenario', 7, 'a scenario label');
    expectParamError(() => parseRunFile({ ...valid, model: 'netlogo' }, 'f.json'), 'f.json: model', 'netlogo', 'one of "r2p-luck-2018"');
    // Inputs are checked against the file's model, with the file named.
    expectParamError(() => parseRunFile({ ...valid, params: { incitment: 0.5 } }, 'f.json'), 'f.json: params.incitment', 'incitment', 'did you mean "incitement"');
    expectParamError(() => parseRunFile({ ...valid, seed: 1.5 }, 'f.json'), 'f.json: seed', 1.5, 'a safe integer');
    expectParamError(
      () => parseRunFile({ ...valid, model: 'epstein-civil-violence', params: { incitement: 0.5 } }, 'f.json'),
      'f.json: params.incitement',
      'incitement',
      'model epstein-civil-violence',
    );
    expect(parseRunFile(valid)).toBe(valid);
  });
});

describe('CLI errors', () => {
  function cli(...args: string[]) {
    return spawnSync(process.execPath, ['cli/r2p-sim.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  }

  /** Exit code 2, nothing on stdout, one line on stderr (no stack trace) containing every `parts`. */
  function expectUsageError(args: string[], ...parts: string[]) {
    const r = cli(...args);
    const what = `r2p-sim ${args.join(' ')}: ${r.stderr}`;
    expect(r.status, what).toBe(2);
    expect(r.stdout, what).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines, what).toHaveLength(1);
    expect(lines[0], what).toMatch(/^r2p-sim: error: /);
    expect(r.stderr, what).not.toMatch(/\n\s+at |Error:|node:internal/);
    for (const p of parts) expect(lines[0], what).toContain(p);
  }

  it('reports a parameter out of range in one line with exit code 2', () => {
    expectUsageError(['run', '--ticks', '5', '--set', 'deterrence=2'], 'deterrence', 'got 2', 'a number from 0 to 1');
    expectUsageError(['run', '--ticks', '5', '--deterrence', '2'], '--deterrence', 'got 2', 'a number from 0 to 1');
    expectUsageError(['run', '--ticks', '5', '--agents', '50'], '--agents', 'got 50', 'an integer from 100 to 2000000');
  });

  it('reports unknown names, bad forms, bad enums and bad ticks the same way', () => {
    expectUsageError(['run', '--ticks', '5', '--set', 'incitment=0.5'], 'incitment', 'did you mean "incitement"?');
    expectUsageError(['run', '--ticks', '5', '--set', 'deterrence'], '--set', '"deterrence"', 'name=value');
    expectUsageError(['run', '--ticks', '5', '--set', 'deterrence=abc'], 'deterrence', 'got "abc"', 'a number from 0 to 1');
    expectUsageError(['run', '--ticks', '5', '--set', 'deterrence=0.8@-3'], 'deterrence@tick', '"-3"', 'a whole tick from 0');
    expectUsageError(['run', '--ticks', '60', '--set', 'agents=500@10'], 'agents', 'got 10', 'cannot change mid-run');
    expectUsageError(['run', '--ticks', '60', '--set', 'deterrence=0.8@100'], 'deterrence', 'got 100', 'from 0 to 59');
    expectUsageError(['run', '--ticks', '5', '--perpetrator-type', 'militia'], '--perpetrator-type', '"militia"', '"extremist-armed-group"');
    expectUsageError(['run', '--ticks', '0'], '--ticks', '"0"');
    expectUsageError(['run', '--ticks', '1.5'], '--ticks', '"1.5"');
    expectUsageError(['run', '--seed', ''], '--seed', 'a safe integer or a non-empty string');
    expectUsageError(['run', '--scenario', 'nope'], '--scenario', '"nope"');
  });

  it('reports an unreadable or invalid run file to replay in one line with exit code 2', () => {
    expectUsageError(['replay', 'test/no-such-file.run.json'], 'test/no-such-file.run.json');
    expectUsageError(['replay', 'package.json'], 'package.json', 'format');
  });
});
