// docs/parameters.md is generated from the schema; regenerate with
//   node cli/r2p-sim.mjs params --markdown > docs/parameters.md
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MODEL_VERSION, PARAM_DEFS } from '../sim/index';
import { MODELS_BEGIN, blockOf, referenceModelsBlock } from '../cli/docs';

describe('docs', () => {
  it('docs/parameters.md matches the parameter schema', () => {
    const r = spawnSync(process.execPath, ['cli/r2p-sim.mjs', 'params', '--markdown'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const onDisk = readFileSync('docs/parameters.md', 'utf8');
    expect(onDisk, 'regenerate: node cli/r2p-sim.mjs params --markdown > docs/parameters.md').toBe(r.stdout);
  });

  it('docs/reference-models.md holds every reference model\'s parameters and presets, up to date', () => {
    const doc = readFileSync('docs/reference-models.md', 'utf8');
    expect(blockOf(doc, MODELS_BEGIN), 'regenerate: npm run docs').toBe(referenceModelsBlock().trim());
  });

  it('docs/ODD.md names every parameter of the schema', () => {
    const odd = readFileSync('docs/ODD.md', 'utf8');
    const missing = PARAM_DEFS.map((d) => d.name).filter((n) => !odd.includes(n));
    expect(missing, 'parameters the ODD does not mention').toEqual([]);
  });

  it('docs/ODD.md describes the model version the code runs, and no other', () => {
    // A mechanism change bumps MODEL_VERSION; the ODD must say which version it documents.
    const odd = readFileSync('docs/ODD.md', 'utf8');
    const named = new Set(odd.match(/`r2p-luck-2018\/\d+`/g) ?? []);
    expect([...named]).toEqual([`\`${MODEL_VERSION}\``]);
  });
});
