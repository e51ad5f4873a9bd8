/**
 * House rules for the engine source (sim/): no hidden sources of nondeterminism, no arithmetic
 * whose last bit depends on the JavaScript engine (the same hash in Node and a browser), nothing from
 * Node or the DOM (it runs in a browser worker too), no imports from the layers above it, the
 * rooms kept apart (the engine knows no model, no model knows another); and a complete,
 * consistent parameter schema.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PARAM_DEFS, allowedText, defaultParams, resolveParams, type ParamDef } from '../sim/index';
import { specifiers } from './helpers/imports';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIM = join(ROOT, 'sim');

const SOURCES = (readdirSync(SIM, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .sort()
  .map((f) => {
    const path = join(SIM, f);
    const text = readFileSync(path, 'utf8');
    return { path, name: relative(ROOT, path), text, code: stripComments(text) };
  });

/** The code with comments blanked out (strings and template literals are kept). */
function stripComments(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const n = src[i + 1];
    if (c === '/' && n === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && n === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      out += src.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The code with the text of string and template literals blanked (template `${...}` code is kept). */
function stripStrings(code: string): string {
  const out = code.split('');
  const open: number[] = []; // for each `${` we are inside, the braces opened since
  let i = 0;
  while (i < code.length) {
    const c = code[i];
    if (c === "'" || c === '"') {
      let j = i + 1;
      for (; j < code.length && code[j] !== c && code[j] !== '\n'; j++) {
        out[j] = ' ';
        if (code[j] === '\\') out[++j] = ' ';
      }
      i = j + 1;
    } else if (c === '`' || (c === '}' && open.length > 0 && open[open.length - 1] === 0)) {
      if (c === '}') open.pop();
      let j = i + 1;
      for (; j < code.length && code[j] !== '`' && !(code[j] === '$' && code[j + 1] === '{'); j++) {
        if (code[j] !== '\n') out[j] = ' ';
        if (code[j] === '\\') out[++j] = ' ';
      }
      if (code[j] === '$') {
        open.push(0);
        i = j + 2;
      } else i = j + 1;
    } else {
      if (open.length > 0 && c === '{') open[open.length - 1]++;
      if (open.length > 0 && c === '}') open[open.length - 1]--;
      i++;
    }
  }
  return out.join('');
}

/**
 * The Math members whose results every JS engine agrees on: the spec makes these exact or
 * correctly rounded, and the constants exact. Math.log, exp, cos, pow (and `**`) and the other
 * transcendentals are each engine's own approximation (Node 20 and Chromium differ in the last
 * bit), so sim/ takes those from sim/engine/portable-math.ts.
 */
const MATH_ALLOWED = new Set([
  'abs', 'ceil', 'floor', 'round', 'trunc', 'sign', 'min', 'max', 'sqrt', 'fround', 'imul', 'clz32',
  'PI', 'E', 'LN2', 'LN10', 'LOG2E', 'LOG10E', 'SQRT2', 'SQRT1_2',
]);

/** Each engine-dependent use of Math or `**` in `code` (comments already stripped), with its line. */
function unportableMath(code: string): { line: number; what: string }[] {
  const bare = stripStrings(code);
  const lineOf = (at: number) => bare.slice(0, at).split('\n').length;
  const found: { line: number; what: string }[] = [];
  for (const m of bare.matchAll(/(?<![\w$])Math\b(?:\s*\??\.\s*([A-Za-z_$][\w$]*))?/g)) {
    if (m[1] === undefined) found.push({ line: lineOf(m.index), what: 'Math other than as Math.<name> (aliased, destructured or indexed)' });
    else if (!MATH_ALLOWED.has(m[1])) found.push({ line: lineOf(m.index), what: `Math.${m[1]}` });
  }
  for (const m of bare.matchAll(/\*\*/g)) found.push({ line: lineOf(m.index), what: '** (exponentiation is Math.pow)' });
  return found;
}

/**
 * Packages sim/ may import, each read and found to compute with exact or correctly rounded
 * operations only (Alea: sums and products; SHA-256: integer operations; stdlib: fdlibm ports,
 * checked file by file below). A new package needs the same reading before it joins the list.
 */
const PORTABLE_PACKAGES = [/^seedrandom$/, /^@noble\/hashes\//, /^@stdlib\/math-base-special-(ln|cos|exp)$/];

describe('sim/ source', () => {
  it('finds the engine sources', () => {
    expect(SOURCES.length).toBeGreaterThan(10);
    expect(SOURCES.map((s) => s.name)).toContain(join('sim', 'index.ts'));
    // The scanner sees real imports.
    expect(specifiers(SOURCES.find((s) => s.name === join('sim', 'engine', 'streams.ts'))!.code)).toContain('seedrandom');
  });

  it('the comment stripper keeps code and strings and drops comments', () => {
    const code = stripComments("const a = '//x'; // Math.random()\n/* Date.now() */ const b = `/*y*/`;");
    expect(code).toContain("'//x'");
    expect(code).toContain('`/*y*/`');
    expect(code).not.toContain('Math.random');
    expect(code).not.toContain('Date.now');
  });

  const BANNED: [RegExp, string][] = [
    [/\bMath\s*\.\s*random\b/, 'Math.random (use a named seeded stream from sim/engine/streams.ts)'],
    [/\bDate\s*\.\s*now\b/, 'Date.now'],
    [/\bnew\s+Date\b/, 'new Date'],
    [/\bDate\s*\(/, 'Date()'],
    [/\bperformance\s*\.\s*now\b/, 'performance.now'],
    [/\bcrypto\s*\.\s*(getRandomValues|randomUUID)\b/, 'crypto randomness'],
    [/\bprocess\s*\./, 'process (Node only)'],
    [/\bdocument\s*\./, 'document (DOM only)'],
    [/\bwindow\s*\./, 'window (DOM only)'],
    [/\b(setTimeout|setInterval|requestAnimationFrame)\s*\(/, 'timers (the tick knows nothing of time)'],
  ];

  it('the scanners catch each kind of violation', () => {
    const bad = [
      'const u = Math.random();',
      'const t = Date.now();',
      'const d = new Date();',
      'const p = performance.now();',
      'const x = process.env.X;',
      'document.title = "x";',
      'window.foo = 1;',
      'setTimeout(() => 0, 1);',
    ];
    for (const line of bad) expect(BANNED.some(([re]) => re.test(line)), line).toBe(true);
    for (const ok of ['const atrocityWindow = p.atrocityWindow;', 'w.deathsByTick.push(today);', "const s = 'window';"]) {
      expect(BANNED.some(([re]) => re.test(ok)), ok).toBe(false);
    }
    const code = "import { a } from '../cli/spec';\nimport type { B } from 'node:fs';\nexport * from './x';\nimport 'path';\nconst m = await import('os');";
    expect(specifiers(code)).toEqual(['../cli/spec', 'node:fs', './x', 'path', 'os']);
  });

  it('uses no clock, no unseeded randomness and no host globals', () => {
    const found: string[] = [];
    for (const s of SOURCES) {
      s.code.split('\n').forEach((line, k) => {
        for (const [re, what] of BANNED) if (re.test(line)) found.push(`${s.name}:${k + 1}: ${what}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('the Math scanner catches every engine-dependent form and passes the portable ones', () => {
    const scan = (src: string) => unportableMath(stripComments(src)).map((f) => f.what);
    const members = Object.getOwnPropertyNames(Math).filter((k) => k !== 'constructor');
    for (const name of MATH_ALLOWED) expect(members, `allow-list typo: Math.${name}`).toContain(name);
    const banned = members.filter((k) => !MATH_ALLOWED.has(k));
    for (const f of ['log', 'exp', 'cos', 'sin', 'tan', 'atan2', 'pow', 'log1p', 'expm1', 'cbrt', 'hypot', 'random']) expect(banned).toContain(f);
    for (const f of banned) {
      expect(scan(`const y = Math.${f}(x);`), f).toEqual([`Math.${f}`]);
      expect(scan(`const y = Math . ${f}(x);`), f).toEqual([`Math.${f}`]);
    }
    const bad = [
      'const y = Math?.log(x);',
      'const y = globalThis.Math.exp(x);',
      'const { log } = Math;',
      'const M = Math; M.cos(x);',
      "const y = Math['log'](x);",
      'const y = x ** 2;',
      'y **= 2;',
      'const s = `${a ** b}`;',
      'const s = `t${`${Math.exp(1)}`}`;',
      'const y = Math.sqrt(x) + Math.log(x);',
    ];
    for (const line of bad) expect(scan(line).length, line).toBeGreaterThan(0);
    for (const f of MATH_ALLOWED) expect(scan(`const y = Math.${f}(x);`), f).toEqual([]);
    const ok = [
      'const y = Math.floor(Math.sqrt(x) * Math.PI);',
      "const s = 'a ** b, Math.log(x)';",
      'const s = `Math.exp(${Math.floor(x)}) ** ${{ a: 1 }.a}`;',
      '/** 2 ** 3 and Math.cos */ const y = a * b; // Math.pow(2, 3)',
      'const MathLike = 1; const y = x.MathLog;',
    ];
    for (const line of ok) expect(scan(line), line).toEqual([]);
    expect(unportableMath('const a = 1;\nconst b = Math.exp(a);')).toEqual([{ line: 2, what: 'Math.exp' }]);
  });

  it('computes only with operations every JS engine rounds alike (no Math.log/exp/cos/pow..., no **)', () => {
    const found = SOURCES.flatMap((s) => unportableMath(s.code).map((f) => `${s.name}:${f.line}: ${f.what}`));
    expect(found, 'use ln, exp, cos from sim/engine/portable-math.ts (or add an fdlibm port there)').toEqual([]);
  });

  it('imports only packages known to compute alike in every JS engine', () => {
    const found: string[] = [];
    for (const s of SOURCES) {
      for (const spec of specifiers(s.code)) {
        if (!spec.startsWith('.') && !PORTABLE_PACKAGES.some((re) => re.test(spec))) found.push(`${s.name}: ${spec}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the fdlibm ports sim/ imports use only portable operations themselves, in every file they load', () => {
    const fromSim = createRequire(join(SIM, 'index.ts'));
    const seen = new Set<string>();
    const visit = (spec: string, from: string) => {
      const file = createRequire(from).resolve(spec);
      if (seen.has(file)) return;
      seen.add(file);
      const code = stripComments(readFileSync(file, 'utf8'));
      for (const m of code.matchAll(/\brequire\(\s*'([^']+)'\s*\)/g)) visit(m[1], file);
    };
    const roots = [...new Set(SOURCES.flatMap((s) => specifiers(s.code)).filter((spec) => spec.startsWith('@stdlib/')))];
    expect(roots.sort()).toEqual(['@stdlib/math-base-special-cos', '@stdlib/math-base-special-exp', '@stdlib/math-base-special-ln']);
    for (const r of roots) visit(r, fromSim.resolve(r));
    expect(seen.size).toBeGreaterThan(roots.length); // the walk follows their requires
    const found = [...seen].flatMap((file) =>
      unportableMath(stripComments(readFileSync(file, 'utf8'))).map((f) => `${relative(ROOT, file)}:${f.line}: ${f.what}`),
    );
    expect(found).toEqual([]);
  });

  it('imports nothing from Node', () => {
    const node = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));
    const found: string[] = [];
    for (const s of SOURCES) {
      for (const spec of specifiers(s.code)) {
        if (spec.startsWith('node:') || node.has(spec) || node.has(spec.split('/')[0])) found.push(`${s.name}: ${spec}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('imports nothing from the layers above it (cli, viz, scenarios) or outside sim/', () => {
    const found: string[] = [];
    for (const s of SOURCES) {
      for (const spec of specifiers(s.code)) {
        if (!spec.startsWith('.')) continue; // a package (checked above for Node built-ins)
        const target = resolve(dirname(s.path), spec);
        if (target !== SIM && !target.startsWith(SIM + sep)) found.push(`${s.name}: ${spec} -> ${relative(ROOT, target)}`);
      }
    }
    expect(found).toEqual([]);
  });
});

/** The room of a file under sim/: "engine", "models/<id>", "models" (the registry) or "api". */
function roomOf(path: string): string {
  const parts = relative(SIM, path).split(sep);
  if (parts[0] === 'engine') return 'engine';
  if (parts[0] === 'models') return parts.length > 2 ? `models/${parts[1]}` : 'models';
  return 'api';
}

/** Every relative import of sim/ as [importing file, imported file], both as paths. */
const EDGES = SOURCES.flatMap((s) =>
  specifiers(s.code)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => [s.path, resolve(dirname(s.path), spec)] as const),
);

describe('sim/ rooms', () => {
  it('places every file in a room and sees the imports between them', () => {
    const rooms = new Set(SOURCES.map((s) => roomOf(s.path)));
    expect(rooms).toContain('engine');
    expect(rooms).toContain('models/luck2018');
    expect(rooms).toContain('models/epstein');
    expect(EDGES.some(([from, to]) => roomOf(from) === 'models/luck2018' && roomOf(to) === 'engine')).toBe(true);
    expect(roomOf(join(SIM, 'models', 'x', 'y', 'z.ts'))).toBe('models/x');
    expect(roomOf(join(SIM, 'models', 'index.ts'))).toBe('models');
  });

  it('the engine imports nothing from the models or the API', () => {
    const found = EDGES.filter(([from, to]) => roomOf(from) === 'engine' && roomOf(to) !== 'engine').map(
      ([from, to]) => `${relative(ROOT, from)} -> ${relative(ROOT, to)}`,
    );
    expect(found).toEqual([]);
  });

  it('no model imports from another model, the registry or the API (shared code lives in the engine)', () => {
    const found = EDGES.filter(([from, to]) => {
      const a = roomOf(from);
      const b = roomOf(to);
      return a.startsWith('models/') && b !== a && b !== 'engine' && b !== 'models/shared';
    }).map(([from, to]) => `${relative(ROOT, from)} -> ${relative(ROOT, to)}`);
    expect(found).toEqual([]);
  });
});

describe('analysis/ (statistics over runs, shared by the CLI and the app)', () => {
  const ANALYSIS = join(ROOT, 'analysis');
  const files = (readdirSync(ANALYSIS, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));

  it('imports the engine only through sim/index.ts, and nothing from cli/, viz/, scenarios/ or Node', () => {
    expect(files.length).toBeGreaterThan(0);
    const node = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));
    const found: string[] = [];
    for (const f of files) {
      const path = join(ANALYSIS, f);
      for (const spec of specifiers(stripComments(readFileSync(path, 'utf8')))) {
        if (spec.startsWith('node:') || node.has(spec.split('/')[0])) found.push(`${f}: ${spec}`);
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(path), spec);
        if (target.startsWith(ANALYSIS + sep)) continue;
        if (target !== join(SIM, 'index')) found.push(`${f}: ${spec}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('parameter schema', () => {
  const defs = PARAM_DEFS as readonly ParamDef[];

  it('has unique names', () => {
    const names = defs.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(defs.map((d) => [d.name, d] as const))('%s is documented and consistent', (_name, d) => {
    expect(typeof d.description === 'string' && d.description.trim().length > 0, 'description').toBe(true);
    expect(d, 'unit key').toHaveProperty('unit');
    expect(typeof d.unit, 'unit').toBe('string');
    expect(typeof d.source === 'string' && d.source.trim().length > 0, 'source').toBe(true);
    expect(d.group.length, 'group').toBeGreaterThan(0);
    switch (d.kind) {
      case 'number':
      case 'integer':
        expect(Number.isFinite(d.min) && Number.isFinite(d.max), 'finite range').toBe(true);
        expect(d.min, 'min < max').toBeLessThan(d.max);
        expect(d.default, 'default >= min').toBeGreaterThanOrEqual(d.min);
        expect(d.default, 'default <= max').toBeLessThanOrEqual(d.max);
        if (d.kind === 'integer') {
          expect(Number.isInteger(d.default) && Number.isInteger(d.min) && Number.isInteger(d.max), 'integer bounds').toBe(true);
        }
        break;
      case 'enum':
        expect(d.values.length, 'enum values').toBeGreaterThan(1);
        expect(new Set(d.values).size, 'distinct enum values').toBe(d.values.length);
        expect(d.values, 'enum default').toContain(d.default);
        break;
      case 'boolean':
        expect(typeof d.default, 'boolean default').toBe('boolean');
        break;
    }
    expect(allowedText(d).length).toBeGreaterThan(0);
  });

  it('validates its own defaults', () => {
    const defaults = defaultParams();
    expect(resolveParams(defaults, defaults, PARAM_DEFS)).toEqual(defaults);
    expect(Object.keys(defaults)).toEqual(defs.map((d) => d.name));
  });
});
