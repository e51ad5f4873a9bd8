/**
 * Peacekeepers and safe areas, by region. Presence covers regions in a fixed, spread-out order
 * (coverage = peacekeeperCoverage + deployments by the Council or the Assembly; a larger
 * coverage covers a superset of a smaller one), with a capacity and a weak or robust mandate; an
 * authorised force, once it arrives, covers every region with a robust mandate. Declared safe
 * areas draw threatened people in whatever their real capacity (Srebrenica; Luck 2018,
 * Shortcomings: "A moral hazard can be created when the promise of protection is not matched by
 * commensurate action"). Protection scales with capacity and mandate at every rung: a capable,
 * robust presence holds where a token one falls.
 *
 *   capacity_r   = min(1, (UN-covered_r ? peacekeeperCapacity + forceCapacity once a force is on
 *                  the ground : 0) + outsideForceCapacity once a non-UN force is on the ground)
 *                  (UN coverage counts peacekeeperCoverage only from peacekeepersFromDay: a
 *                  consented deployment; a non-UN force covers every region with a robust posture)
 *   base_r       = UN-covered_r: only the UN keeps bases the threatened shelter at; a non-UN force
 *                  protects where it fights but opens no venue that could fall with them in it
 *   protection_r = covered_r x capacity x (robust ? protectionRobust : protectionWeak)
 *                  (cut in the daily kill hazard; 0 in a region whose venue has fallen)
 *   restraint_r  = restraintBase + covered_r x capacity x (robust ? restraintRobust : restraintWeak)
 *   defence_v    = base_v x (robust ? 1 : weakMandateDefence), base_v = capacity for a base,
 *                  max(safeAreaCapacity, covered ? capacity : 0) for a safe area
 *   attack_v     = lethality x (mobAttack x mobilised_v + forceAttack x organisedForce x engagement)
 *                  on the day of a town's fall (an assault): forceAttack x organisedForce, whatever the rung
 *                  mobilised_v = min(1, mobilisedScale x joined share) in the region (a safe area: or nationally)
 *   a venue with people sheltering in it is overrun when attack_v > defence_v; on the day of an
 *   assault any venue is taken when forceAttack x organisedForce > defence_v; an overrun venue is relieved when
 *   attack_v <= defence_v again; a taken one only when defence_v exceeds the force's full attack.
 *   danger_r     = min(dangerCap, dangerScale x yesterday's deaths / targeted alive in r)   (news of killing)
 */
import type { TickContext } from '../context';
import { forceEngagement } from '../triggers';
import { OVERRUN, STANDING, TAKEN, clamp01 } from '../world';

export function peacekeepersStep(ctx: TickContext, restraintBase: number, lethality: number): void {
  const { p, w, tick } = ctx;
  const reg = w.region;
  const R = reg.count;
  if (w.council.forceArrives >= 0 && tick >= w.council.forceArrives && !w.forceOnGround) {
    w.forceOnGround = true;
    w.robust = true;
    ctx.log('peacekeepers', 'force-arrives');
  }
  const force = w.forceOnGround;
  // Coverage in force: the parameter (from the day a consented deployment arrives) plus what the
  // organs deployed; an authorised force covers every region.
  const standing = tick >= p.peacekeepersFromDay ? p.peacekeeperCoverage : 0;
  w.coverage = force ? 1 : clamp01(standing + w.deployed);
  const coveredCount = Math.floor(R * w.coverage + 1e-9);
  const unCapacity = clamp01(p.peacekeeperCapacity + (force ? p.forceCapacity : 0));
  // A non-UN protective force covers every region, robustly, adding its capacity to the UN's.
  const outside = w.outsideOnGround ? p.outsideForceCapacity : 0;
  const robustUn = w.robust || p.mandate === 'robust';

  // Safe areas: `safeAreas` regions, spread evenly over the network.
  const nSafe = Math.min(p.safeAreas, R);
  if (reg.safeAreaList.length !== nSafe) {
    reg.safeArea.fill(0);
    reg.safeAreaList.length = 0;
    for (let k = 0; k < nSafe; k++) {
      const r = Math.floor(((k + 0.5) * R) / nSafe);
      reg.safeArea[r] = 1;
      reg.safeAreaList.push(r);
    }
  }
  const globalMobilised = Math.min(1, p.mobilisedScale * ctx.joinedShare);
  // The organised force's full attack, and the share of it in play today.
  const forceFull = p.forceAttack * p.organisedForce;
  const engagement = forceEngagement(p, w);
  for (let r = 0; r < R; r++) {
    const unCovered = reg.coverageRank[r] < coveredCount;
    const covered = unCovered || outside > 0 ? 1 : 0;
    const capacity = clamp01((unCovered ? unCapacity : 0) + outside);
    const robust = robustUn || outside > 0;
    const mandateFactor = robust ? 1 : p.weakMandateDefence;
    reg.covered[r] = covered;
    reg.base[r] = unCovered ? 1 : 0;
    reg.protection[r] = covered ? capacity * (robust ? p.protectionRobust : p.protectionWeak) : 0;
    reg.restraint[r] = restraintBase + (covered ? capacity * (robust ? p.restraintRobust : p.restraintWeak) : 0);
    // Venues are the UN's bases and the safe areas: the outside force keeps none (ODD 7.14).
    const isVenue = unCovered || reg.safeArea[r] === 1;
    if (!isVenue) {
      reg.defence[r] = 0;
      continue;
    }
    // Capacity already includes a force on the ground.
    const base = reg.safeArea[r] ? Math.max(p.safeAreaCapacity, covered ? capacity : 0) : capacity;
    const defence = base * mandateFactor;
    reg.defence[r] = defence;
    const localMobilised = reg.others[r] > 0 ? Math.min(1, (p.mobilisedScale * reg.joined[r]) / reg.others[r]) : 0;
    const mobilised = reg.safeArea[r] ? Math.max(globalMobilised, localMobilised) : localMobilised;
    const mobPart = p.mobAttack * mobilised;
    const forcePart = forceFull * engagement;
    const attack = lethality * (mobPart + forcePart);
    const sheltered = reg.sheltered[r] > 0;
    // An assault takes a venue whether or not anyone shelters in it yet (the town itself falls).
    if (reg.fallen[r] !== TAKEN && w.assault && forceFull > defence) {
      reg.fallen[r] = TAKEN;
      reg.fallenToForce[r] = 1;
      ctx.log('peacekeepers', 'venue-taken', `region ${r}${reg.safeArea[r] ? ' (safe area)' : ''}`);
    } else if (reg.fallen[r] === STANDING && sheltered && attack > defence) {
      reg.fallen[r] = OVERRUN;
      // Whose attack overran it: the massacre that follows is the force's when most of the attack was.
      reg.fallenToForce[r] = forcePart > mobPart ? 1 : 0;
      ctx.log('peacekeepers', 'venue-fell', `region ${r}${reg.safeArea[r] ? ' (safe area)' : ''}`);
    } else if ((reg.fallen[r] === OVERRUN && attack <= defence) || (reg.fallen[r] === TAKEN && defence > forceFull)) {
      reg.fallen[r] = STANDING;
      reg.fallenToForce[r] = 0;
      ctx.log('peacekeepers', 'venue-relieved', `region ${r}`);
    }
    if (reg.fallen[r] !== STANDING) reg.protection[r] = 0;
  }
  // News of killing nearby: regional danger for the targeted, from yesterday's deaths; a campaign
  // to expel adds terror wherever peacekeepers do not protect (burning, threats, clearance).
  const terror = p.perpetratorAim === 'expel' && w.leadership.rung >= 3 ? p.expulsionTerror : 0;
  for (let r = 0; r < R; r++) {
    const alive = reg.targetsAlive[r];
    const news = alive > 0 ? Math.min(p.dangerCap, (p.dangerScale * reg.deaths[r]) / alive) : 0;
    reg.danger[r] = Math.max(news, terror * (1 - reg.protection[r]));
  }
}
