/**
 * `npm run docs`: regenerate the files made from the one sources of truth (parameter schemas,
 * feature mapping, scenario and targets schemas). Tests fail when any of them is stale. A script only: the
 * blocks and markers it writes live in cli/docs.ts, so importing them never writes a file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { PARAM_DEFS, type ParamDef } from '../sim/index';
import { scenarioJsonSchema } from '../scenarios/index';
import { targetsJsonSchema } from '../scenarios/targets/index';
import { markdownTable } from './commands/params';
import { MODELS_BEGIN, referenceModelsBlock, scenariosBlock, withBlock } from './docs';

writeFileSync('docs/parameters.md', markdownTable(PARAM_DEFS as readonly ParamDef[]));
writeFileSync('docs/scenarios.md', withBlock(readFileSync('docs/scenarios.md', 'utf8'), scenariosBlock()));
writeFileSync(
  'docs/reference-models.md',
  withBlock(readFileSync('docs/reference-models.md', 'utf8'), referenceModelsBlock(), MODELS_BEGIN, 'docs/reference-models.md'),
);
writeFileSync('scenarios/scenario.schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
writeFileSync('scenarios/targets/targets.schema.json', `${JSON.stringify(targetsJsonSchema(), null, 2)}\n`);
process.stdout.write(
  'wrote docs/parameters.md, docs/scenarios.md and docs/reference-models.md (generated blocks), scenarios/scenario.schema.json, scenarios/targets/targets.schema.json\n',
);
