/**
 * Security Council: fifteen members, five of them permanent with a veto; a patron of the
 * perpetrators (member 0 when `patron`) vetoes every coercive measure (sanctions and up) and on a
 * statement votes yes with patronYes of its usual chance, else abstains. The Council takes up
 * the situation when the risk it perceives (Article 99 briefings, deaths it can see, referrals)
 * passes agendaRisk, and meets on it every meetingInterval days or sooner when a meeting is
 * called (an Article 99 briefing or an Assembly referral: Provisional Rules of Procedure, rule 3)
 * or a draft resolution comes due. It votes on one measure:
 *
 *   strict-last-resort:     the first measure in COUNCIL_MEASURES not yet adopted, once the last
 *                           adopted one has had measureWait days to work or is visibly failing
 *                           (perceived risk up by failingMargin since, or at imminentRisk);
 *                           force only after the step before it had its full measureWait;
 *   measure-of-last-resort: as above, but when perceived risk >= imminentRisk and force is not
 *                           yet authorised it takes up force at once; the steps it skipped stay
 *                           open for later meetings (Luck 2018, Remedies).
 *
 *   a statement is agreed on the day; a resolution (sanctions and up) is voted draftingDays after
 *   its draft is opened
 *   perceived risk = clamp(max(briefing, visible risk) + referral pressure)
 *   member m votes yes with p = clamp(councilWillingness + offset_m + voteRiskWeight perceived
 *                                     - voteSeverityWeight severity)
 *   a permanent member that does not vote yes vetoes when strongly opposed (u > p + vetoMargin),
 *   else abstains; adopted with >= 9 yes and no veto.
 *
 * Deployments that need the host's consent (a preventive deployment; the Assembly's) go through
 * deploy(): the host government decides from what a presence would cost its plan, impartiality and
 * pressure, is asked again every consentReview days after a refusal, and a consented contingent
 * arrives consentDelay days later. Constants are parameters (calibration-organs.ts); docs/ODD.md
 * 7.6 gives every rule.
 */
import type { TickContext } from '../context';
import { deterrenceLimit } from '../deterrence';
import type { Params } from '../params';
import { STREAM } from '../streams';
import { COUNCIL_MEASURES, FORCE_LEVEL, TOP_RUNG, clamp01 } from '../world';

/** Members of the Council (Charter, Article 23) and the votes a decision needs (Article 27). */
export const MEMBERS = 15;
export const PERMANENT = 5;
export const VOTES_NEEDED = 9;
/** Measures from this level up are coercive: a patron vetoes them. */
export const COERCIVE_FROM = 2;
/** Measures from this level up are resolutions that need drafting; a statement is agreed on the day. */
export const RESOLUTION_FROM = 2;

/** How coercive each measure is, in [0, 1] (index: COUNCIL_MEASURES): members hesitate over heavier steps. */
export function severity(p: Params, level: number): number {
  return [0, p.severityStatement, p.severitySanctions, p.severityIcc, p.severityMandate, p.severityDeployment, p.severityForce][level];
}

/** What each adopted measure adds to the credibility of consequences (index: COUNCIL_MEASURES). */
export function signal(p: Params, level: number): number {
  return [0, p.signalStatement, p.signalSanctions, p.signalIcc, p.signalMandate, p.signalDeployment, p.signalForce][level];
}

export function councilStep(ctx: TickContext, visibleRisk: number, referral: number): void {
  const { p, w, tick } = ctx;
  const c = w.council;
  hostStep(ctx); // consent decisions and arrivals of consented contingents
  c.briefing *= p.briefingPersistence; // a briefing's weight fades
  // The Council's own reading: the freshest briefing or the deaths it can see, plus referral pressure.
  c.perceivedRisk = clamp01(Math.max(c.briefing, visibleRisk) + referral);
  const called = w.councilCalled >= 0 && w.councilCalled <= tick;
  if (c.perceivedRisk < p.agendaRisk) {
    w.councilCalled = -1; // a meeting called on a situation below the agenda hears it and moves on
    return;
  }
  // Meetings: regularly (rule 1), when called (rule 3), or when a draft resolution comes due.
  const draftDue = w.draftLevel > 0 && tick - w.draftSince >= p.draftingDays;
  if (!called && !draftDue && tick - c.lastConsidered < p.meetingInterval) return;
  w.councilCalled = -1;

  let level = 1;
  while (level <= FORCE_LEVEL && c.adopted.includes(level)) level++;
  if (level > FORCE_LEVEL) return; // every measure has been taken
  const forceOpen = !c.adopted.includes(FORCE_LEVEL);
  if (p.forceDoctrine === 'measure-of-last-resort' && forceOpen && c.perceivedRisk >= p.imminentRisk) {
    level = FORCE_LEVEL; // a measure of last resort: available early when risk is high and imminent
  } else {
    // Sequencing: a measure is given measureWait days to work, unless it is visibly failing;
    // under a strict last-resort doctrine force waits until the step before it had its full time.
    const waited = tick - c.lastAdopted >= p.measureWait;
    const failing = c.perceivedRisk >= p.imminentRisk || c.perceivedRisk >= w.adoptedRisk + p.failingMargin;
    if (!(waited || (failing && level !== FORCE_LEVEL))) return;
  }
  c.lastConsidered = tick;
  const measure = COUNCIL_MEASURES[level];
  // Drafting: a resolution is negotiated for draftingDays before the vote (Libya 2011, Rwanda 1994).
  if (level >= RESOLUTION_FROM) {
    if (w.draftLevel !== level) {
      w.draftLevel = level;
      w.draftSince = tick;
      if (p.draftingDays > 0) ctx.log('council', 'draft', measure);
    }
    if (tick - w.draftSince < p.draftingDays) return;
  }
  w.draftLevel = 0; // the draft is put to the vote: adopted or not, a new one is needed next time

  // The vote: fifteen members, one draw each in member order, a veto for the five permanent.
  const draw = ctx.streams.at(STREAM.councilVote, tick);
  const coercive = level >= COERCIVE_FROM;
  let yes = 0;
  let vetoedBy = -1;
  for (let m = 0; m < MEMBERS; m++) {
    const u = draw(); // one draw per member, always, in member order
    const patronMember = p.patron && m === 0;
    let pYes = clamp01(p.councilWillingness + c.dispositionOffset[m] + p.voteRiskWeight * c.perceivedRisk - p.voteSeverityWeight * severity(p, level));
    if (patronMember) pYes = coercive ? 0 : p.patronYes * pYes; // a patron shields the leadership
    if (u < pYes) yes++;
    else if (m < PERMANENT && vetoedBy < 0 && ((patronMember && coercive) || (!patronMember && u > pYes + p.vetoMargin))) vetoedBy = m;
  }
  if (vetoedBy >= 0) {
    c.vetoes++;
    c.lastVeto = tick;
    w.councilSignal = Math.max(0, w.councilSignal - p.vetoSignalCost); // open division emboldens the leadership
    ctx.log('council', 'vetoed', `${measure} by P${vetoedBy + 1} (${yes} yes)`);
    return;
  }
  if (yes < VOTES_NEEDED) {
    ctx.log('council', 'not-adopted', `${measure} (${yes} yes)`);
    return;
  }
  adopt(ctx, level);
}

/** The effects of an adopted measure, each through a channel the leadership or peacekeepers read. */
export function adopt(ctx: TickContext, level: number): void {
  const { p, w, tick } = ctx;
  const c = w.council;
  // `level` is the heaviest measure adopted so far (an observable); `adopted` lists them all.
  c.level = Math.max(c.level, level);
  c.lastAdopted = tick;
  c.adopted.push(level);
  w.adoptedRisk = c.perceivedRisk; // the risk the measure is meant to bring down
  w.councilSignal += signal(p, level); // credibility of consequences
  ctx.spoke = true;
  ctx.log('council', 'adopted', COUNCIL_MEASURES[level]);
  switch (COUNCIL_MEASURES[level]) {
    case 'sanctions-arms-embargo':
      // Targeted sanctions bite the leadership; an arms embargo cuts the perpetrators' lethality.
      w.realisedCost += p.sanctionsCost;
      w.armsFactor *= p.embargoFactor;
      break;
    case 'protection-mandate':
      w.robust = true;
      ctx.log('peacekeepers', 'mandate', 'robust');
      break;
    case 'preventive-deployment':
      deploy(ctx, p.deploymentShare, 'preventive-deployment');
      break;
    case 'authorise-force':
      // Chapter VII: the Member States' forces arrive forceDelay days after the authorisation.
      w.council.forceArrives = tick + p.forceDelay;
      w.realisedCost += p.forceCost;
      break;
    default:
      break;
  }
}

/**
 * The host government's consent, a decision, not a fixed chance: a government that is itself the
 * perpetrator weighs what a presence would cost its plan (its rung and motive) against the
 * impartiality of those asking (which buys consent) and the pressure on it (credibility of
 * consequences and costs borne, as far as they reach it). When the perpetrator is an armed group
 * the host is not the perpetrator and consents.
 */
export function consentChance(ctx: TickContext): number {
  const { p, w } = ctx;
  if (p.perpetratorType !== 'government') return 1;
  const plan = (w.leadership.rung / TOP_RUNG) * clamp01(w.leadership.motive);
  const pressure = clamp01(w.councilSignal + w.warnings + w.realisedCost) * deterrenceLimit(p);
  return clamp01(p.consentBase + p.consentImpartiality * p.impartiality + p.consentPressure * pressure - p.consentPlan * plan);
}

/** A consent-based deployment is requested: the host decides today; if it consents, it arrives after consentDelay. */
export function deploy(ctx: TickContext, share: number, what: string): void {
  const request = { what, share, nextAsk: ctx.tick, arrives: -1 };
  ctx.w.deployments.push(request);
  hostStep(ctx);
}

/** The host decides on requests that are due, and consented contingents whose day has come arrive. */
export function hostStep(ctx: TickContext): void {
  const { p, w, tick } = ctx;
  if (w.deployments.length === 0) return;
  for (const d of w.deployments) {
    if (d.arrives >= 0 || tick < d.nextAsk) continue;
    // One draw from host/consent/<what> on each day the host is asked.
    const u = ctx.streams.at(`${STREAM.consent}/${d.what}`, tick)();
    if (u < consentChance(ctx)) {
      d.arrives = tick + p.consentDelay;
      ctx.log('host', 'consent', d.what);
    } else {
      d.nextAsk = tick + p.consentReview; // the request stands; the host is asked again later
      ctx.log('host', 'consent-refused', d.what);
    }
  }
  // Arrivals, in the order requested: a consented deployment adds its coverage on its day.
  let k = 0;
  for (const d of w.deployments) {
    if (d.arrives >= 0 && tick >= d.arrives) {
      w.deployed = clamp01(w.deployed + d.share);
      ctx.log('peacekeepers', 'deployed', `${d.what}: +${d.share} of regions`);
    } else w.deployments[k++] = d;
  }
  w.deployments.length = k;
}
