/**
 * The one source of truth for the main model's parameters: name, default, range, unit, description,
 * group and the article passage each one stands for. Validation, `r2p-sim params`, CLI flags,
 * the app's controls and docs/ODD.md all read this list.
 *
 * `structural` parameters shape the world at set-up (population size, network) and cannot be
 * scheduled to change mid-run; every other parameter can (`--set name=value@tick`).
 */
import type { ParamDef, ParamValue } from '../../engine/params';
import { CALIBRATION_DEFS } from './calibration';
import { ORGAN_CALIBRATION_DEFS } from './calibration-organs';
import { FITTED } from './fitted';

export type ParamGroup =
  | 'world'
  | 'settings'
  | 'perpetrators'
  | 'population'
  | 'mediators'
  | 'secretariat'
  | 'council'
  | 'organs'
  | 'peacekeepers'
  | 'outcome'
  | 'timeline'
  | 'calibration';

const LUCK = 'Luck 2018';

const SETTING_DEFS = [
  // ---- world -------------------------------------------------------------------------------
  {
    name: 'agents', group: 'world', kind: 'integer', default: 10_000, min: 100, max: 2_000_000,
    unit: 'agents', structural: true,
    description: 'Population agents (targeted group and others) on the social network.',
    source: 'Model brief, Agents 2: "many agents in groups ... placed on a social network or space".',
  },
  {
    name: 'peoplePerAgent', group: 'world', kind: 'number', default: 50, min: 1, max: 100_000,
    unit: 'people/agent', structural: true,
    description: 'People each population agent stands for; converts agent deaths into people killed.',
    source: 'Scale choice (ours); needed to apply the Early Warning Project threshold in people.',
  },
  {
    name: 'targetShare', group: 'world', kind: 'number', default: 0.3, min: 0.01, max: 0.9,
    unit: 'share', structural: true,
    description: 'Share of the population that belongs to the targeted group.',
    source: 'Framework of Analysis, risk factor 9 (intergroup tensions against protected groups).',
  },
  {
    name: 'networkDegree', group: 'world', kind: 'integer', default: 8, min: 2, max: 40,
    unit: 'ties/agent', structural: true,
    description: 'Ties per agent in the small-world social network (rounded down to an even number).',
    source: 'Granovetter 1978 threshold cascades need a neighbourhood; Watts-Strogatz ring lattice.',
  },
  {
    name: 'rewiring', group: 'world', kind: 'number', default: 0.05, min: 0, max: 1,
    unit: 'probability', structural: true,
    description: 'Probability that a lattice tie is rewired to a random agent (small-world shortcuts).',
    source: 'Watts-Strogatz construction; spill-overs beyond the village (Yanagizawa-Drott 2014).',
  },
  {
    name: 'regions', group: 'world', kind: 'integer', default: 20, min: 1, max: 1000,
    unit: 'regions', structural: true,
    description: 'Contiguous regions of the network: the unit of peacekeeper presence and of safe areas.',
    source: 'Model brief, Peacekeepers: "presence by region".',
  },
  {
    name: 'armedConflict', group: 'world', kind: 'number', default: 0.5, min: 0, max: 1,
    unit: 'intensity',
    description: 'Intensity of armed conflict or instability around the crisis (0: none).',
    source: `${LUCK}, Shortcomings: "horrific atrocities have occurred in a number of situations without armed conflict".`,
  },
  {
    name: 'armedChallenge', group: 'world', kind: 'number', default: 0, min: 0, max: 1,
    unit: 'degree',
    description: 'Armed challenge the perpetrators face: an insurgency or a war against them (1: in full; 0: none). Instability without armed conflict is no armed challenge. Under an aim to coerce it makes the violence lethal (ODD 7.13).',
    source: 'Valentino, Huth and Balch-Lindsay 2004 (International Organization 58(2), "Draining the Sea"): mass killing in war follows the guerrilla threat; Kalyvas 2006 (The Logic of Violence in Civil War).',
  },
  {
    name: 'stateWeakness', group: 'world', kind: 'number', default: 0.4, min: 0, max: 1,
    unit: 'index',
    description: 'Weakness of state structures (Framework risk factor 3); raises the leadership\'s motive.',
    source: 'Framework of Analysis, risk factor 3; Luck 2018 on structural prevention.',
  },
  {
    name: 'priorAtrocities', group: 'world', kind: 'number', default: 0, min: 0, max: 1,
    unit: 'index',
    description: 'Record of past atrocities or serious violations (0: none); "the best predictor of genocide is past genocide".',
    source: `${LUCK}, Shortcomings, on the Peacebuilding Commission.`,
  },
  // ---- the user's three settings -------------------------------------------------------------
  {
    name: 'incitement', group: 'settings', kind: 'number', default: 0.55, min: 0, max: 1,
    unit: 'strength',
    description: 'Strength of hate propaganda: how far exposure lowers thresholds to join the perpetrators.',
    source: `${LUCK}, Potential: "discouraging the incitement of atrocity crimes"; model brief, settings.`,
  },
  {
    name: 'incitementReach', group: 'settings', kind: 'number', default: 0.5, min: 0, max: 1,
    unit: 'share/day',
    description: 'Share of the population the hate media reach on a day while the leadership incites.',
    source: 'Model brief, settings: "how strong and how far-reaching"; RTLM reach (Yanagizawa-Drott 2014).',
  },
  {
    name: 'deterrence', group: 'settings', kind: 'number', default: 0.3, min: 0, max: 1,
    unit: 'credibility',
    description: 'Baseline credibility of consequences (ICC, sanctions, force, presence on the ground).',
    source: `${LUCK}, Shortcomings: the ICC "critical talking point about the decline of impunity".`,
  },
  {
    name: 'regionalPressure', group: 'settings', kind: 'number', default: 0, min: 0, max: 1,
    unit: 'credibility',
    description: "Credibility of consequences added by regional organisations' leverage: sanctions, suspension, or their threat.",
    source: `${LUCK}, Implications: "The United Nations, regional arrangements, neighbors, influential governments, and civil society need to recognize opportunities to interrupt and disrupt such a chain of decisions".`,
  },
  {
    name: 'sanctionsInForce', group: 'settings', kind: 'number', default: 0, min: 0, max: 1,
    unit: 'credibility',
    description: 'Credibility of consequences added by Security Council sanctions already in force when the period opens (an arms embargo, targeted measures).',
    source: `${LUCK}, Potential: the Council's "wide range of tools" under Chapter VII (Art. 41 measures).`,
  },
  {
    name: 'deterrenceSeverity', group: 'settings', kind: 'number', default: 0.6, min: 0, max: 1,
    unit: 'severity',
    description: 'Severity of the consequences if they come; expected cost = credibility x severity.',
    source: 'Model brief, settings: "how credible and how severe the consequences are".',
  },
  {
    name: 'impartiality', group: 'settings', kind: 'number', default: 0.6, min: 0, max: 1,
    unit: 'even-handedness',
    description: 'Stance of the UN and mediators from taking sides (0) to strict even-handedness (1).',
    source: `${LUCK}, Remedies: impartiality "has its place, but should not be applied uniformly".`,
  },
  // ---- perpetrator leadership -----------------------------------------------------------------
  {
    name: 'perpetratorType', group: 'perpetrators', kind: 'enum', default: 'government',
    values: ['government', 'armed-group', 'extremist-armed-group'], unit: '',
    description: 'Who leads the perpetrators; deterrent threats weigh least on extremist armed groups.',
    source: `${LUCK}, Shortcomings: the ICC message falls on deaf ears when "the atrocities are being committed by extremist armed groups".`,
  },
  {
    name: 'perpetratorAim', group: 'perpetrators', kind: 'enum', default: 'destroy',
    values: ['coerce', 'expel', 'destroy'], unit: '',
    description: "What the leadership seeks through killing: to break resistance (coerce), to drive the targeted group out (expel), or to destroy it (destroy). Mass killing reaches the whole group only when the aim is to destroy it; expulsion spreads terror that drives the group out.",
    source: 'Valentino 2004 (Final Solutions): coercive and dispossessive mass killing; Harff 2003: genocide and politicide; Genocide Convention, art. II ("intent to destroy, in whole or in part").',
  },
  {
    name: 'stakes', group: 'perpetrators', kind: 'number', default: 0.7, min: 0, max: 1,
    unit: 'index',
    description: 'What the leadership sees at stake in the struggle; the motive weighed against expected cost.',
    source: `${LUCK}, Implications: "Mass atrocities are not spontaneous events ... a series of destructive choices".`,
  },
  {
    name: 'hardlinersAfterChange', group: 'perpetrators', kind: 'number', default: 0.5, min: 0, max: 1,
    unit: 'share',
    description: 'Weight of hardliners in the leadership that takes over on leadershipChangeDay (used only if that day is set).',
    source: `${LUCK}, Implications: atrocities flow from "a series of destructive choices over time"; who makes the choices can change.`,
  },
  {
    name: 'reprisals', group: 'perpetrators', kind: 'number', default: 0, min: 0, max: 1,
    unit: 'index',
    description: "Violence on both sides: how far the targeted side strikes back, so that killing it suffers returns to the perpetrators' leadership as a shock (a spiral).",
    source: 'Kenya 2008 (the late-January reprisals in Naivasha and Nakuru, CIPEV 2008); South Sudan 2013-14 (AU Commission of Inquiry, 2014).',
  },
  {
    name: 'existentialStakes', group: 'perpetrators', kind: 'number', default: 0.3, min: 0, max: 1,
    unit: 'degree',
    description: 'How far the leadership sees the struggle in existential terms (discounts deterrence, hardens factions).',
    source: `${LUCK}, Shortcomings: the message falls on deaf ears "when the targeted leadership already sees the struggle in existential terms".`,
  },
  {
    name: 'hardliners', group: 'perpetrators', kind: 'number', default: 0.5, min: 0, max: 1,
    unit: 'share', structural: true,
    description: 'Initial weight of hardliners against moderates in the leadership.',
    source: `${LUCK}, Shortcomings: quiet diplomacy works "when the regime is divided or not fully committed".`,
  },
  {
    name: 'cohesion', group: 'perpetrators', kind: 'number', default: 0.5, min: 0, max: 1,
    unit: 'index',
    description: 'Cohesion of the regime: 1 united, 0 deeply divided; a divided regime can be moved by quiet diplomacy.',
    source: `${LUCK}, Shortcomings, on quiet diplomacy and divided regimes.`,
  },
  {
    name: 'patron', group: 'perpetrators', kind: 'boolean', default: false, unit: '',
    description: 'A permanent Council member backs the leadership: it vetoes coercive measures and blunts deterrence.',
    source: `${LUCK}, Shortcomings: the ICC message fails when the leadership "has the backing of a permanent member".`,
  },
  {
    name: 'leadershipNoise', group: 'perpetrators', kind: 'number', default: 0.03, min: 0, max: 0.5,
    unit: 'sd',
    description: 'Day-to-day noise in the leadership\'s net assessment of climbing.',
    source: 'Ours: bounded rationality in the leadership\'s choice.',
  },
  {
    name: 'spoilerPropensity', group: 'perpetrators', kind: 'number', default: 0.5, min: 0, max: 1,
    unit: 'index',
    description: 'How strongly progress towards a settlement tempts hardliners to spoil it by atrocities.',
    source: `${LUCK}, Shortcomings: "The very process of conflict resolution may tempt one or more parties to resort to ... atrocities".`,
  },
  {
    name: 'settlementInclusion', group: 'perpetrators', kind: 'number', default: 0.5, min: 0, max: 1,
    unit: 'share',
    description: 'How far the settlement on offer gives the hardliners a share of power (0: it excludes them, 1: power sharing).',
    source: `${LUCK}, Shortcomings: the process "may tempt one or more parties"; Stedman 1997 (spoilers are those a settlement threatens). Arusha excluded the CDR; Kenya's National Accord shared power.`,
  },
  {
    name: 'organisedForce', group: 'perpetrators', kind: 'number', default: 0.3, min: 0, max: 1,
    unit: 'strength',
    description: "Strength of the perpetrators' organised force (army, police, militia, armed group) against the targeted population: it kills without mass participation.",
    source: 'Straus 2006 (soldiers, police and militia led the killing in Rwanda); ICTY Krstic (Srebrenica: army and police units); UN Panel of Experts on Sri Lanka 2011 (shelling by government forces).',
  },
  {
    name: 'orders', group: 'perpetrators', kind: 'number', default: 0.2, min: 0, max: 1,
    unit: 'pressure',
    description: "Orders and coercion to take part, from local authorities and the organised force, once the leadership orders attacks (rung targeted-attacks and up): added to every bystander's pressure to join.",
    source: 'Straus 2006, The Order of Genocide: most Rwandan perpetrators joined under pressure from authorities and peers; hate radio about 10% of participation (Yanagizawa-Drott 2014).',
  },
  {
    name: 'compulsion', group: 'perpetrators', kind: 'number', default: 0, min: 0, max: 1,
    unit: 'share',
    description: "How far refusing the authorities' call to take part is dangerous, once the leadership orders attacks: 1 where the administration calls every man out and punishes refusal (the strong level of ordersAndCoercion), 0 where only the willing answer. It widens the pool of those who can join by conscription (a calibration constant).",
    source: 'Straus 2006, The Order of Genocide, chs. 4-5 (refusing carried fines, beatings or death); Des Forges 1999, Leave None to Tell the Story (bourgmestres and cell leaders called men out for communal work and the barriers).',
  },
  // ---- population ---------------------------------------------------------------------------
  {
    name: 'thresholdMean', group: 'population', kind: 'number', default: 0.6, min: 0, max: 1,
    unit: 'share', structural: true,
    description: 'Mean personal threshold to join the perpetrators (Granovetter), before incitement and restraint.',
    source: 'Granovetter 1978; model brief, Agents 2.',
  },
  {
    name: 'thresholdSd', group: 'population', kind: 'number', default: 0.2, min: 0, max: 1,
    unit: 'share', structural: true,
    description: 'Spread of personal thresholds (normal, clipped to [0, 1]).',
    source: 'Granovetter 1978: small changes in the threshold distribution flip outcomes.',
  },
  {
    name: 'exposureMemory', group: 'population', kind: 'number', default: 0.1, min: 0.001, max: 1,
    unit: '1/day',
    description: 'Rate at which an agent\'s exposure to hate media follows its daily exposure (1: no memory).',
    source: 'Ours: radicalisation builds over weeks of broadcasts (Yanagizawa-Drott 2014).',
  },
  {
    name: 'demobilisation', group: 'population', kind: 'number', default: 0.15, min: 0, max: 1,
    unit: 'share',
    description: 'Hysteresis: a member leaves the perpetrators only when pressure falls this far below its threshold.',
    source: 'Ours: participation, once begun, is sticky; makes late push-back weaker than early.',
  },
  {
    name: 'killRate', group: 'population', kind: 'number', default: 0.08, min: 0, max: 1,
    unit: '1/day per attacker',
    description: 'Daily chance that one perpetrator neighbour kills a targeted agent at full lethality.',
    source: 'Ours; Rwanda 1994 order of magnitude in shared/reference.',
  },
  {
    name: 'fleeRate', group: 'population', kind: 'number', default: 0.08, min: 0, max: 1,
    unit: '1/day',
    description: 'Daily chance that a threatened targeted agent flees, times the danger it sees.',
    source: 'Model brief, Agents 2: targeted members can flee or seek protection.',
  },
  {
    name: 'seekProtectionRate', group: 'population', kind: 'number', default: 0.15, min: 0, max: 1,
    unit: '1/day',
    description: 'Daily chance that a threatened targeted agent seeks protection where protection is promised.',
    source: 'Model brief, Peacekeepers: a declared safe area "draws the targeted population in".',
  },
  {
    name: 'resistRate', group: 'population', kind: 'number', default: 0.04, min: 0, max: 1,
    unit: '1/day',
    description: 'Daily chance that a bystander next to violence resists or shelters, before local partners and counter-messaging.',
    source: `${LUCK}, Implications: local partners "can be invaluable".`,
  },
  {
    name: 'shelterEffect', group: 'population', kind: 'number', default: 0.3, min: 0, max: 1,
    unit: 'share',
    description: 'How much each resisting neighbour cuts a targeted agent\'s daily risk of being killed.',
    source: 'Model brief, Agents 2: "resist or shelter others".',
  },
  {
    name: 'localPartners', group: 'population', kind: 'number', default: 0.5, min: 0, max: 1,
    unit: 'strength',
    description: 'Civil society, clergy, media, business, parliaments: multiply counter-messaging and resistance (near 0 under closed rule).',
    source: `${LUCK}, Implications: "Where no such partners can be engaged ... external actors have much less to work with".`,
  },
  {
    name: 'counterMessaging', group: 'population', kind: 'number', default: 0, min: 0, max: 1,
    unit: 'effort',
    description: 'Standing effort of the UN and partners pushing back on incitement, beyond the Secretariat\'s own messages.',
    source: `${LUCK}, Potential: "pushing back against indications of incitement has proven to be one of the most flexible and timely tools".`,
  },
  // ---- mediators ----------------------------------------------------------------------------
  {
    name: 'mediators', group: 'mediators', kind: 'integer', default: 3, min: 0, max: 12,
    unit: 'mediators', structural: true,
    description: 'Mediators engaged: regional and sub-regional bodies, neighbouring or influential states, UN envoys.',
    source: `${LUCK}, Implications: "The United Nations, regional arrangements, neighbors, influential governments".`,
  },
  {
    name: 'mediationTrack', group: 'mediators', kind: 'boolean', default: true, unit: '',
    description: 'A mediation track towards a settlement exists (its progress can tempt spoilers).',
    source: `${LUCK}, Implications: Rwanda "framed chiefly as a matter of implementing the Arusha accords".`,
  },
  // ---- Secretariat ----------------------------------------------------------------------------
  {
    name: 'earlyWarningNoise', group: 'secretariat', kind: 'number', default: 0.15, min: 0, max: 1,
    unit: 'sd',
    description: 'Noise on the risk signal the Secretariat receives each day.',
    source: `${LUCK}, Implications: "Early warning ... is much less of a problem than assessment and framing".`,
  },
  {
    name: 'framingLens', group: 'secretariat', kind: 'enum', default: 'conflict',
    values: ['conflict', 'humanitarian', 'atrocity'], unit: '',
    description: 'The Secretariat\'s habitual reading of a crisis before evidence moves it.',
    source: `${LUCK}, Shortcomings: "The mother of all muddles ... conflation of conflict prevention and atrocity prevention"; Sri Lanka framed as humanitarian.`,
  },
  {
    name: 'specialAdviserAccess', group: 'secretariat', kind: 'enum', default: 'filtered',
    values: ['direct', 'filtered'], unit: '',
    description: 'The Special Adviser reaches the Secretary-General directly or through a committee.',
    source: `${LUCK}, Shortcomings: "risks in imposing any barriers to the direct access of those mandated to prevent atrocity crimes".`,
  },
  {
    name: 'selfCensorship', group: 'secretariat', kind: 'number', default: 0.5, min: 0, max: 1,
    unit: 'index',
    description: 'How far the Secretariat tells the Council what it wants to hear rather than what it needs to hear.',
    source: `${LUCK}, Shortcomings: "the Secretariat engages in pre-emptive self-censorship".`,
  },
  {
    name: 'individualResponsibility', group: 'secretariat', kind: 'number', default: 0.4, min: 0, max: 1,
    unit: 'propensity',
    description: 'Propensity of the Secretariat to act on its own responsibility without a mandate instead of passing the buck.',
    source: `${LUCK}, Remedies: "collective undertakings offer myriad opportunities for passing the buck"; individual responsibility to protect.`,
  },
  // ---- Security Council -----------------------------------------------------------------------
  {
    name: 'councilWillingness', group: 'council', kind: 'number', default: 0.45, min: 0, max: 1,
    unit: 'index',
    description: 'Mean disposition of the fifteen Council members to act.',
    source: `${LUCK}, Shortcomings: "the 193 Member States are simultaneously the greatest strength and the greatest weakness".`,
  },
  {
    name: 'forceDoctrine', group: 'council', kind: 'enum', default: 'strict-last-resort',
    values: ['strict-last-resort', 'measure-of-last-resort'], unit: '',
    description: 'Force only after every other step in turn, or available early when risk is high and imminent.',
    source: `${LUCK}, Remedies: "measure of last resort" versus force "as a last resort in a sequential or chronological manner".`,
  },
  {
    name: 'measureWait', group: 'council', kind: 'integer', default: 21, min: 1, max: 365,
    unit: 'days',
    description: 'Days a Council measure is given to work before the next step is considered.',
    source: `${LUCK}, Remedies, on sequencing (Brazil's RWP proposal). Documented: S/RES/1970 (26 Feb 2011) to 1973 (17 Mar 2011), 19 days; Rwanda S/RES/909 (5 Apr 1994) to 912 (21 Apr), 16 days, and 912 to 918 (17 May), 26 days.`,
  },
  {
    name: 'forceDelay', group: 'council', kind: 'integer', default: 30, min: 0, max: 365,
    unit: 'days',
    description: 'Days between authorising force and a protection force on the ground.',
    source: `${LUCK}, Potential: coercive response "requires the mobilization of ... military capacities of the Member States". Documented: S/RES/929 (22 Jun 1994) to Operation Turquoise (23 Jun); S/RES/1973 (17 Mar 2011) to air strikes (19 Mar); UNAMIR II (S/RES/918, 17 May 1994) fully deployed only by October 1994.`,
  },
  // ---- other organs -----------------------------------------------------------------------------
  {
    name: 'unitingForPeace', group: 'organs', kind: 'boolean', default: true, unit: '',
    description: 'The General Assembly acts under Uniting for Peace when the Council is blocked.',
    source: `${LUCK}, Shortcomings: "Under the Uniting for Peace formula, the Assembly has a long history of authorizing peace operations".`,
  },
  {
    name: 'inquiries', group: 'organs', kind: 'boolean', default: true, unit: '',
    description: 'The Human Rights Council can open commissions of inquiry.',
    source: `${LUCK}, Shortcomings: "the Council's Commissions of Inquiry on [DPRK] and on Syria have both been outspoken".`,
  },
  {
    name: 'inquiryDelay', group: 'organs', kind: 'integer', default: 90, min: 1, max: 730,
    unit: 'days',
    description: 'Days from opening a commission of inquiry to its report.',
    source: 'Model brief, Human Rights Council: evidence "after a delay". Documented: Libya, A/HRC/RES/S-15/1 (25 Feb 2011) to A/HRC/17/44 (1 Jun 2011), 96 days; Syria, A/HRC/RES/S-17/1 (23 Aug 2011) to A/HRC/S-17/2/Add.1 (23 Nov 2011), 92 days.',
  },
  {
    name: 'pbcPreventive', group: 'organs', kind: 'boolean', default: false, unit: '',
    description: 'The Peacebuilding Commission has the pre-conflict (structural prevention) role it was first proposed with.',
    source: `${LUCK}, Potential: the High-level Panel's PBC was "to identify countries which are under stress".`,
  },
  // ---- peacekeepers --------------------------------------------------------------------------
  {
    name: 'peacekeeperCoverage', group: 'peacekeepers', kind: 'number', default: 0, min: 0, max: 1,
    unit: 'share of regions',
    description: 'Share of regions with UN peacekeepers present at the start.',
    source: `${LUCK}, Shortcomings: "the presence of UN peacekeepers on the ground—has proven to be a mixed blessing".`,
  },
  {
    name: 'peacekeeperCapacity', group: 'peacekeepers', kind: 'number', default: 0.3, min: 0, max: 1,
    unit: 'index',
    description: 'Capacity of peacekeepers where present, against a fully mobilised local perpetrator force.',
    source: 'Hultman, Kathman and Shannon 2013 (shared/reference).',
  },
  {
    name: 'mandate', group: 'peacekeepers', kind: 'enum', default: 'weak', values: ['weak', 'robust'], unit: '',
    description: 'Peacekeepers\' mandate: weak (self-defence, shelter in bases) or robust (protection of civilians).',
    source: `${LUCK}, Shortcomings: "The United Nations ... does not have a well-developed doctrine for the use of force".`,
  },
  {
    name: 'outsideForceCapacity', group: 'peacekeepers', kind: 'number', default: 0, min: 0, max: 1,
    unit: 'index',
    description: 'Capacity of a non-UN military force (regional or bilateral) that protects the targeted population, from outsideForceDay, against the perpetrators\' force.',
    source: 'East Timor 1999 (INTERFET, from 20 September: S/RES/1264); Mali 2013 (Operation Serval, from 11 January).',
  },
  {
    name: 'safeAreas', group: 'peacekeepers', kind: 'integer', default: 0, min: 0, max: 20,
    unit: 'regions',
    description: 'Regions declared safe areas; they draw threatened targeted people in.',
    source: `${LUCK}, Shortcomings: "A moral hazard can be created when the promise of protection is not matched ... safe areas in Bosnia-Herzegovina".`,
  },
  {
    name: 'safeAreaCapacity', group: 'peacekeepers', kind: 'number', default: 0.2, min: 0, max: 1,
    unit: 'index',
    description: 'Capacity to defend the declared safe areas.',
    source: `${LUCK}, Implications: "Why was it believed that Serbian forces would not test the Security Council's will to enforce the safe areas".`,
  },
  // ---- outcome measures ------------------------------------------------------------------------
  {
    name: 'legitimacy', group: 'outcome', kind: 'number', default: 0.7, min: 0, max: 1,
    unit: 'index', structural: true,
    description: 'The UN\'s legitimacy at the start; it falls when the UN looks away and weakens its voice.',
    source: `${LUCK}, Implications: "Each time the UN fails to utilize its voice ... it feeds cynicism".`,
  },
  {
    name: 'atrocityThreshold', group: 'outcome', kind: 'integer', default: 1000, min: 20, max: 10_000_000,
    unit: 'people', structural: true,
    description: 'Civilians of the targeted group killed within the window that makes a mass atrocity.',
    source: 'Early Warning Project (USHMM): at least 1,000 non-combatant civilians of a group within 12 months.',
  },
  {
    name: 'atrocityWindow', group: 'outcome', kind: 'integer', default: 365, min: 1, max: 3650,
    unit: 'days', structural: true,
    description: 'Length of the window over which the threshold is counted.',
    source: 'Early Warning Project: within 12 months.',
  },
  // ---- the case's clock: trigger events, each on its day (-1: none in this run) ---------------
  {
    name: 'electionDay', group: 'timeline', kind: 'integer', default: -1, min: -1, max: 36_500,
    unit: 'day', structural: true,
    description: "An election or the announcement of its result: power is decided, the stakes rise for a while.",
    source: "Kenya 2007 (27 December election, results on 30 December); Luck 2018, Implications (Kenya).",
  },
  {
    name: 'leaderKilledDay', group: 'timeline', kind: 'integer', default: -1, min: -1, max: 36_500,
    unit: 'day', structural: true,
    description: "A leader is killed: the hardliners gain over the moderates and the stakes rise.",
    source: "Rwanda 1994 (President Habyarimana's plane, 6 April); Kenya 2008 (opposition MPs killed, 29 and 31 January).",
  },
  {
    name: 'coupDay', group: 'timeline', kind: 'integer', default: -1, min: -1, max: 36_500,
    unit: 'day', structural: true,
    description: "A coup or an unconstitutional change of government: the state weakens and the stakes rise.",
    source: "Kyrgyzstan 2010 (President Bakiyev ousted, 7 April).",
  },
  {
    name: 'uprisingDay', group: 'timeline', kind: 'integer', default: -1, min: -1, max: 36_500,
    unit: 'day', structural: true,
    description: "A popular uprising against the leadership: the leadership sees its survival threatened.",
    source: "Libya 2011 (15-17 February); Syria 2011 (Daraa, 18 March).",
  },
  {
    name: 'offensiveDay', group: 'timeline', kind: 'integer', default: -1, min: -1, max: 36_500,
    unit: 'day', structural: true,
    description: "A military offensive: the organised force is brought fully to bear where the targeted population lives, and the stakes rise.",
    source: "Srebrenica 1995 (Krivaja 95, 6 July); Sri Lanka 2009 (the Vanni offensive); Libya 2011 (advance on Benghazi, 17-19 March).",
  },
  {
    name: 'townFallsDay', group: 'timeline', kind: 'integer', default: -1, min: -1, max: 36_500,
    unit: 'day', structural: true,
    description: "The perpetrators' forces take a town or enclave: they assault every venue where the targeted shelter, and a venue falls unless its defence holds.",
    source: "Srebrenica 1995 (the enclave fell on 11 July); Sri Lanka 2009 (Kilinochchi, 2 January).",
  },
  {
    name: 'clashDay', group: 'timeline', kind: 'integer', default: -1, min: -1, max: 36_500,
    unit: 'day', structural: true,
    description: "A violent incident between the groups: first violence in the streets, which local mobilisers exploit.",
    source: "Kyrgyzstan 2010 (Osh, night of 10 June).",
  },
  {
    name: 'agreementDay', group: 'timeline', kind: 'integer', default: -1, min: -1, max: 36_500,
    unit: 'day', structural: true,
    description: "A peace agreement is signed (0: already signed when the period opens).",
    source: "Rwanda 1993 (Arusha, 4 August 1993); Kenya 2008 (National Accord, 28 February).",
  },
  {
    name: 'mediationStartDay', group: 'timeline', kind: 'integer', default: 0, min: -1, max: 36_500,
    unit: 'day', structural: true,
    description: "The day the mediators arrive (0: from the start; -1: never); nothing happens if mediationTrack is false.",
    source: "Kenya 2008 (Panel of Eminent African Personalities from 22 January).",
  },
  {
    name: 'outsideForceDay', group: 'timeline', kind: 'integer', default: -1, min: -1, max: 36_500,
    unit: 'day', structural: true,
    description: 'A non-UN protective force (regional or bilateral) arrives, with outsideForceCapacity: it covers every region with a robust posture.',
    source: 'East Timor 1999 (INTERFET lands in Dili, 20 September); Iraq 2014 (US air strikes from 8 August).',
  },
  {
    name: 'peacekeepersFromDay', group: 'timeline', kind: 'integer', default: 0, min: 0, max: 36_500,
    unit: 'day', structural: true,
    description: "The day the UN peacekeepers of peacekeeperCoverage are on the ground, deployed with the host's consent (0: already there when the period opens).",
    source: `${LUCK}, Potential: preventive deployment (UNPREDEP in the former Yugoslav Republic of Macedonia, 1995-99).`,
  },
  {
    name: 'leadershipChangeDay', group: 'timeline', kind: 'integer', default: -1, min: -1, max: 36_500,
    unit: 'day', structural: true,
    description: 'A change of leadership (not a coup): a new leadership with hardlinersAfterChange takes over and starts its planning afresh.',
    source: 'Mali 2012 (the Islamist groups drive the MNLA out of Gao, 27 June 2012: A/HRC/22/33).',
  },
] as const satisfies readonly ParamDef[];

/**
 * The calibrated values (fitted.ts, written by `r2p-sim calibrate --write-defaults`) replace the
 * defaults of the constants they fit; each such parameter's source says so and keeps the value
 * it had before the fit.
 */
function withFitted<T extends readonly ParamDef[]>(defs: T): T {
  const fit = FITTED.provenance;
  if (!fit) return defs;
  return defs.map((d) => {
    const v = FITTED.values[d.name];
    if (v === undefined) return d;
    return { ...d, default: v, source: `${d.source} Calibrated on ${fit.date} (docs/calibration.md; before: ${String(d.default)}).` };
  }) as unknown as T;
}

/** Every parameter: the settings and facts above, then the constants to be calibrated. */
export const PARAM_DEFS = withFitted([...SETTING_DEFS, ...CALIBRATION_DEFS, ...ORGAN_CALIBRATION_DEFS] as const satisfies readonly ParamDef[]);

type Defs = typeof PARAM_DEFS;
type DefByName<N extends Defs[number]['name']> = Extract<Defs[number], { name: N }>;
type ValueOf<D> = D extends { kind: 'boolean' }
  ? boolean
  : D extends { kind: 'enum'; values: readonly (infer V)[] }
    ? V
    : number;

export type ParamName = Defs[number]['name'];
/** A full, validated parameter set. */
export type Params = { readonly [N in ParamName]: ValueOf<DefByName<N>> };

export const PARAM_BY_NAME: ReadonlyMap<string, ParamDef> = new Map(
  (PARAM_DEFS as readonly ParamDef[]).map((d) => [d.name, d]),
);

export function defaultParams(): Params {
  const out: Record<string, ParamValue> = {};
  for (const d of PARAM_DEFS as readonly ParamDef[]) out[d.name] = d.default;
  return out as Params;
}
