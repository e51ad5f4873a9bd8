/**
 * Mediators (regional bodies, neighbouring or influential states, UN envoys). Each tick each one
 * engages quietly, carries a warning, names the perpetrators in public, or steps back.
 * "Impartiality buys access, consent and progress; it costs the force of the warning" (model
 * brief); "keeping doors to the parties open will generally be perceived as more important than
 * relaying uncomfortable messages" (Luck 2018, Shortcomings).
 *
 *   perceived = trueRisk + 0.1 * noise;   sides = 1 - impartiality
 *   name publicly   if perceived > 0.6, rung >= targeted attacks, u < 0.5 * sides
 *   carry a warning if perceived > 0.3, u < 0.1 + 0.6 * sides
 *   engage quietly  if access > 0.15, a mediation track is open and no settlement is signed yet
 *   else step back
 */
import type { TickContext } from '../context';
import { STREAM } from '../streams';
import { normal } from '../../../engine/streams';
import { TOP_RUNG, clamp01, type MediatorAction } from '../world';

export function mediatorsStep(ctx: TickContext): void {
  const { p, w, tick } = ctx;
  const sides = 1 - p.impartiality;
  const rung = w.leadership.rung;
  for (let m = 0; m < w.mediators.length; m++) {
    const med = w.mediators[m];
    const draw = ctx.streams.at(`${STREAM.mediator}/${m}`, tick);
    const perceived = ctx.trueRisk + 0.1 * normal(draw);
    const u = draw();
    let action: MediatorAction;
    if (perceived > 0.6 && rung >= 3 && u < 0.5 * sides) action = 'name-publicly';
    else if (perceived > 0.3 && u < 0.1 + 0.6 * sides) action = 'carry-warning';
    else if (med.access > 0.15 && p.mediationTrack && !w.settled) action = 'engage-quietly';
    else action = 'step-back';

    switch (action) {
      case 'engage-quietly':
        // Progress towards a settlement is harder once killing has begun.
        w.settlement = clamp01(w.settlement + 0.006 * med.access * (1 - rung / TOP_RUNG));
        ctx.quietDiplomacy += 0.5 * med.access;
        med.access = clamp01(med.access + 0.02 * p.impartiality * (1 - med.access));
        break;
      case 'carry-warning':
        // An even-handed messenger softens the warning and keeps more of its access.
        w.warnings += 0.03 * (0.5 + med.access) * (1 - 0.7 * p.impartiality);
        med.access = clamp01(med.access - 0.02 * sides);
        break;
      case 'name-publicly':
        w.warnings += 0.06;
        ctx.spoke = true;
        w.voice = clamp01(w.voice + 0.05);
        med.access = clamp01(med.access - 0.15);
        break;
      case 'step-back':
        med.access = clamp01(med.access + 0.005 * (1 - med.access));
        break;
    }
    if (action !== med.action) ctx.log(`mediator-${m + 1}`, action);
    med.action = action;
  }
  if (w.settlement >= 1 && !w.settled) {
    w.settled = true;
    ctx.log('mediators', 'settlement-signed');
  }
}
