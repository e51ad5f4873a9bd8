#!/usr/bin/env node
// Entry point for `r2p-sim` / `npx r2p-sim`: runs the compiled CLI (build/cli/, see build.mjs),
// rebuilding it first when a source changed. Without esbuild (a production-only install) it
// falls back to compiling the TypeScript on the fly with tsx, which starts slower.
import { ensureBuilt } from './build.mjs';

const entry = await ensureBuilt();
if (entry) await import(entry);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./main.ts');
}
