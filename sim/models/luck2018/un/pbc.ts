/**
 * Peacebuilding Commission. After a mass atrocity, once the leadership is back at rung <= 1, it
 * engages to prevent recurrence ("the best predictor of genocide is past genocide"). With
 * `pbcPreventive` it also takes the pre-conflict role first proposed for it and dropped at the
 * 2005 Summit: it engages a state "under stress" (signal between stressLow and stressHigh,
 * leadership not yet organising). Engaged, it lowers the weakness of state structures by a share
 * pbcRelief a day and the hardliners' weight by pbcModeration a day: structural work, slow by
 * design (docs/ODD.md 7.9 says why the organ is weak within a case's window).
 */
import type { TickContext } from '../context';
import { clamp01 } from '../world';

export function pbcStep(ctx: TickContext): void {
  const { p, w } = ctx;
  const rung = w.leadership.rung;
  const signal = w.secretariat.signal;
  // Recurrence: a society that has suffered a mass atrocity, after the killing has stopped.
  const postConflict = w.massAtrocityTick >= 0 && rung <= 1;
  // The High-level Panel's role: a state under stress, before the leadership organises.
  const underStress = p.pbcPreventive && rung <= 1 && signal >= p.stressLow && signal <= p.stressHigh;
  const engage = postConflict || underStress;
  if (engage !== w.pbcEngaged) {
    ctx.log('pbc', engage ? (postConflict ? 'engage-recurrence' : 'engage-preventive') : 'disengage');
    w.pbcEngaged = engage;
  }
  if (engage) {
    // Structural prevention: resources for state structures, and a political process that moderates.
    w.weaknessFactor *= 1 - p.pbcRelief;
    w.leadership.hardliners = clamp01(w.leadership.hardliners - p.pbcModeration);
  }
}
