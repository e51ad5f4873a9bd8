/**
 * Minimal browser shell over the engine API: run the default scenario for a seed and show the
 * summary and the results hash (the same hash `r2p-sim run` prints for the same inputs).
 */
import { ParamError, createModel, hashResult, parseSeed } from '../sim/index';

const out = document.querySelector<HTMLPreElement>('#out')!;
const form = document.querySelector<HTMLFormElement>('#controls')!;

function runOnce(seedText: string, ticksText: string): void {
  try {
    const seed = parseSeed(seedText);
    const result = createModel({ seed, ticks: Number(ticksText) }).run();
    const s = result.summary;
    const hash = hashResult(result);
    out.textContent = [
      `seed ${String(seed)}, ${s.ticks} days, ${s.agents} agents`,
      `mass atrocity: ${s.massAtrocity ? `yes, onset day ${s.onsetTick}` : 'no'}`,
      `killed: ${s.deaths} agents (${s.deathsPeople} people)`,
      `peak perpetrators: ${s.peakPerpetrators}; leadership reached ${s.maxRung}`,
      `Council: ${s.councilMeasures.join(', ') || 'no measure'}`,
      `hash: ${hash}`,
    ].join('\n');
    document.body.dataset.hash = hash;
  } catch (e) {
    out.textContent = e instanceof ParamError ? `error: ${e.message}` : String(e);
  }
}

form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const data = new FormData(form);
  runOnce(String(data.get('seed')), String(data.get('ticks')));
});
runOnce('1', '365');
