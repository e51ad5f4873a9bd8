/**
 * False-failure rates of the main model's directional tests (test/stats/directions.test.ts):
 * each direction's paired differences on a pool of fresh seeds (not the test's), then the share
 * of random seed sets of the test's size on which the test would fail. The test states these.
 *
 *   npx tsx bench/direction-rates.ts [--pool 400] [--first 1001] [--draws 20000] [--only id,id]
 */
import seedrandom from 'seedrandom';
import { DIRECTIONS, SEEDS, directionHolds, signedDiffs } from '../test/stats/main-directions';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const pool = arg('pool', 400);
const first = arg('first', 1001);
const draws = arg('draws', 20_000);
const seeds = Array.from({ length: pool }, (_, i) => first + i);
// --only a,b: measure these directions alone (after a change to their arms).
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set(process.argv[onlyAt + 1].split(',')) : null;

process.stdout.write(`pool: seeds ${first}-${first + pool - 1}; ${draws} random sets of ${SEEDS} seeds each\n`);
process.stdout.write('direction               +    -  ties  fails/draws  rate   95% upper\n');
for (const d of DIRECTIONS.filter((x) => only === null || only.has(x.id))) {
  const diffs = signedDiffs(d, seeds);
  const rng = seedrandom.alea(`direction-rates|${d.id}`);
  let fails = 0;
  for (let k = 0; k < draws; k++) {
    // A set of SEEDS distinct seeds from the pool (partial Fisher-Yates).
    const idx = Array.from({ length: pool }, (_, i) => i);
    for (let i = 0; i < SEEDS; i++) {
      const j = i + Math.floor(rng() * (pool - i));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    if (!directionHolds(idx.slice(0, SEEDS).map((i) => diffs[i])).holds) fails++;
  }
  const pos = diffs.filter((x) => x > 0).length;
  const neg = diffs.filter((x) => x < 0).length;
  // With no failure in `draws`, the 95% upper bound on the rate is about 3 / draws.
  const upper = fails === 0 ? 3 / draws : (fails + 2 * Math.sqrt(fails)) / draws;
  process.stdout.write(
    `${d.id.padEnd(22)} ${String(pos).padStart(4)} ${String(neg).padStart(4)} ${String(pool - pos - neg).padStart(5)}  ${String(fails).padStart(5)}/${draws}  ${(fails / draws).toFixed(4)}  ${upper.toFixed(4)}\n`,
  );
}
