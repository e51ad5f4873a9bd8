/**
 * Peacebuilding Commission. After a mass atrocity, once the leadership is back at rung <= 1, it
 * engages to prevent recurrence ("the best predictor of genocide is past genocide"). With
 * `pbcPreventive` it also takes the pre-conflict role first proposed for it: it engages a state
 * "under stress" (signal between 0.2 and 0.5, leadership not yet organising). Engaged, it
 * lowers the weakness of state structures by 0.2% a day and the hardliners' weight by 0.001 a day.
 */
import type { TickContext } from '../context';
import { clamp01 } from '../world';

export function pbcStep(ctx: TickContext): void {
  const { p, w } = ctx;
  const rung = w.leadership.rung;
  const signal = w.secretariat.signal;
  const postConflict = w.massAtrocityTick >= 0 && rung <= 1;
  const underStress = p.pbcPreventive && rung <= 1 && signal >= 0.2 && signal <= 0.5;
  const engage = postConflict || underStress;
  if (engage !== w.pbcEngaged) {
    ctx.log('pbc', engage ? (postConflict ? 'engage-recurrence' : 'engage-preventive') : 'disengage');
    w.pbcEngaged = engage;
  }
  if (engage) {
    w.weaknessFactor *= 0.998;
    w.leadership.hardliners = clamp01(w.leadership.hardliners - 0.001);
  }
}
