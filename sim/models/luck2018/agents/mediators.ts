/**
 * Mediators (regional bodies, neighbouring or influential states, UN envoys). From the day they
 * arrive (mediationStartDay; -1: never) each one, each tick, engages quietly, carries a warning,
 * names the perpetrators in public, or steps back. "Impartiality buys access, consent and
 * progress; it costs the force of the warning" (model brief); "keeping doors to the parties open
 * will generally be perceived as more important than relaying uncomfortable messages" (Luck
 * 2018, Shortcomings). Progress towards a settlement (w.settlement in [0, 1], signed at 1) is
 * what the leadership reads. Constants are parameters (calibration-organs.ts); docs/ODD.md 7.10.
 *
 *   perceived = trueRisk + mediatorNoise * z;   sides = 1 - impartiality
 *   name publicly   if perceived > nameRisk, rung >= nameRung, u < nameChance * sides
 *   carry a warning if perceived > warnRisk, u < warnBase + warnSides * sides
 *   engage quietly  if access > accessFloor, a mediation track exists and no settlement is signed yet
 *   else step back
 */
import type { TickContext } from '../context';
import { STREAM } from '../streams';
import { normal } from '../../../engine/streams';
import { TOP_RUNG, clamp01, type MediatorAction } from '../world';

/** The mediators are present from mediationStartDay on (a case's timeline; -1: they never come). */
export function mediatorsPresent(ctx: TickContext): boolean {
  const start = ctx.p.mediationStartDay;
  return start >= 0 && ctx.tick >= start;
}

export function mediatorsStep(ctx: TickContext): void {
  const { p, w, tick } = ctx;
  if (!mediatorsPresent(ctx)) return; // before they arrive the mediators neither draw nor act
  const sides = 1 - p.impartiality;
  const rung = w.leadership.rung;
  for (let m = 0; m < w.mediators.length; m++) {
    const med = w.mediators[m];
    const draw = ctx.streams.at(`${STREAM.mediator}/${m}`, tick);
    // Each mediator reads the risk for itself, with noise; then one draw decides its action.
    const perceived = ctx.trueRisk + p.mediatorNoise * normal(draw);
    const u = draw();
    let action: MediatorAction;
    if (perceived > p.nameRisk && rung >= p.nameRung && u < p.nameChance * sides) action = 'name-publicly';
    else if (perceived > p.warnRisk && u < p.warnBase + p.warnSides * sides) action = 'carry-warning';
    else if (med.access > p.accessFloor && p.mediationTrack && !w.settled) action = 'engage-quietly';
    else action = 'step-back';

    switch (action) {
      case 'engage-quietly':
        // Progress towards a settlement, harder once killing has begun; impartiality buys access.
        w.settlement = clamp01(w.settlement + p.settlementRate * med.access * (1 - rung / TOP_RUNG));
        ctx.quietDiplomacy += p.mediatorQuiet * med.access;
        med.access = clamp01(med.access + p.accessGain * p.impartiality * (1 - med.access));
        break;
      case 'carry-warning':
        // An even-handed messenger softens the warning and keeps more of its access.
        w.warnings += p.warnSize * (p.warnAccessBase + med.access) * (1 - p.warnSoftening * p.impartiality);
        med.access = clamp01(med.access - p.warnAccessCost * sides);
        break;
      case 'name-publicly':
        // Naming in public: a strong warning and a voice against incitement, at a cost in access.
        w.warnings += p.nameWarning;
        ctx.spoke = true;
        w.voice = clamp01(w.voice + p.nameVoice);
        med.access = clamp01(med.access - p.nameAccessCost);
        break;
      case 'step-back':
        // Stepping back slowly rebuilds the parties' trust.
        med.access = clamp01(med.access + p.accessRecovery * (1 - med.access));
        break;
    }
    if (action !== med.action) ctx.log(`mediator-${m + 1}`, action);
    med.action = action;
  }
  // A settlement is signed when progress reaches 1 (a one-way door).
  if (w.settlement >= 1 && !w.settled) {
    w.settled = true;
    ctx.log('mediators', 'settlement-signed');
  }
}
