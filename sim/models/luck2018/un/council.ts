/**
 * Security Council: fifteen members, five of them permanent with a veto; a patron of the
 * perpetrators (member 0 when `patron`) vetoes every coercive measure (sanctions and up) and on a
 * statement votes yes with 0.3 of its usual chance, else abstains. The Council takes up the
 * situation when the risk it perceives (Article 99 briefings, deaths it can see, referrals)
 * passes AGENDA_RISK, at most once a week, and votes on one measure:
 *
 *   strict-last-resort:     the first measure in COUNCIL_MEASURES not yet adopted, once the last
 *                           adopted one has had measureWait days to work (force only after
 *                           every other step);
 *   measure-of-last-resort: as above, but when perceived risk >= IMMINENT_RISK and force is not
 *                           yet authorised it goes straight to authorising force; the steps it
 *                           skipped stay open for later meetings (Luck 2018, Remedies).
 *
 *   perceived risk = clamp(max(briefing, visible risk) + referral pressure)
 *   member m votes yes with p = clamp(councilWillingness + offset_m + 0.8 perceived - 0.5 severity)
 *   (offset_m ~ U(-0.25, 0.25), drawn once at set-up); a permanent member that does not vote
 *   yes casts a veto when strongly opposed (u > p + 0.4), else abstains;
 *   adopted with >= 9 yes and no veto.
 */
import type { TickContext } from '../context';
import { STREAM } from '../streams';
import { COUNCIL_MEASURES, FORCE_LEVEL, clamp01 } from '../world';

export const AGENDA_RISK = 0.35;
export const IMMINENT_RISK = 0.75;
export const MEETING_INTERVAL = 7;
/** How coercive each measure is, in [0, 1]: members hesitate more over heavier steps. */
export const SEVERITY = [0, 0.1, 0.35, 0.5, 0.55, 0.65, 0.9];
/** What each adopted measure adds to the credibility of consequences. */
export const SIGNAL = [0, 0.05, 0.1, 0.2, 0.08, 0.08, 0.3];
/** Measures from this level up are coercive: a patron vetoes them. */
export const COERCIVE_FROM = 2;

export function councilStep(ctx: TickContext, visibleRisk: number, referral: number): void {
  const { p, w, tick } = ctx;
  const c = w.council;
  c.briefing *= 0.97; // a briefing's weight fades
  c.perceivedRisk = clamp01(Math.max(c.briefing, visibleRisk) + referral);
  if (c.perceivedRisk < AGENDA_RISK || tick - c.lastConsidered < MEETING_INTERVAL) return;
  if (tick - c.lastAdopted < p.measureWait) return; // the last measure is still being given time

  let level = 1;
  while (level <= FORCE_LEVEL && c.adopted.includes(level)) level++;
  if (level > FORCE_LEVEL) return; // every measure has been taken
  const forceOpen = !c.adopted.includes(FORCE_LEVEL);
  if (p.forceDoctrine === 'measure-of-last-resort' && forceOpen && c.perceivedRisk >= IMMINENT_RISK) level = FORCE_LEVEL;
  c.lastConsidered = tick;

  const draw = ctx.streams.at(STREAM.councilVote, tick);
  let yes = 0;
  let vetoedBy = -1;
  for (let m = 0; m < 15; m++) {
    const u = draw(); // one draw per member, always, in member order
    const patronMember = p.patron && m === 0;
    let pYes = clamp01(p.councilWillingness + c.dispositionOffset[m] + 0.8 * c.perceivedRisk - 0.5 * SEVERITY[level]);
    const coercive = level >= COERCIVE_FROM;
    if (patronMember) pYes = coercive ? 0 : 0.3 * pYes;
    if (u < pYes) yes++;
    else if (m < 5 && vetoedBy < 0 && ((patronMember && coercive) || (!patronMember && u > pYes + 0.4))) vetoedBy = m;
  }
  const measure = COUNCIL_MEASURES[level];
  if (vetoedBy >= 0) {
    c.vetoes++;
    c.lastVeto = tick;
    w.councilSignal = Math.max(0, w.councilSignal - 0.03); // open division emboldens the leadership
    ctx.log('council', 'vetoed', `${measure} by P${vetoedBy + 1} (${yes} yes)`);
    return;
  }
  if (yes < 9) {
    ctx.log('council', 'not-adopted', `${measure} (${yes} yes)`);
    return;
  }
  adopt(ctx, level);
}

export function adopt(ctx: TickContext, level: number): void {
  const { p, w, tick } = ctx;
  const c = w.council;
  // `level` is the heaviest measure adopted so far (an observable); `adopted` lists them all.
  c.level = Math.max(c.level, level);
  c.lastAdopted = tick;
  c.adopted.push(level);
  w.councilSignal += SIGNAL[level];
  ctx.spoke = true;
  ctx.log('council', 'adopted', COUNCIL_MEASURES[level]);
  switch (COUNCIL_MEASURES[level]) {
    case 'sanctions-arms-embargo':
      w.realisedCost += 0.06;
      w.armsFactor *= 0.8;
      break;
    case 'protection-mandate':
      w.robust = true;
      ctx.log('peacekeepers', 'mandate', 'robust');
      break;
    case 'preventive-deployment':
      deploy(ctx, 0.3, 'preventive-deployment');
      break;
    case 'authorise-force':
      w.council.forceArrives = tick + p.forceDelay;
      w.realisedCost += 0.1;
      break;
    default:
      break;
  }
}

/** A consent-based deployment: the host government must agree; impartiality buys consent. */
export function deploy(ctx: TickContext, share: number, what: string): void {
  const { p, w, tick } = ctx;
  const consentChance = p.perpetratorType === 'government' ? 0.2 + 0.6 * p.impartiality : 1;
  const u = ctx.streams.at(`${STREAM.consent}/${what}`, tick)();
  if (u < consentChance) {
    w.deployed = clamp01(w.deployed + share);
    ctx.log('peacekeepers', 'deployed', `${what}: +${share} of regions`);
  } else {
    ctx.log('host', 'consent-refused', what);
  }
}
