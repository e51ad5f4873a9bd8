/**
 * Before any test: compile the CLI once (cli/build.mjs), so that the end-to-end tests, which
 * spawn the real bin from several workers at once, find a current build instead of each
 * rebuilding it.
 */
import { ensureBuilt } from '../../cli/build.mjs';

export default async function setup(): Promise<void> {
  if (!(await ensureBuilt())) throw new Error('cli/build.mjs: esbuild is not installed (run npm ci)');
}
