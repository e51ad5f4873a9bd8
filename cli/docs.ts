/**
 * Generated blocks of docs/scenarios.md: the feature-to-parameter mapping and the list of
 * built-in scenarios. Regenerate with `npm run docs`; a test checks they are current.
 */
import { BUILT_IN, BUILT_IN_FILES, FEATURE_DEFS, featureTargets } from '../scenarios/index';

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
