/**
 * Peacekeepers and safe areas, by region. Presence is spread evenly over the regions
 * (coverage = peacekeeperCoverage + deployments by the Council or the Assembly), with a
 * capacity and a weak or robust mandate; an authorised force, once it arrives, covers every
 * region with a robust mandate. Declared safe areas draw threatened people in whatever their
 * real capacity; a venue (base or safe area) with people sheltering in it whose attackers
 * outweigh its defence falls, and those sheltering there are killed at the massacre rate
 * (Srebrenica; Luck 2018, Shortcomings: "A moral hazard can be created when the promise of
 * protection is not matched by commensurate action").
 *
 *   capacity     = min(1, peacekeeperCapacity + FORCE_CAPACITY once a force is on the ground)
 *   protection_r = covered_r * capacity * (robust ? 0.7 : 0.2)       cut in daily kill hazard
 *                  (0 in a region whose venue has fallen)
 *   restraint_r += covered_r * capacity * (robust ? 0.25 : 0.1)      deters foot soldiers
 *   defence_v    = base_v * (robust ? 1 : 0.35), base_v = capacity for a base,
 *                  max(safeAreaCapacity, covered ? capacity : 0) for a safe area
 *   attack_v     = lethality * mobilised_v * (1 + 0.5 * min(3, crowding_v)), mobilised_v =
 *                  min(1, 3 * joined share) in the region (for a safe area: or nationally, if higher)
 *   venue v falls when sheltered_v > 0 and attack_v > defence_v; it is relieved when
 *   attack_v <= defence_v again (the attack ends, or a force arrives that can hold it)
 */
import type { TickContext } from '../context';
import { clamp01 } from '../world';

export const FORCE_CAPACITY = 0.7;

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
  // Coverage in force: the parameter plus what the organs deployed; a force covers every region.
  w.coverage = force ? 1 : clamp01(p.peacekeeperCoverage + w.deployed);
  const capacity = clamp01(p.peacekeeperCapacity + (force ? FORCE_CAPACITY : 0));
  const robust = w.robust || p.mandate === 'robust';
  const mandateFactor = robust ? 1 : 0.35;

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
  const targetsPerRegion = Math.max(1, w.targets / R);
  const globalMobilised = Math.min(1, 3 * ctx.joinedShare);
  for (let r = 0; r < R; r++) {
    const covered = Math.floor((r + 1) * w.coverage) > Math.floor(r * w.coverage) ? 1 : 0;
    reg.covered[r] = covered;
    reg.protection[r] = covered ? capacity * (robust ? 0.7 : 0.2) : 0;
    reg.restraint[r] = restraintBase + (covered ? capacity * (robust ? 0.25 : 0.1) : 0);
    const isVenue = covered === 1 || reg.safeArea[r] === 1;
    if (!isVenue) {
      reg.defence[r] = 0;
      continue;
    }
    // Capacity already includes a force on the ground.
    const base = reg.safeArea[r] ? Math.max(p.safeAreaCapacity, covered ? capacity : 0) : capacity;
    reg.defence[r] = base * mandateFactor;
    const localMobilised = reg.others[r] > 0 ? Math.min(1, (3 * reg.joined[r]) / reg.others[r]) : 0;
    const mobilised = reg.safeArea[r] ? Math.max(globalMobilised, localMobilised) : localMobilised;
    const crowding = reg.sheltered[r] / targetsPerRegion;
    const attack = lethality * mobilised * (1 + 0.5 * Math.min(3, crowding));
    if (reg.fallen[r] === 0 && attack > reg.defence[r] && reg.sheltered[r] > 0) {
      reg.fallen[r] = 1;
      ctx.log('peacekeepers', 'venue-fell', `region ${r}${reg.safeArea[r] ? ' (safe area)' : ''}`);
    } else if (reg.fallen[r] === 1 && attack <= reg.defence[r]) {
      reg.fallen[r] = 0;
      ctx.log('peacekeepers', 'venue-relieved', `region ${r}`);
    }
    if (reg.fallen[r] === 1) reg.protection[r] = 0;
  }
  // News of killing nearby: regional danger for the targeted, from yesterday's deaths.
  for (let r = 0; r < R; r++) {
    const alive = reg.targetsAlive[r];
    reg.danger[r] = alive > 0 ? Math.min(0.5, (10 * reg.deaths[r]) / alive) : 0;
  }
}
