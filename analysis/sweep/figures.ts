/**
 * A scenario's documented figures, for outcome expressions (`scenario.NAME`): the one rule the CLI
 * (cli/sweep/env.ts) and the app (viz/views/sweep-build.ts) both map a scenario's features by.
 * The features and their definitions (scenarios/ FEATURE_DEFS) come in as data, so that
 * analysis/ stays free of the layers above it.
 */

/** What the figures need of a feature's definition. */
export type FigureDef = { readonly name: string; readonly kind: 'levels' } | { readonly name: string; readonly kind: 'count'; readonly scale: number };

/** Count features in the units the mapping reads (people, shares), level features as text. */
export function documentedFigures(
  features: Readonly<Record<string, { readonly value: string | number } | undefined>>,
  defs: readonly FigureDef[],
): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const d of defs) {
    const e = features[d.name];
    if (!e) continue;
    out[d.name] = d.kind === 'count' ? Math.round((e.value as number) * d.scale * 1e9) / 1e9 : String(e.value);
  }
  return out;
}
