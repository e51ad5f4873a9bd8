/**
 * Generated blocks of the docs: the feature-to-parameter mapping and the list of built-in
 * scenarios (docs/scenarios.md), the reference models' parameters and presets
 * (docs/reference-models.md). Regenerate with `npm run docs`; a test checks they are current.
 */
import { MODELS } from '../sim/index';
import { BUILT_IN, BUILT_IN_FILES, FEATURE_DEFS, featureTargets } from '../scenarios/index';
import { markdownTable } from './commands/params';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const val = (v: unknown) => (typeof v === 'string' ? `"${v}"` : String(v));

export function mappingMarkdown(): string {
  const out = ['## The mapping', '', '| feature | value | parameters | why |', '|---|---|---|---|'];
  for (const d of FEATURE_DEFS) {
    const values =
      d.kind === 'count'
        ? `an integer from ${d.min} to ${d.max} (${d.unit})`
        : Object.entries(d.levels)
            .map(([level, m]) => `\`${level}\`: ${Object.entries(m).map(([k, v]) => `${k} ${val(v)}`).join(', ')}`)
            .join('<br>');
    const params = d.kind === 'count' ? `\`${d.param}\` = value x ${d.scale}` : featureTargets(d).map((p) => `\`${p}\``).join(', ');
    out.push(`| \`${d.name}\`: ${cell(d.description)} | ${cell(values)} | ${params} | ${cell(d.why)} |`);
  }
  return `${out.join('\n')}\n`;
}

export function scenarioListMarkdown(): string {
  const out = ['## The built-in scenarios', '', '| id | kind | title | period | documented features | article\'s reading | file |', '|---|---|---|---|---|---|---|'];
  BUILT_IN.forEach((s, i) => {
    const n = Object.keys(s.features).length;
    const reading = s.articleReading ? `${s.articleReading.verdict}${s.articleReading.explicit ? '' : ' (inferred)'}` : '';
    out.push(`| \`${s.id}\` | ${s.kind} | ${cell(s.title)} | ${cell(s.period)} | ${n} | ${reading} | [${BUILT_IN_FILES[i]}](../${BUILT_IN_FILES[i]}) |`);
  });
  return `${out.join('\n')}\n`;
}

/** The parameter tables and presets of every model but the main one. */
export function referenceModelsBlock(): string {
  const parts: string[] = [];
  for (const k of MODELS.slice(1)) {
    parts.push(markdownTable(k.params, k.title, k.id));
    const presets = Object.entries(k.presets ?? {});
    if (presets.length) {
      parts.push(`### Presets of ${k.id}`, '', '| preset | values | what it is |', '|---|---|---|');
      for (const [name, p] of presets) {
        const values = Object.entries(p.values).map(([n, v]) => `${n}=${String(v)}`).join(', ');
        parts.push(`| \`${name}\` | ${values.replace(/\|/g, '\\|')} | ${p.description.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
      }
      parts.push('');
    }
  }
  return parts.join('\n');
}
