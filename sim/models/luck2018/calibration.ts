/**
 * The constants that shape the main model's outcomes, as parameters (group `calibration`) so that
 * sweeps can vary them and calibration (issue 13) can fit them. Their defaults are the values the
 * rules had when they were constants; "to be calibrated" marks those with no documented source.
 * The organs' constants are in calibration-organs.ts.
 */
import type { ParamDef } from '../../engine/params';

export const CALIBRATION_DEFS = [
  // ---- the leadership's ladder: what each rung asks (leadership.ts) ----------------------------
  {
    name: 'barIncitement', group: 'calibration', kind: 'number', default: 0.05, min: 0, max: 1, unit: "motive",
    description: "Motive the incitement rung needs before costs.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'barOrganising', group: 'calibration', kind: 'number', default: 0.15, min: 0, max: 1, unit: "motive",
    description: "Motive the organising rung needs before costs.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'barTargeted', group: 'calibration', kind: 'number', default: 0.35, min: 0, max: 1, unit: "motive",
    description: "Motive the targeted-attacks rung needs before costs.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'barMassKilling', group: 'calibration', kind: 'number', default: 0.6, min: 0, max: 1.5, unit: "motive",
    description: "Motive the mass-killing rung needs before costs.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'costShareIncitement', group: 'calibration', kind: 'number', default: 0.15, min: 0, max: 1, unit: "share",
    description: "Share of the full expected cost that standing on the incitement rung risks.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'costShareOrganising', group: 'calibration', kind: 'number', default: 0.4, min: 0, max: 1, unit: "share",
    description: "Share of the full expected cost that standing on the organising rung risks.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'costShareTargeted', group: 'calibration', kind: 'number', default: 0.7, min: 0, max: 1, unit: "share",
    description: "Share of the full expected cost that standing on the targeted-attacks rung risks (mass killing risks all of it).",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'stepDownMargin', group: 'calibration', kind: 'number', default: 0.05, min: 0, max: 0.5, unit: "motive",
    description: "How far below its rung's bar the leadership's net assessment must fall before it steps down.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'planningEffort', group: 'calibration', kind: 'number', default: 1, min: 0.01, max: 100, unit: "motive x days",
    description: "Preparation a rung needs: the leadership climbs once the margin by which it wants the next rung, summed over days, reaches this (so a strong motive climbs fast, a marginal one slowly).",
    source: "Luck 2018, Implications: atrocities \"require some degree of planning and mobilization\". To be calibrated (issue 13).",
  },
  // ---- the leadership's motive (leadership.ts) -------------------------------------------------
  {
    name: 'motiveExistentialWeight', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 2, unit: "motive",
    description: "Weight of existential stakes in the motive.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'motiveWeaknessWeight', group: 'calibration', kind: 'number', default: 0.2, min: 0, max: 2, unit: "motive",
    description: "Weight of state weakness in the motive.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'motivePriorWeight', group: 'calibration', kind: 'number', default: 0.2, min: 0, max: 2, unit: "motive",
    description: "Weight of past atrocities in the motive.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'settlementRelief', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 1, unit: "share",
    description: "Share of what is at stake that a signed settlement removes for the factions it includes.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'mediationOffer', group: 'calibration', kind: 'number', default: 0.3, min: 0, max: 1, unit: "motive",
    description: "How far progress towards a settlement that includes the hardliners lowers their motive before it is signed (offers, commitments, power sharing).",
    source: "Luck 2018, Implications: quiet diplomacy \"by the Secretary-General and/or senior regional figures\" can make a difference. To be calibrated (issue 13).",
  },
  // ---- the factions (leadership.ts) ------------------------------------------------------------
  {
    name: 'existentialHardening', group: 'calibration', kind: 'number', default: 0.002, min: 0, max: 0.1, unit: "1/day",
    description: "Daily drift towards the hardliners from existential framing.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'mobilisationHardening', group: 'calibration', kind: 'number', default: 0.004, min: 0, max: 0.1, unit: "1/day",
    description: "Daily drift towards the hardliners from a mobilisation that works.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'diplomacySplit', group: 'calibration', kind: 'number', default: 0.004, min: 0, max: 0.1, unit: "1/day",
    description: "Daily drift towards the moderates from quiet diplomacy with a divided regime, early.",
    source: "Luck 2018, Shortcomings: quiet diplomacy works \"when the regime is divided or not fully committed\". To be calibrated (issue 13).",
  },
  {
    name: 'costSplit', group: 'calibration', kind: 'number', default: 0.003, min: 0, max: 0.1, unit: "1/day",
    description: "Daily drift towards the moderates from costs borne, in a divided regime.",
    source: "To be calibrated (issue 13).",
  },
  // ---- trigger events (triggers.ts) ------------------------------------------------------------
  {
    name: 'shockHalfLife', group: 'calibration', kind: 'number', default: 30, min: 1, max: 3650, unit: "days",
    description: "Half-life of the motive a trigger event adds.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'crisisHalfLife', group: 'calibration', kind: 'number', default: 45, min: 1, max: 3650, unit: "days",
    description: "Half-life of the crisis a trigger event opens (the opportunity it gives the killing rungs).",
    source: "Harff 2003 (political upheaval precedes genocides and politicides). To be calibrated (issue 13).",
  },
  {
    name: 'shockElection', group: 'calibration', kind: 'number', default: 0.2, min: 0, max: 1, unit: "motive",
    description: "Motive an election adds (decays with shockHalfLife).",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'shockLeaderKilled', group: 'calibration', kind: 'number', default: 0.15, min: 0, max: 1, unit: "motive",
    description: "Motive the killing of a leader adds.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'leaderKilledHardening', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 1, unit: "share",
    description: "Share of the moderates' weight the hardliners take when a leader is killed.",
    source: "Des Forges 1999: the moderate Prime Minister and ministers were killed on 7 April 1994. To be calibrated (issue 13).",
  },
  {
    name: 'shockCoup', group: 'calibration', kind: 'number', default: 0.1, min: 0, max: 1, unit: "motive",
    description: "Motive a coup adds.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'coupWeakening', group: 'calibration', kind: 'number', default: 0.3, min: 0, max: 1, unit: "index",
    description: "Weakness of state structures a coup adds (up to 1).",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'shockUprising', group: 'calibration', kind: 'number', default: 0.2, min: 0, max: 1, unit: "motive",
    description: "Motive an uprising against the leadership adds.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'shockOffensive', group: 'calibration', kind: 'number', default: 0.15, min: 0, max: 1, unit: "motive",
    description: "Motive an offensive adds.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'shockClash', group: 'calibration', kind: 'number', default: 0.1, min: 0, max: 1, unit: "motive",
    description: "Motive a violent incident between the groups adds.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'reprisalShock', group: 'calibration', kind: 'number', default: 0.1, min: 0, max: 1, unit: "motive",
    description: "Motive the perpetrators' leadership gains in a day from the targeted side's reprisals at full strength (reprisals = 1, killing at or above reprisalSaturation).",
    source: "Violence on both sides feeds itself (CIPEV 2008 on the Kenyan reprisals). To be calibrated (issue 13).",
  },
  {
    name: 'reprisalSaturation', group: 'calibration', kind: 'number', default: 0.001, min: 0.00001, max: 0.1, unit: "share/day",
    description: "Share of the targeted group killed in a day at which the reprisals it provokes are at full strength.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'offensiveHalfLife', group: 'calibration', kind: 'number', default: 60, min: 1, max: 3650, unit: "days",
    description: "Half-life of an offensive's push: the organised force's full engagement, and the opportunity it gives the killing rungs, fade back to their base as a campaign ends.",
    source: "Campaigns end: the Srebrenica operation within days of the enclave's fall (ICTY, Krstić, IT-98-33-T, 2001), the Vanni offensive in May 2009 after eight months. To be calibrated (issue 13).",
  },
  {
    name: 'forceEngagementBase', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 1, unit: "share",
    description: "Share of the organised force's strength brought to bear on the targeted population before an offensive (all of it after).",
    source: "To be calibrated (issue 13).",
  },
  // ---- deterrence (deterrence.ts) --------------------------------------------------------------
  {
    name: 'existentialDiscount', group: 'calibration', kind: 'number', default: 0.8, min: 0, max: 1, unit: "share",
    description: "Share of deterrence an existential struggle discounts.",
    source: "Luck 2018, Shortcomings (deaf ears). To be calibrated (issue 13).",
  },
  {
    name: 'patronDiscount', group: 'calibration', kind: 'number', default: 0.65, min: 0, max: 1, unit: "share",
    description: "Share of deterrence a permanent member's backing discounts.",
    source: "Luck 2018, Shortcomings (deaf ears). To be calibrated (issue 13).",
  },
  {
    name: 'armedGroupSensitivity', group: 'calibration', kind: 'number', default: 0.7, min: 0, max: 1, unit: "share",
    description: "Deterrence an armed group feels, as a share of a government's.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'extremistSensitivity', group: 'calibration', kind: 'number', default: 0.2, min: 0, max: 1, unit: "share",
    description: "Deterrence an extremist armed group feels, as a share of a government's.",
    source: "Luck 2018, Shortcomings (deaf ears). To be calibrated (issue 13).",
  },
  {
    name: 'appeasementWeight', group: 'calibration', kind: 'number', default: 0.6, min: 0, max: 1, unit: "share",
    description: "Share of deterrence strict impartiality gives away while risk is high and imminent.",
    source: "Luck 2018, Remedies, quoting The Fall of Srebrenica. To be calibrated (issue 13).",
  },
  // ---- killing and protection (kernel.ts, population.ts, peacekeepers.ts) ----------------------
  {
    name: 'lethalityOrganising', group: 'calibration', kind: 'number', default: 0, min: 0, max: 1, unit: "share",
    description: "Lethality of the organising rung, against mass killing (1): 0 by default, since organising (arming, lists, training) kills no one by itself and killing begins with the attacks the leadership orders; above 0, sporadic killing by the organised force while it prepares.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'lethalityTargeted', group: 'calibration', kind: 'number', default: 0.1, min: 0, max: 1, unit: "share",
    description: "Lethality of the targeted-attacks rung, against mass killing (1).",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'massacreMultiplier', group: 'calibration', kind: 'number', default: 3, min: 0, max: 100, unit: "x killRate",
    description: "Daily kill chance of the sheltered in a fallen venue, as a multiple of killRate.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'selectiveShare', group: 'calibration', kind: 'number', default: 1, min: 0, max: 1, unit: "share",
    description: "Share of the targeted group that killing on the targeted-attacks rung (and below) reaches: the people it singles out (leaders, activists, men of fighting age). Mass killing reaches everyone when the aim is to destroy the group (coerciveReach otherwise).",
    source: "Luck 2018, Implications: atrocities flow from \"a series of destructive choices over time\": selective violence before mass killing (Harff 2003; Straus 2006 on the Rwandan order to kill everyone). To be calibrated (issue 13).",
  },
  {
    name: 'coerciveReach', group: 'calibration', kind: 'number', default: 0.05, min: 0, max: 1, unit: "share",
    description: "Share of the targeted group that mass killing reaches when the aim is to coerce or to expel rather than to destroy: the communities taken for the opponents' base (never below selectiveShare).",
    source: "Valentino 2004: coercive mass killing strikes the population seen to support the enemy, not a group as such; Kalyvas 2006: indiscriminate violence where information is poor. To be calibrated (issue 13).",
  },
  {
    name: 'coerciveEngagement', group: 'calibration', kind: 'number', default: 1, min: 0, max: 1, unit: "share",
    description: "Share of its engagement the organised force brings to bear on the targeted group when the aim is to coerce or to expel rather than to destroy: it kills as many as its aim needs, to make an example, not as many as it can (1: as under an aim to destroy).",
    source: "Valentino 2004: coercive and dispossessive mass killing are means to an end, limited by it, where an aim to destroy is limited only by capacity; Kalyvas 2006: selective violence, used to deter, is economical; Davenport 2007: repression answers the challenge it meets. To be calibrated (issue 13).",
  },
  {
    name: 'challengeFocus', group: 'calibration', kind: 'number', default: 0, min: 0, max: 1, unit: "share",
    description: "When the aim is to coerce, how far the killing concentrates on those who challenge it: the people it singles out who resist are hunted in full, the others with weight 1 - challengeFocus, so the organised force's capacity falls on the challengers and the killing ends when the challenge does (0: every person singled out is hunted alike; 1: only those who resist).",
    source: "Davenport 2007 (Annual Review of Political Science 10, 'State Repression and Political Order'): the 'law of coercive responsiveness', repression answers the challenge it meets and eases when it is met; Valentino 2004: coercive mass killing is a means to end resistance; Kalyvas 2006: selective violence targets those who collaborate with the opponent. To be calibrated (issue 13).",
  },
  {
    name: 'expulsionTerror', group: 'calibration', kind: 'number', default: 0.2, min: 0, max: 1, unit: "danger",
    description: "Danger that a campaign to expel (aim expel, rung targeted attacks or above) spreads among the targeted in every region peacekeepers do not protect, whether or not anyone nearby has been killed: burning, threats and clearance drive people out.",
    source: "Valentino 2004: dispossessive mass killing (ethnic cleansing), where killing is a means to removal; Independent International Commission of Inquiry on East Timor (A/54/726-S/2000/59, 2000): forced displacement and destruction. To be calibrated (issue 13).",
  },
  {
    name: 'singledOutTerror', group: 'calibration', kind: 'number', default: 0, min: 0, max: 1, unit: "danger",
    description: "Danger that the people the killing singles out (selectiveShare of the targeted group on the targeted-attacks rung; coerciveReach, or the whole group under an aim to destroy, on mass killing) feel from the campaign itself once attacks are ordered, wherever peacekeepers do not protect, whether or not anyone near them has been killed: lists, raids, arrests of people like them. They flee or seek protection ahead of the killing (0: only killing nearby frightens).",
    source: "Davenport, Moore and Poe 2003 (International Interactions 29(1)): people leave in response to the threat of state violence, not only its realisation; Moore and Shellman 2004 (Journal of Conflict Resolution 48(5)): fear of persecution drives forced migration; Kalyvas 2006: selective violence works by the fear it spreads. To be calibrated (issue 13).",
  },
  {
    name: 'cowing', group: 'calibration', kind: 'number', default: 0, min: 0, max: 10, unit: "1/day per unit of danger",
    description: "When the aim is to coerce, the daily chance, per unit of the danger it sees, that a member of the targeted group who resists gives up and goes back to passive: repression deters the challenge it answers, since under coercion submitting spares (0: resistance, once begun, lasts until death, flight or shelter).",
    source: "Lichbach 1987 (Journal of Conflict Resolution 31(2), 'Deterrence or escalation?'): repression deters dissent when it is consistent and the dissenters can stop; Davenport 2007 (Annual Review of Political Science 10, 'State repression and political order'): repression reliably suppresses challenges. Under an aim to destroy or expel, submitting spares no one, so no one is cowed. To be calibrated (issue 13).",
  },
  {
    name: 'unchallengedLethality', group: 'calibration', kind: 'number', default: 1, min: 0, max: 1, unit: "share",
    description: "When the aim is to coerce, the share of its violence that kills where the coercion answers no challenge (no armed challenge, no violence on both sides, no uprising): the rest of the way to full lethality comes with the challenge it faces, on every rung (1: coercion kills as much whatever the challenge).",
    source: "Davenport 2007 (Annual Review of Political Science 10, 'State repression and political order'): the law of coercive responsiveness, repression answers the challenge; Valentino 2004 (Final Solutions), ch. 6, and Valentino, Huth and Balch-Lindsay 2004 (International Organization 58(2), 'Draining the Sea'): coercive mass killing strikes the civilians an armed challenge draws on; Kalyvas 2006 (The Logic of Violence in Civil War), ch. 7: where an armed group's control is complete, its violence is rare. Zimbabwe's campaign of 2008 beat and tortured thousands and killed some 100-200 (Human Rights Watch, 'Bullets for Each of You', 2008); the armed groups ruling northern Mali flogged and amputated (A/HRC/22/33, 2013). To be calibrated (issue 13).",
  },
  {
    name: 'uprisingChallenge', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 1, unit: "degree",
    description: "The challenge a popular uprising poses to coercion, from the uprising's day on, on the scale of the armed challenge (1: as an insurgency; 0: none): mass protest in the streets draws lethal repression where an opposition that challenges by the vote does not.",
    source: "Davenport 2007 (Annual Review of Political Science 10): repression grows with the dissent it answers, most of all with mass street challenges; Syria 2011 (A/HRC/S-17/2/Add.1, 2011: security forces fired on peaceful protesters), Libya 2011 (A/HRC/17/44, 2011), Burundi 2015 (A/HRC/33/37, 2016). To be calibrated (issue 13).",
  },
  {
    name: 'roamReach', group: 'calibration', kind: 'number', default: 0, min: 0, max: 10, unit: "people/day",
    description: "Targeted people of its region each perpetrator meets a day beyond its own ties (roadblocks, search parties, house-to-house sweeps); it kills a hunted person it meets with the daily kill chance per attacker. Spread over the region's targeted people, so a killer's pace is bounded however many victims remain, and the last of them are found (0: perpetrators kill only among their ties).",
    source: "Straus 2006 (The Order of Genocide): killing groups at roadblocks and in search parties hunted Tutsi across their communes; Fujii 2009 (Killing Neighbors): killers joined groups that moved beyond their own neighbourhoods; Holling 1959: a predator's kills bounded by the time each takes. To be calibrated (issue 13).",
  },
  {
    name: 'roadblocks', group: 'calibration', kind: 'number', default: 0, min: 0, max: 1000, unit: "people/perpetrator",
    description: "People whose flight each perpetrator can stop at roadblocks and checkpoints under full orders (orders = 1): a hunted person who tries to flee its region is caught, and killed, with chance min(1, roadblocks x orders x perpetrators / people of the region), yesterday's counts. Barriers are manned only once the leadership orders attacks, and only where the aim is to destroy the group (0: flight is never stopped).",
    source: "Des Forges 1999 (Leave None to Tell the Story): barriers across Rwanda, set up on the orders of prefects, bourgmestres and cell leaders and manned by militia and civilians, where Tutsi identified by their identity cards were killed as they fled; Straus 2006: roadblocks as a principal site of killing and of civilian participation. To be calibrated (issue 13).",
  },
  {
    name: 'forceKillRate', group: 'calibration', kind: 'number', default: 0.002, min: 0, max: 1, unit: "1/day",
    description: "Daily chance that the organised force at full strength and lethality kills a targeted person it can reach.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'forceKillCapacity', group: 'calibration', kind: 'number', default: 500, min: 0, max: 1e7, unit: "people/day",
    description: "Most people the organised force at full strength, engagement and lethality can kill in a day, however many it hunts: a handling limit, so a larger group does not make a force kill more people a day.",
    source: "Holling 1959's type II functional response (a predator's kills saturate with prey density: the time each kill takes); Valentino 2004 and Straus 2006: a state's killing is bounded by its killers' numbers, not its victims'. To be calibrated (issue 13).",
  },
  {
    name: 'mobilisableShare', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 1, unit: "share", structural: true,
    description: "Share of the non-targeted population who could be mobilised at all (adults able and willing to be called up); the rest never join unless an administration that compels conscripts them (conscription).",
    source: "Straus 2006: perpetrators were mostly adult men. To be calibrated (issue 13).",
  },
  {
    name: 'conscription', group: 'calibration', kind: 'number', default: 0, min: 0, max: 1, unit: "share",
    description: "Share of the population an administration that compels participation (compulsion 1) adds to the pool that can join, beyond the mobilisable share, once attacks are ordered: the pool is mobilisableShare + conscription x compulsion (at most 1). Conscripts still join only when their pressure reaches their bar (0: only the mobilisable can join).",
    source: "Straus 2006 (The Order of Genocide), chs. 4-5: most Rwandan perpetrators took part under orders from local authorities and pressure from peers, and refusing carried fines, beatings or death, so participation reached men with no prior disposition to kill; Fujii 2009 (Killing Neighbors); Des Forges 1999 (Leave None to Tell the Story): bourgmestres and cell leaders called men out for communal 'work' and to man the barriers. To be calibrated (issue 13).",
  },
  {
    name: 'resilienceGain', group: 'calibration', kind: 'number', default: 0.05, min: 0, max: 1, unit: "1/day",
    description: "Daily growth of the population's resilience to incitement at full counter-messaging.",
    source: "Luck 2018, Potential: pushing back on incitement. To be calibrated (issue 13).",
  },
  {
    name: 'resilienceHalfLife', group: 'calibration', kind: 'number', default: 120, min: 1, max: 3650, unit: "days",
    description: "Half-life of the resilience counter-messaging builds: an early pulse lasts after it ends.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'voiceWeight', group: 'calibration', kind: 'number', default: 0.6, min: 0, max: 2, unit: "weight",
    description: "Weight of the UN's public voice in counter-messaging.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'partnerBase', group: 'calibration', kind: 'number', default: 0.25, min: 0, max: 2, unit: "multiplier",
    description: "Counter-messaging multiplier with no local partners.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'partnerWeight', group: 'calibration', kind: 'number', default: 1.5, min: 0, max: 4, unit: "multiplier",
    description: "Counter-messaging multiplier added by local partners at full strength.",
    source: "Luck 2018, Implications: local partners \"can be invaluable\". To be calibrated (issue 13).",
  },
  {
    name: 'restraintMessaging', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 2, unit: "pressure",
    description: "Restraint on bystanders from counter-messaging.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'restraintCost', group: 'calibration', kind: 'number', default: 0.3, min: 0, max: 2, unit: "pressure",
    description: "Restraint on bystanders from the leadership's expected cost (deterrence of foot soldiers).",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'bystanderFlee', group: 'calibration', kind: 'number', default: 0.2, min: 0, max: 1, unit: "x fleeRate",
    description: "Bystanders' flight from violence next to them, as a share of the targeted's fleeRate.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'protectionRobust', group: 'calibration', kind: 'number', default: 0.7, min: 0, max: 1, unit: "share",
    description: "Cut in the daily kill hazard in a region covered by a robust presence at capacity 1.",
    source: "Hultman, Kathman and Shannon 2013. To be calibrated (issue 13).",
  },
  {
    name: 'protectionWeak', group: 'calibration', kind: 'number', default: 0.2, min: 0, max: 1, unit: "share",
    description: "Cut in the daily kill hazard in a region covered by a weak presence at capacity 1.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'restraintRobust', group: 'calibration', kind: 'number', default: 0.25, min: 0, max: 2, unit: "pressure",
    description: "Restraint on bystanders in a region covered by a robust presence at capacity 1.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'restraintWeak', group: 'calibration', kind: 'number', default: 0.1, min: 0, max: 2, unit: "pressure",
    description: "Restraint on bystanders in a region covered by a weak presence at capacity 1.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'weakMandateDefence', group: 'calibration', kind: 'number', default: 0.35, min: 0, max: 1, unit: "share",
    description: "Share of its capacity a weakly mandated presence puts into defending a venue.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'forceCapacity', group: 'calibration', kind: 'number', default: 0.7, min: 0, max: 1, unit: "index",
    description: "Capacity an authorised force adds when it arrives.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'outsideForceDeterrence', group: 'calibration', kind: 'number', default: 0.3, min: 0, max: 1, unit: "credibility",
    description: "Credibility of consequences a non-UN protective force on the ground adds per unit of its capacity.",
    source: 'Luck 2018, Implications: "regional arrangements, neighbors, influential governments" among those who can "interrupt and disrupt such a chain of decisions". To be calibrated (issue 13).',
  },
  {
    name: 'mobAttack', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 4, unit: "strength",
    description: "Attack on a venue by a fully mobilised local population at full lethality (against the venue's defence: capacity x mandate).",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'forceAttack', group: 'calibration', kind: 'number', default: 0.8, min: 0, max: 4, unit: "strength",
    description: "Attack on a venue by the organised force at full strength, engagement and lethality.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'resistBase', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 2, unit: "multiplier",
    description: "Bystanders' resistance multiplier with no local partners (resistChance = resistRate x (resistBase + localPartners) x (1 + counter-messaging)).",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'dangerScale', group: 'calibration', kind: 'number', default: 10, min: 0, max: 100, unit: "x deaths share",
    description: "News of killing: a region's danger for the targeted is dangerScale x yesterday's deaths / targeted alive there, up to dangerCap.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'dangerCap', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 1, unit: "danger",
    description: "Most danger news of killing nearby adds.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'mobilisedScale', group: 'calibration', kind: 'number', default: 3, min: 0, max: 20, unit: "x joined share",
    description: "A venue's attackers count as fully mobilised at a joined share of 1 / mobilisedScale.",
    source: "To be calibrated (issue 13).",
  },
  // ---- risk as the UN reads it (risk.ts, kernel.ts) --------------------------------------------
  {
    name: 'highRisk', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 1, unit: "risk",
    description: "True risk at which risk counts as high and imminent (appeasement, legitimacy).",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'legitimacyGain', group: 'calibration', kind: 'number', default: 0.002, min: 0, max: 0.1, unit: "1/day",
    description: "Daily gain in legitimacy (x (1 - legitimacy)) when the UN speaks while risk is high.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'legitimacyLossSilent', group: 'calibration', kind: 'number', default: 0.003, min: 0, max: 0.1, unit: "1/day",
    description: "Daily loss of legitimacy when the UN is silent while risk is high.",
    source: "Luck 2018, Implications: \"Each time the UN fails to utilize its voice ... it feeds cynicism\". To be calibrated (issue 13).",
  },
  {
    name: 'legitimacyLossKilling', group: 'calibration', kind: 'number', default: 0.002, min: 0, max: 0.1, unit: "1/day",
    description: "Daily loss of legitimacy on a day of killing without a word from the UN.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'riskPlanWeight', group: 'calibration', kind: 'number', default: 0.55, min: 0, max: 1, unit: "weight",
    description: "Weight of the leadership's plan (rung / 4) in the true risk; the mobilisation takes the rest.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'riskMobilisationScale', group: 'calibration', kind: 'number', default: 5, min: 0, max: 100, unit: "x joined share",
    description: "The mobilisation term of true risk is full at a joined share of 1 / riskMobilisationScale.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'visibleRiskScale', group: 'calibration', kind: 'number', default: 20, min: 0, max: 1000, unit: "x deaths share",
    description: "Risk the Council can see for itself: visibleRiskScale x deaths in the last 30 days / targeted population.",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'voicePersistence', group: 'calibration', kind: 'number', default: 0.95, min: 0, max: 1, unit: "1/day",
    description: "Share of the UN's public voice that carries over to the next day (a message is remembered for weeks).",
    source: "To be calibrated (issue 13).",
  },
  {
    name: 'warningPersistence', group: 'calibration', kind: 'number', default: 0.97, min: 0, max: 1, unit: "1/day",
    description: "Share of the warnings carried to the leadership that carries over to the next day.",
    source: "To be calibrated (issue 13).",
  },
] as const satisfies readonly ParamDef[];
