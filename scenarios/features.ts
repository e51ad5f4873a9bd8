/**
 * The one mapping from a case's documented features to model parameters.
 *
 * A feature is something a historian can establish from documents (was there armed conflict,
 * did a permanent member back the perpetrators, how far did the hate radio reach); its levels
 * are coarse on purpose, so that a profile can only say what the sources say, and every case
 * that shares a level gets the same numbers. Nothing here is tuned to make a case come out as
 * the article reads it: the level values are set once, for all cases, with the reason in `why`.
 * `docs/scenarios.md` renders this table; a test keeps it current.
 */
import type { ParamName, ParamValue } from '../sim/index';

type Mapped = Partial<Record<ParamName, ParamValue>>;

interface FeatureBase {
  readonly name: string;
  /** What the feature records, in words a case writer can check against the sources. */
  readonly description: string;
  /** Why these parameters and these values: the argument anyone can read and dispute. */
  readonly why: string;
}

export interface LevelFeature extends FeatureBase {
  readonly kind: 'levels';
  /** Each level, in order from least to most, with the parameters it sets. */
  readonly levels: Readonly<Record<string, Mapped>>;
  /**
   * The level a case profile that leaves the feature out takes (NEUTRAL_RULE): absent for
   * something that exists or not, the middle level for a scale, never a level chosen because it
   * favours escalation.
   */
  readonly neutral: string;
}

export interface CountFeature extends FeatureBase {
  readonly kind: 'count';
  readonly min: number;
  readonly max: number;
  readonly unit: string;
  /** The parameter the count sets: param = count x scale, or count x scale / agents when `perAgent`. */
  readonly param: ParamName;
  readonly scale: number;
  /** The count is a total over the population, spread over the model's agents. */
  readonly perAgent?: boolean;
}

export type FeatureDef = LevelFeature | CountFeature;

const LUCK = 'Luck 2018';

/**
 * The rule for a feature a case profile leaves out (issue 13): a profile can only say what its
 * sources say, so silence must not push a case towards escalation. Something that exists or not
 * (hate media, a patron, peacekeepers, an outside force, reprisals) is absent; a scale (state
 * weakness, cohesion, the UN's conduct) takes its middle level. Teaching and generic scenarios
 * keep the model's defaults instead (they state every setting they change).
 */
export const NEUTRAL_RULE =
  'A case profile that leaves a feature out gets its neutral level: absent for something that exists or not, the middle level for a scale; never a level chosen because it favours escalation. Teaching and generic scenarios keep the model defaults.';

export const FEATURE_DEFS: readonly FeatureDef[] = [
  // ---- the situation --------------------------------------------------------------------------
  {
    name: 'armedConflict',
    kind: 'levels',
    neutral: 'none',
    description: 'Armed conflict or instability around the crisis when the period opens (Framework risk factor 1); a war that starts or resumes later is an offensive on the timeline.',
    levels: { none: { armedConflict: 0, armedChallenge: 0 }, instability: { armedConflict: 0.3, armedChallenge: 0 }, 'civil-war': { armedConflict: 0.8, armedChallenge: 1 } },
    why: `Risk factor 1. In the model it opens the killing rungs (opportunity), draws the Secretariat's attention and shapes its reading, and a civil war is an armed challenge in full (armedChallenge 1), which with the violence on both sides and a popular uprising makes coercion lethal (coercionLethality); instability without armed conflict is no armed challenge (armedChallenge 0); ${LUCK} (Shortcomings) stresses that atrocities also happen "without armed conflict", so \`none\` is a real level, not a safe one.`,
  },
  {
    name: 'stateWeakness',
    kind: 'levels',
    neutral: 'medium',
    description: 'Weakness of state structures (Framework risk factor 3).',
    levels: { low: { stateWeakness: 0.2 }, medium: { stateWeakness: 0.45 }, high: { stateWeakness: 0.75 } },
    why: 'Risk factor 3; a weak state raises the leadership\'s motive in the model. Three even steps across the range.',
  },
  {
    name: 'priorAtrocities',
    kind: 'levels',
    neutral: 'none',
    description: 'Record of earlier mass violence against the same group (Framework risk factor 2).',
    levels: { none: { priorAtrocities: 0 }, some: { priorAtrocities: 0.4 }, severe: { priorAtrocities: 0.85 } },
    why: `Risk factor 2; ${LUCK} (Shortcomings): "the best predictor of genocide is past genocide". \`some\` is localised or decades-old violence; \`severe\` is mass killing within living memory.`,
  },
  {
    name: 'affectedPopulation',
    kind: 'count',
    min: 10,
    max: 100_000,
    unit: 'thousand people',
    param: 'peoplePerAgent',
    scale: 1000,
    perAgent: true,
    description: 'People living in the area the model represents (the same area as targetGroupShare), in thousands.',
    why: 'Sets the scale: each agent stands for population / agents people, so deaths are counted in people and the mass-atrocity threshold (in people) means the same in every case. Held when --agents changes the resolution.',
  },
  {
    name: 'targetGroupShare',
    kind: 'count',
    min: 1,
    max: 90,
    unit: 'percent',
    param: 'targetShare',
    scale: 0.01,
    description: 'The targeted group as a percentage of the population in the affected area (documented census or estimate, rounded to a whole percent).',
    why: 'A demographic fact, passed through as a share (percent / 100).',
  },
  // ---- the perpetrators -----------------------------------------------------------------------
  {
    name: 'perpetratorType',
    kind: 'levels',
    neutral: 'government',
    description: 'Who leads the perpetrators: a government, an armed group, or an extremist armed group.',
    levels: {
      government: { perpetratorType: 'government' },
      'armed-group': { perpetratorType: 'armed-group' },
      'extremist-armed-group': { perpetratorType: 'extremist-armed-group' },
    },
    why: `${LUCK} (Shortcomings): the ICC message falls on deaf ears when "the atrocities are being committed by extremist armed groups". Passed through unchanged.`,
  },
  {
    name: 'perpetratorAim',
    kind: 'levels',
    neutral: 'coerce',
    description: 'What the perpetrators sought through the killing, as inquiries and courts found it: to break resistance or opposition (coerce), to drive the targeted group out of an area (expel: forced displacement, deportation, burning of homes, clearance), or to destroy the group in whole or in part (destroy: a court or commission of inquiry found, or found grounds to infer, genocidal intent).',
    levels: {
      coerce: { perpetratorAim: 'coerce' },
      expel: { perpetratorAim: 'expel' },
      destroy: { perpetratorAim: 'destroy' },
    },
    why: `Passed through unchanged. Whether mass killing reaches a whole group or the people taken for the opponents' base is the difference between genocide and mass repression (Valentino 2004; Harff 2003), and a finding of intent to destroy is what the Genocide Convention (art. II) asks for. The neutral level is coerce, because intent to destroy or to expel has to be shown. ${LUCK} (Shortcomings) counts both among the mass atrocities the UN failed to prevent.`,
  },
  {
    name: 'organisedForce',
    kind: 'levels',
    neutral: 'none',
    description:
      "The perpetrators' own organised force (army, police, militia, armed group) that can kill without mass participation: none (killing only by mobilised civilians), small (gangs, militias or units of a few hundred to a few thousand, locally), or large (an army or a corps-sized force with its police and militias).",
    levels: { none: { organisedForce: 0 }, small: { organisedForce: 0.3 }, large: { organisedForce: 0.7 } },
    why: `${LUCK} (Implications): mass atrocities "require some degree of planning and mobilization", and mobilisation need not be of the many: Srebrenica was killed by army and police units (ICTY, Prosecutor v. Krstić, IT-98-33-T, 2001) and the Vanni shelled by government forces (UN Panel of Experts on Sri Lanka, 2011), not by mass movements. \`none\` leaves killing to mobilised bystanders; \`small\` is the model's default strength (0.3), a force that kills where it is engaged but needs the population for scale; \`large\` (0.7) a force able to carry a campaign by itself. Set once for all cases.`,
  },
  {
    name: 'ordersAndCoercion',
    kind: 'levels',
    neutral: 'none',
    description:
      'Orders and coercion from local authorities and the organised force that push bystanders to take part: none (no documented pressure on civilians to join), some (local organisers, payment, threats in places), or strong (the administration mobilises down to the village, and refusing is dangerous).',
    levels: { none: { orders: 0, compulsion: 0 }, some: { orders: 0.2, compulsion: 0 }, strong: { orders: 0.5, compulsion: 1 } },
    why: `Straus, The Order of Genocide (2006): most Rwandan perpetrators joined under pressure from local authorities and peers, and hate radio accounts for about 10% of participation (Yanagizawa-Drott 2014); participation is not only a matter of incitement. The value is added to every bystander's pressure to join once the leadership organises, and \`strong\` alone compels (compulsion 1: refusing is dangerous), which widens the pool of those who can be called out at all beyond the willing (conscription, a calibrated constant: ODD 7.13). \`some\` is the model's default (0.2); \`strong\` (0.5) is pressure that by itself moves a bystander halfway to the average threshold; \`none\` (0) is killing by the organised force alone.`,
  },
  {
    name: 'existentialStakes',
    kind: 'levels',
    neutral: 'no',
    description: 'Whether the leadership sees the struggle as a fight for its survival.',
    levels: {
      no: { existentialStakes: 0, stakes: 0.45 },
      partly: { existentialStakes: 0.5, stakes: 0.6 },
      yes: { existentialStakes: 0.9, stakes: 0.75 },
    },
    why: `${LUCK} (Shortcomings): the message falls on deaf ears "when the targeted leadership already sees the struggle in existential terms". Existential stakes both raise the motive (stakes) and discount deterrence (existentialStakes); the two move together.`,
  },
  {
    name: 'regimeCohesion',
    kind: 'levels',
    neutral: 'mixed',
    description: 'How united the perpetrating leadership is: divided (open rifts, moderates in power), mixed, or united.',
    levels: { divided: { cohesion: 0.2 }, mixed: { cohesion: 0.5 }, united: { cohesion: 0.85 } },
    why: `${LUCK} (Shortcomings): quiet diplomacy works "especially when the regime is divided or not fully committed to a genocidal project". Cohesion is how far outside messages can shift the factions.`,
  },
  {
    name: 'hardliners',
    kind: 'levels',
    neutral: 'balanced',
    description: 'Weight of hardliners against moderates in the leadership when the period opens.',
    levels: { minority: { hardliners: 0.3 }, balanced: { hardliners: 0.5 }, dominant: { hardliners: 0.75 } },
    why: 'The factions\' balance decides the leadership\'s choices (model brief, Agents 1). Kept apart from cohesion: a regime can be divided yet led by its hardliners.',
  },
  {
    name: 'patron',
    kind: 'levels',
    neutral: 'no',
    description: 'A permanent member of the Security Council backs the perpetrating leadership.',
    levels: { no: { patron: false }, yes: { patron: true } },
    why: `${LUCK} (Shortcomings): the ICC message fails when the leadership "has the backing of a permanent member of the Security Council". The patron vetoes coercive measures and blunts deterrence.`,
  },
  {
    name: 'deterrentThreats',
    kind: 'levels',
    neutral: 'weak',
    description: 'Standing credibility of outside consequences at the start: international criminal jurisdiction, sanctions, forces able to intervene.',
    levels: { none: { deterrence: 0.05 }, weak: { deterrence: 0.2 }, moderate: { deterrence: 0.35 }, strong: { deterrence: 0.55 } },
    why: `${LUCK} (Potential, Shortcomings): the ICC adds "a critical talking point about the decline of impunity". \`none\` is no tribunal with jurisdiction; \`weak\` a tribunal or court without reach over the leaders; \`moderate\` ICC jurisdiction; \`strong\` jurisdiction plus a credible force nearby. Council measures taken during the run add to this baseline.`,
  },
  // ---- the population and the media -----------------------------------------------------------
  {
    name: 'hateMediaReach',
    kind: 'levels',
    neutral: 'none',
    description: 'How far hate propaganda reaches: none, local (community or vernacular outlets, rumour), or national (broadcast).',
    levels: { none: { incitementReach: 0.05 }, local: { incitementReach: 0.3 }, national: { incitementReach: 0.7 } },
    why: 'Model brief, settings: incitement is "how strong and how far-reaching"; RTLM reached most of Rwanda by radio (Yanagizawa-Drott 2014). Reach is the share of agents exposed on a day of incitement.',
  },
  {
    name: 'incitementIntensity',
    kind: 'levels',
    neutral: 'low',
    description: 'How virulent the propaganda is: low (grievance), moderate (dehumanising), extreme (explicit calls to kill).',
    levels: { low: { incitement: 0.25 }, moderate: { incitement: 0.5 }, extreme: { incitement: 0.8 } },
    why: `${LUCK} (Potential): "discouraging the incitement of atrocity crimes". Strength is how far exposure lowers thresholds to join; the three levels follow the Framework's triggering factors (risk factor 8).`,
  },
  {
    name: 'localPartners',
    kind: 'levels',
    neutral: 'weak',
    description: 'Civil society, clergy, media, business and parliaments able to push back: absent (closed rule), weak, or strong.',
    levels: { absent: { localPartners: 0.05 }, weak: { localPartners: 0.3 }, strong: { localPartners: 0.75 } },
    why: `${LUCK} (Implications): "Where no such partners can be engaged because of the authoritarian or totalitarian nature of the political and security systems ... external actors have much less to work with". Partners multiply counter-messaging and resistance.`,
  },
  // ---- mediators and the UN -------------------------------------------------------------------
  {
    name: 'mediation',
    kind: 'levels',
    neutral: 'none',
    description: 'The mediation track: none, a modest one (one envoy or body), or high-level (several bodies, senior figures).',
    levels: {
      none: { mediationTrack: false, mediators: 0 },
      modest: { mediationTrack: true, mediators: 1 },
      'high-level': { mediationTrack: true, mediators: 4 },
    },
    why: `${LUCK} (Implications): "The United Nations, regional arrangements, neighbors, influential governments" interrupt the chain of decisions; quiet diplomacy "by the Secretary-General and/or senior regional figures" can make a difference. A track also carries the spoiler risk (Shortcomings).`,
  },
  {
    name: 'settlementInclusion',
    kind: 'levels',
    neutral: 'partial',
    description:
      "How far the settlement on offer (the mediators' or the parties' agreement, signed or not) gives the perpetrating leadership's hardliners a share of power: excluded (it removes them or bars them), partial (a reduced share, or a place for some of them), or included (power sharing that keeps them in).",
    levels: { excluded: { settlementInclusion: 0 }, partial: { settlementInclusion: 0.5 }, included: { settlementInclusion: 1 } },
    why: `${LUCK} (Shortcomings): "The very process of conflict resolution may tempt one or more parties to resort to the commission of atrocities to undermine the potential peace settlement, as may have been the case in both Rwanda and Srebrenica"; spoilers are those a settlement threatens (Stedman 1997). A settlement that excludes the hardliners threatens them and can provoke spoiling; one that includes them can lower their motive. Three even steps.`,
  },
  {
    name: 'impartiality',
    kind: 'levels',
    neutral: 'balanced',
    description: 'The stance of the UN and the mediators towards the parties: taking sides, balanced, or strictly even-handed.',
    levels: { partisan: { impartiality: 0.25 }, balanced: { impartiality: 0.55 }, strict: { impartiality: 0.85 } },
    why: `${LUCK} (Remedies): impartiality "has its place, but should not be applied uniformly"; the article cites The Fall of Srebrenica faulting the "institutional ideology of impartiality even when confronted with attempted genocide".`,
  },
  {
    name: 'earlyWarning',
    kind: 'levels',
    neutral: 'fair',
    description: 'Quality of the information reaching UN headquarters: poor, fair, or good (specific, timely warnings).',
    levels: { poor: { earlyWarningNoise: 0.3 }, fair: { earlyWarningNoise: 0.15 }, good: { earlyWarningNoise: 0.07 } },
    why: `${LUCK} (Implications): "Early warning ... is much less of a problem than assessment and framing". Quality is the noise on the Secretariat's daily risk signal; framing is a separate feature.`,
  },
  {
    name: 'secretariatFraming',
    kind: 'levels',
    neutral: 'conflict',
    description: "The Secretariat's reading of the crisis as it opened: a conflict, a humanitarian emergency, or an atrocity risk.",
    levels: {
      conflict: { framingLens: 'conflict' },
      humanitarian: { framingLens: 'humanitarian' },
      atrocity: { framingLens: 'atrocity' },
    },
    why: `${LUCK} (Implications): "Why was Rwanda framed chiefly as a matter of implementing the Arusha accords ...? Why was Sri Lanka regarded as a primarily humanitarian matter?" Passed through as the habitual lens.`,
  },
  {
    name: 'selfCensorship',
    kind: 'levels',
    neutral: 'usual',
    description: 'How far the Secretariat trimmed what it told the Council: candid, usual, or strong.',
    levels: { candid: { selfCensorship: 0.2 }, usual: { selfCensorship: 0.5 }, strong: { selfCensorship: 0.8 } },
    why: `${LUCK} (Shortcomings): "Too often, the Secretariat engages in pre-emptive self-censorship"; the Brahimi report's "what it needs to hear, not what it wants to hear".`,
  },
  {
    name: 'specialAdviserAccess',
    kind: 'levels',
    neutral: 'filtered',
    description: 'How the Special Adviser on the Prevention of Genocide reached the Secretary-General; "none" before the post existed (2004).',
    levels: {
      none: { specialAdviserAccess: 'filtered' },
      filtered: { specialAdviserAccess: 'filtered' },
      direct: { specialAdviserAccess: 'direct' },
    },
    why: `${LUCK} (Shortcomings): "risks in imposing any barriers to the direct access of those mandated to prevent atrocity crimes". The model has no setting for no adviser; \`none\` maps to \`filtered\`, the nearer of the two (atrocity warnings reach the Secretary-General only through others).`,
  },
  {
    name: 'councilEngagement',
    kind: 'levels',
    neutral: 'divided',
    description: 'Disposition of the Security Council\'s members to act on the situation: reluctant, divided, or engaged.',
    levels: { reluctant: { councilWillingness: 0.25 }, divided: { councilWillingness: 0.45 }, engaged: { councilWillingness: 0.7 } },
    why: `${LUCK} (Shortcomings): "the 193 Member States are simultaneously the greatest strength and the greatest weakness"; the mean disposition of the fifteen members. A patron's veto is a separate feature.`,
  },
  {
    name: 'forceDoctrine',
    kind: 'levels',
    neutral: 'strict-last-resort',
    description: 'How the Council treated force in this situation: strictly last, after every other step, or as a measure of last resort available early.',
    levels: {
      'strict-last-resort': { forceDoctrine: 'strict-last-resort' },
      'measure-of-last-resort': { forceDoctrine: 'measure-of-last-resort' },
    },
    why: `${LUCK} (Remedies): "measure of last resort" against force "as a last resort in a sequential or chronological manner". Passed through.`,
  },
  // ---- protection on the ground ---------------------------------------------------------------
  {
    name: 'peacekeepers',
    kind: 'levels',
    neutral: 'none',
    description: 'UN peacekeepers on the ground when the period opens: none, limited (a few areas), or widespread.',
    levels: { none: { peacekeeperCoverage: 0 }, limited: { peacekeeperCoverage: 0.25 }, widespread: { peacekeeperCoverage: 0.6 } },
    why: `${LUCK} (Shortcomings): "the presence of UN peacekeepers on the ground—has proven to be a mixed blessing". Coverage is the share of regions with a presence.`,
  },
  {
    name: 'peacekeeperCapacity',
    kind: 'levels',
    neutral: 'medium',
    description: 'Strength of the peacekeepers where present, against the local perpetrator force: low, medium, or high.',
    levels: { low: { peacekeeperCapacity: 0.15 }, medium: { peacekeeperCapacity: 0.4 }, high: { peacekeeperCapacity: 0.75 } },
    why: 'Hultman, Kathman and Shannon 2013: several thousand troops sharply reduce killings of civilians; a few hundred lightly armed do not.',
  },
  {
    name: 'peacekeeperMandate',
    kind: 'levels',
    neutral: 'weak',
    description: 'The peacekeepers\' mandate: weak (monitoring, self-defence) or robust (protection of civilians, Chapter VII).',
    levels: { weak: { mandate: 'weak' }, robust: { mandate: 'robust' } },
    why: `${LUCK} (Shortcomings): the UN "does not have a well-developed doctrine for the use of force ... for the explicit purpose of protecting civilians". Passed through.`,
  },
  {
    name: 'safeAreas',
    kind: 'count',
    min: 0,
    max: 20,
    unit: 'areas',
    param: 'safeAreas',
    scale: 1,
    description: 'Areas the Security Council declared safe for the targeted population (each becomes one region of the model).',
    why: `${LUCK} (Shortcomings): "A moral hazard can be created when the promise of protection is not matched by commensurate action ... as with the Security Council's declaration of safe areas in Bosnia-Herzegovina". Passed through as a count of regions (the model has 20 regions by default).`,
  },
  {
    name: 'safeAreaCapacity',
    kind: 'levels',
    neutral: 'low',
    description: 'Capacity to defend the declared safe areas: low, medium, or high.',
    levels: { low: { safeAreaCapacity: 0.1 }, medium: { safeAreaCapacity: 0.4 }, high: { safeAreaCapacity: 0.75 } },
    why: `${LUCK} (Implications): "Why was it believed that Serbian forces would not test the Security Council's will to enforce the safe areas it had established?"`,
  },
  {
    name: 'outsideForce',
    kind: 'levels',
    neutral: 'none',
    description:
      "A non-UN military force, regional or bilateral, that protects the targeted population (a coalition landing, a neighbour's army, air power with forces on the ground), by its size against the perpetrators' force: none, small (a few thousand, or air strikes with local forces), or large (a division-sized force). Its arrival is the timeline event outside-force-arrives; a force that fights on the perpetrators' side is not this feature.",
    levels: { none: { outsideForceCapacity: 0 }, small: { outsideForceCapacity: 0.3 }, large: { outsideForceCapacity: 0.7 } },
    why: `${LUCK} (Implications): "The United Nations, regional arrangements, neighbors, influential governments, and civil society need to recognize opportunities to interrupt and disrupt such a chain of decisions". East Timor 1999 (INTERFET, some 11,000 troops under S/RES/1264) and Mali 2013 (Operation Serval) are the model cases. Capacity on the scale of the peacekeepers' (low 0.15 to high 0.75): \`small\` 0.3, \`large\` 0.7; a force covers every region with a robust posture and adds credibility (outsideForceDeterrence).`,
  },
  {
    name: 'regionalLeverage',
    kind: 'levels',
    neutral: 'none',
    description:
      "Leverage of regional organisations over the perpetrators during the period (sanctions, suspension of membership, or their credible threat): none, weak (statements, a threat not carried out), or strong (suspension or sanctions imposed, or a neighbour's border and trade at stake). Regional mediation is the mediation feature.",
    levels: { none: { regionalPressure: 0 }, weak: { regionalPressure: 0.1 }, strong: { regionalPressure: 0.25 } },
    why: `${LUCK} (Implications): "The United Nations, regional arrangements, neighbors, influential governments, and civil society need to recognize opportunities to interrupt and disrupt such a chain of decisions". Regional leverage adds to the credibility of consequences (the deterrentThreats scale runs from 0.05 to 0.55): \`weak\` a small step (0.1), \`strong\` about one level of that scale (0.25).`,
  },
  {
    name: 'councilSanctions',
    kind: 'levels',
    neutral: 'none',
    description:
      'Security Council sanctions already in force on the perpetrators when the period opens: none, an arms embargo, or targeted measures (asset freezes, travel bans, with or without an embargo). Measures the Council adopts during the period are the model\'s own outcome, never a feature.',
    levels: { none: { sanctionsInForce: 0 }, 'arms-embargo': { sanctionsInForce: 0.05 }, targeted: { sanctionsInForce: 0.15 } },
    why: `${LUCK} (Potential): the Council's Chapter VII tools. Sanctions in force are a standing cost: an embargo is a small one (0.05, since its leaks are documented, e.g. Bosnia under S/RES/713), targeted measures on the leaders a larger one (0.15). They add to the credibility of consequences.`,
  },
  {
    name: 'violenceOnBothSides',
    kind: 'levels',
    neutral: 'no',
    description:
      'Whether the targeted side, or armed groups acting for it, strike back: no (one-sided violence), some (local reprisals or an insurgent attack), or yes (sustained violence by both sides).',
    levels: { no: { reprisals: 0 }, some: { reprisals: 0.3 }, yes: { reprisals: 0.7 } },
    why: 'Two-sided violence feeds itself: the Kenyan reprisals of late January 2008 in Naivasha and Nakuru (CIPEV 2008) and the Bor and Bentiu killings in South Sudan (AU Commission of Inquiry on South Sudan, 2014). In the model the killing a side suffers returns to the perpetrators\' leadership as a shock (reprisals, triggers.ts), and it is a challenge that makes coercion lethal (Valentino 2004: counter-guerrilla killing; coercionLethality, kernel.ts).',
  },
  {
    name: 'leadershipAfterChange',
    kind: 'levels',
    neutral: 'balanced',
    description:
      "Who leads after a change of leadership during the period (the timeline event leadership-change; a coup is its own event): moderates, balanced, or hardliners. Ignored without the event.",
    levels: { moderates: { hardlinersAfterChange: 0.3 }, balanced: { hardlinersAfterChange: 0.5 }, hardliners: { hardlinersAfterChange: 0.75 } },
    why: `${LUCK} (Implications): the chain of "destructive choices over time" runs through those in power. The same three steps as the hardliners feature.`,
  },
];

export const FEATURE_BY_NAME: ReadonlyMap<string, FeatureDef> = new Map(FEATURE_DEFS.map((f) => [f.name, f]));

/**
 * The parameters one feature value sets (the value must already be valid); `agents` is the
 * number of population agents, for counts spread over them.
 */
export function featureParams(def: FeatureDef, value: string | number, agents: number): Mapped {
  if (def.kind === 'count') {
    const total = (value as number) * def.scale;
    // Rounded so that 14 percent maps to 0.14 exactly, not 0.14000000000000001.
    return { [def.param]: Math.round((def.perAgent ? total / agents : total) * 1e9) / 1e9 };
  }
  return def.levels[value as string];
}

/** Every parameter a feature can set, for the mapping table and the disjointness check. */
export function featureTargets(def: FeatureDef): ParamName[] {
  if (def.kind === 'count') return [def.param];
  return [...new Set(Object.values(def.levels).flatMap((m) => Object.keys(m) as ParamName[]))];
}
