/**
 * A sweep's progress on stderr: on a terminal a cli-progress bar with runs done of the total, the
 * rate and the time left; otherwise a plain line every tenth of the way (and at the end), so that a
 * batch job's log shows how far it got.
 */
import { SingleBar } from 'cli-progress';
import { count, duration, int } from '../format';

export interface SweepProgress {
  update(done: number): void;
  stop(): void;
}

/** Progress over `total` runs of which `already` were done before this start (a resumed sweep). */
export function sweepProgress(label: string, total: number, already: number, enabled: boolean): SweepProgress {
  if (!enabled || total === already) return { update() {}, stop() {} };
  const err = process.stderr;
  const started = Date.now();
  const rate = (done: number) => {
    const s = (Date.now() - started) / 1000;
    return s > 0 ? (done - already) / s : 0;
  };
  const rateText = (r: number) => (r >= 10 ? r.toFixed(0) : r.toFixed(1));
  if (err.isTTY) {
    const bar = new SingleBar({
      format: `${label} {bar} {percentage}% | {value}/{total} runs | {rate} runs/s | {eta_formatted} left`,
      etaBuffer: 200,
      stream: err,
      hideCursor: true,
    });
    bar.start(total, already, { rate: '-' });
    return {
      update: (done) => bar.update(done, { rate: rateText(rate(done)) }),
      stop: () => bar.stop(),
    };
  }
  let nextTenth = Math.floor((10 * already) / total) + 1;
  return {
    update(done) {
      if (done < (nextTenth * total) / 10) return;
      while (done >= (nextTenth * total) / 10) nextTenth++;
      const r = rate(done);
      const left = r > 0 && done < total ? `, ${duration((total - done) / r)} left` : '';
      err.write(`${label}: ${Math.floor((100 * done) / total)}% (${int(done)} of ${count(total, 'run')}, ${rateText(r)} runs/s${left})\n`);
    },
    stop() {},
  };
}
