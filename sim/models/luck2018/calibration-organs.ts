/**
 * The UN organs' and the mediators' constants, as parameters (group `calibration`, or the organ's
 * own group for documented time constants); see calibration.ts. Defaults are the values the rules
 * had when they were constants, except the time constants and channels issue 11 added (marked
 * "new" in docs/ODD.md 7.5-7.10), whose defaults are documented values. Institutional facts
 * (15 Council members, 5 permanent, 9 votes, 193 Assembly members, two-thirds) stay constants.
 */
import type { ParamDef } from '../../engine/params';

const TBC = 'To be calibrated (issue 13).';

export const ORGAN_CALIBRATION_DEFS = [
  // ---- Secretariat: framing (un/secretariat.ts) -------------------------------------------------
  {
    name: 'reframeRate', group: 'calibration', kind: 'number', default: 0.05, min: 0, max: 1, unit: '1/day',
    description: 'Daily chance, per unit of signal, that the Special Adviser moves the Secretariat to the atrocity frame (before the access channel and habit).',
    source: `Luck 2018, Implications: "getting the framing right is essential". ${TBC}`,
  },
  {
    name: 'filteredAccess', group: 'calibration', kind: 'number', default: 0.35, min: 0, max: 1, unit: 'share',
    description: "Share of the Special Adviser's pull on the frame that passes when access to the Secretary-General is filtered through a committee.",
    source: `Luck 2018, Shortcomings: "risks in imposing any barriers to the direct access of those mandated to prevent atrocity crimes". ${TBC}`,
  },
  {
    name: 'humanitarianHabit', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 1, unit: 'share',
    description: 'Factor on the chance of reframing to atrocity risk from the humanitarian frame (an entrenched habit).',
    source: `Luck 2018, Shortcomings: in Sri Lanka "R2P and genocide prevention perspectives were not welcome in the deliberations". ${TBC}`,
  },
  {
    name: 'frameLapse', group: 'calibration', kind: 'number', default: 0.1, min: 0, max: 1, unit: 'risk',
    description: 'Signal below which the atrocity frame lapses back to the habitual lens, when the leadership is latent.',
    source: TBC,
  },
  {
    name: 'attentionHumanitarian', group: 'calibration', kind: 'number', default: 0.6, min: 0, max: 1, unit: 'share',
    description: 'Share of the risk signal the humanitarian frame perceives as atrocity risk.',
    source: `Luck 2018, Implications: "Policy makers with different responsibilities are likely to read the same information flows in distinct ways". ${TBC}`,
  },
  {
    name: 'attentionConflict', group: 'calibration', kind: 'number', default: 0.3, min: 0, max: 1, unit: 'share',
    description: 'Share of the risk signal the conflict frame perceives without armed conflict (it rises linearly to 1 with armedConflict).',
    source: `Luck 2018, Shortcomings: "horrific atrocities have occurred in a number of situations without armed conflict". ${TBC}`,
  },
  // ---- Secretariat: action (un/secretariat.ts) --------------------------------------------------
  {
    name: 'engageRisk', group: 'calibration', kind: 'number', default: 0.25, min: 0, max: 1, unit: 'risk',
    description: 'Perceived risk below which the Secretariat stays silent (no quiet diplomacy, message or briefing).',
    source: TBC,
  },
  {
    name: 'briefRisk', group: 'calibration', kind: 'number', default: 0.45, min: 0, max: 1, unit: 'risk',
    description: 'Perceived risk from which the Secretariat can brief the Council under Article 99 in the atrocity frame.',
    source: `Luck 2018, Potential (Article 99). ${TBC}`,
  },
  {
    name: 'conflictBriefRisk', group: 'calibration', kind: 'number', default: 0.6, min: 0, max: 1, unit: 'risk',
    description: 'Perceived risk from which a conflict-framed Secretariat briefs the Council (the humanitarian frame never does).',
    source: TBC,
  },
  {
    name: 'patronReluctance', group: 'calibration', kind: 'number', default: 0.8, min: 0, max: 1, unit: 'share',
    description: "The Council's reluctance to hear bad news, as the Secretariat reads it, when a permanent member backs the leadership (otherwise 1 - councilWillingness).",
    source: `Luck 2018, Shortcomings: "trimming their analytical sails before even testing the direction and velocity of the political winds". ${TBC}`,
  },
  {
    name: 'censorTrim', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 1, unit: 'share',
    description: 'How far self-censorship trims what a briefing tells the Council (told = perceived x (1 - censorTrim x censor)).',
    source: `Luck 2018, Shortcomings: "tell the Security Council what it needs to hear, not what it wants to hear". ${TBC}`,
  },
  {
    name: 'conflictBriefWeight', group: 'calibration', kind: 'number', default: 0.6, min: 0, max: 1, unit: 'share',
    description: 'Weight of a conflict-framed briefing against an atrocity-framed one.',
    source: TBC,
  },
  {
    name: 'messageBase', group: 'calibration', kind: 'number', default: 0.3, min: 0, max: 1, unit: 'probability',
    description: 'Daily chance of a public message against incitement in the atrocity frame, before individual responsibility.',
    source: `Luck 2018, Potential: pushing back against incitement "one of the most flexible and timely tools". ${TBC}`,
  },
  {
    name: 'messageAtrocity', group: 'calibration', kind: 'number', default: 0.7, min: 0, max: 1, unit: 'probability',
    description: 'Daily chance of a public message added by full individual responsibility in the atrocity frame.',
    source: `Luck 2018, Remedies: "the Secretariat can, and often has, acted without specific mandates". ${TBC}`,
  },
  {
    name: 'messageConflict', group: 'calibration', kind: 'number', default: 0.3, min: 0, max: 1, unit: 'probability',
    description: 'Daily chance of a public message at full individual responsibility in the conflict frame.',
    source: TBC,
  },
  {
    name: 'messageHumanitarian', group: 'calibration', kind: 'number', default: 0.1, min: 0, max: 1, unit: 'probability',
    description: 'Daily chance of a public message at full individual responsibility in the humanitarian frame.',
    source: `Luck 2018, Shortcomings: in Sri Lanka "the UN's voice was muted as the war crimes unfolded". ${TBC}`,
  },
  {
    name: 'mandateBoost', group: 'calibration', kind: 'number', default: 2, min: 1, max: 5, unit: 'multiplier',
    description: 'Multiplier on the chance of a public message once the Council has adopted a measure (a mandate to point to).',
    source: TBC,
  },
  {
    name: 'quietAtrocity', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 1, unit: 'intensity',
    description: "Intensity of the Secretary-General's quiet diplomacy in the atrocity frame.",
    source: `Luck 2018, Shortcomings: "Sometimes quiet diplomacy, especially by the Secretary-General ... can make a difference". ${TBC}`,
  },
  {
    name: 'quietOther', group: 'calibration', kind: 'number', default: 0.25, min: 0, max: 1, unit: 'intensity',
    description: "Intensity of the Secretary-General's quiet diplomacy in the conflict or humanitarian frame.",
    source: TBC,
  },
  {
    name: 'messageVoice', group: 'calibration', kind: 'number', default: 0.05, min: 0, max: 1, unit: 'voice',
    description: "What one public message against incitement adds to the UN's voice.",
    source: TBC,
  },
  {
    name: 'briefingInterval', group: 'secretariat', kind: 'integer', default: 14, min: 1, max: 90, unit: 'days',
    description: 'Fewest days between two Article 99 briefings of the Security Council.',
    source: 'Libya 2011: the Secretary-General briefed the Council on 25 February (6490th meeting, SC/10185) and on 24 March (6505th meeting, SC/10210), 27 days apart; Luck 2018, Potential (Article 99). The default is shorter; to be calibrated (issue 13).',
  },
  // ---- Security Council: agenda and vote (un/council.ts) ----------------------------------------
  {
    name: 'agendaRisk', group: 'calibration', kind: 'number', default: 0.35, min: 0, max: 1, unit: 'risk',
    description: 'Perceived risk at which the Council takes the situation up (and the Assembly may act after a veto).',
    source: TBC,
  },
  {
    name: 'imminentRisk', group: 'calibration', kind: 'number', default: 0.75, min: 0, max: 1, unit: 'risk',
    description: 'Perceived risk the Council reads as high and imminent: force becomes available under the measure-of-last-resort doctrine, and a measure counts as failing.',
    source: `Luck 2018, Remedies: "especially when the risk of mass atrocities appears high and imminent". ${TBC}`,
  },
  {
    name: 'briefingPersistence', group: 'calibration', kind: 'number', default: 0.97, min: 0, max: 1, unit: '1/day',
    description: "Share of a briefing's weight the Council keeps from one day to the next.",
    source: TBC,
  },
  {
    name: 'failingMargin', group: 'calibration', kind: 'number', default: 0.1, min: 0, max: 1, unit: 'risk',
    description: 'Rise in perceived risk since the last adoption at which the Council reads that measure as failing and takes up the next step without waiting measureWait days.',
    source: `S/RES/1973 (17 March 2011) followed S/RES/1970 (26 February) after 19 days, citing the Libyan authorities' failure to comply and the deteriorating situation. ${TBC}`,
  },
  {
    name: 'voteRiskWeight', group: 'calibration', kind: 'number', default: 0.8, min: 0, max: 2, unit: 'probability',
    description: "Weight of the perceived risk in a Council member's chance of voting yes.",
    source: TBC,
  },
  {
    name: 'voteSeverityWeight', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 2, unit: 'probability',
    description: "Weight of a measure's severity against a member's yes vote.",
    source: TBC,
  },
  {
    name: 'vetoMargin', group: 'calibration', kind: 'number', default: 0.4, min: 0, max: 1, unit: 'probability',
    description: 'How far above its chance of voting yes a permanent member\'s draw must fall for it to veto (a strong no).',
    source: TBC,
  },
  {
    name: 'patronYes', group: 'calibration', kind: 'number', default: 0.3, min: 0, max: 1, unit: 'share',
    description: "Share of its usual chance with which a patron votes yes on a statement (it vetoes every coercive measure).",
    source: `Luck 2018, Shortcomings: the message fails when the leadership "has the backing of a permanent member". ${TBC}`,
  },
  {
    name: 'vetoSignalCost', group: 'calibration', kind: 'number', default: 0.03, min: 0, max: 1, unit: 'credibility',
    description: 'Credibility of consequences lost with each veto (open division emboldens the leadership).',
    source: `Luck 2018, Implications: the UN "may have trouble rousing others to action, especially when its own Security Council is divided". ${TBC}`,
  },
  {
    name: 'memberSpread', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 2, unit: 'probability',
    description: "Spread of the fifteen members' dispositions around councilWillingness: each member's offset is memberSpread x (u - 0.5), drawn at set-up.",
    source: `Luck 2018, Shortcomings: the Member States "the greatest strength and the greatest weakness". ${TBC}`,
  },
  // ---- Security Council: the measures (un/council.ts) -------------------------------------------
  {
    name: 'severityStatement', group: 'calibration', kind: 'number', default: 0.1, min: 0, max: 1, unit: 'severity',
    description: 'How coercive members find a statement (they hesitate more over heavier measures).',
    source: TBC,
  },
  {
    name: 'severitySanctions', group: 'calibration', kind: 'number', default: 0.35, min: 0, max: 1, unit: 'severity',
    description: 'How coercive members find targeted sanctions and an arms embargo.',
    source: TBC,
  },
  {
    name: 'severityIcc', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 1, unit: 'severity',
    description: 'How coercive members find a referral to the International Criminal Court.',
    source: TBC,
  },
  {
    name: 'severityMandate', group: 'calibration', kind: 'number', default: 0.55, min: 0, max: 1, unit: 'severity',
    description: 'How coercive members find a protection mandate for peacekeepers.',
    source: TBC,
  },
  {
    name: 'severityDeployment', group: 'calibration', kind: 'number', default: 0.65, min: 0, max: 1, unit: 'severity',
    description: 'How coercive members find a preventive deployment.',
    source: TBC,
  },
  {
    name: 'severityForce', group: 'calibration', kind: 'number', default: 0.9, min: 0, max: 1, unit: 'severity',
    description: 'How coercive members find authorising force.',
    source: `Luck 2018, Remedies: force "was not a preferred tool, given its costs, risks, and consequences". ${TBC}`,
  },
  {
    name: 'signalStatement', group: 'calibration', kind: 'number', default: 0.05, min: 0, max: 1, unit: 'credibility',
    description: 'Credibility of consequences a Council statement adds.',
    source: TBC,
  },
  {
    name: 'signalSanctions', group: 'calibration', kind: 'number', default: 0.1, min: 0, max: 1, unit: 'credibility',
    description: 'Credibility of consequences targeted sanctions and an arms embargo add.',
    source: `Luck 2018, Potential: "Multilateral sanctions tend to be much more persuasive than unilateral ones". ${TBC}`,
  },
  {
    name: 'signalIcc', group: 'calibration', kind: 'number', default: 0.2, min: 0, max: 1, unit: 'credibility',
    description: 'Credibility of consequences an ICC referral adds.',
    source: `Luck 2018, Shortcomings: the ICC "a critical talking point about the decline of impunity". ${TBC}`,
  },
  {
    name: 'signalMandate', group: 'calibration', kind: 'number', default: 0.08, min: 0, max: 1, unit: 'credibility',
    description: 'Credibility of consequences a protection mandate adds.',
    source: TBC,
  },
  {
    name: 'signalDeployment', group: 'calibration', kind: 'number', default: 0.08, min: 0, max: 1, unit: 'credibility',
    description: 'Credibility of consequences a preventive deployment adds.',
    source: TBC,
  },
  {
    name: 'signalForce', group: 'calibration', kind: 'number', default: 0.3, min: 0, max: 1, unit: 'credibility',
    description: 'Credibility of consequences authorising force adds.',
    source: TBC,
  },
  {
    name: 'sanctionsCost', group: 'calibration', kind: 'number', default: 0.06, min: 0, max: 1, unit: 'cost',
    description: 'Cost the leadership bears once targeted sanctions are adopted.',
    source: `Luck 2018, Potential: sanctions "could be employed with greatest effect early in a crisis". ${TBC}`,
  },
  {
    name: 'embargoFactor', group: 'calibration', kind: 'number', default: 0.8, min: 0, max: 1, unit: 'multiplier',
    description: 'Multiplier on the perpetrators\' lethality from an arms embargo.',
    source: `Luck 2018, Potential: "restrictions on military assistance and arms transfers". ${TBC}`,
  },
  {
    name: 'forceCost', group: 'calibration', kind: 'number', default: 0.1, min: 0, max: 1, unit: 'cost',
    description: 'Cost the leadership bears once force is authorised.',
    source: TBC,
  },
  {
    name: 'deploymentShare', group: 'calibration', kind: 'number', default: 0.3, min: 0, max: 1, unit: 'share of regions',
    description: 'Share of regions a preventive deployment by the Council covers, once the host consents and it arrives.',
    source: `Luck 2018, Remedies: "preventive deployments of peacekeepers and monitors in countries under stress". ${TBC}`,
  },
  // ---- Security Council: time constants (un/council.ts) -----------------------------------------
  {
    name: 'meetingInterval', group: 'council', kind: 'integer', default: 7, min: 1, max: 14, unit: 'days',
    description: 'Days between the Council\'s regular meetings on a situation it is seized of; an Article 99 briefing, an Assembly referral or a draft that comes due calls a meeting sooner.',
    source: 'Provisional Rules of Procedure of the Security Council (S/96/Rev.7): rule 1 (meetings at the call of the President at any time, at most 14 days apart) and rule 3 (the President calls a meeting when the Secretary-General acts under Article 99 or a situation is brought under Article 11(3)).',
  },
  {
    name: 'draftingDays', group: 'council', kind: 'integer', default: 4, min: 0, max: 60, unit: 'days',
    description: 'Days from the Council\'s first discussion of a resolution (sanctions and up) to the vote on it; a statement is agreed on the day.',
    source: 'Libya 2011: consultations and a press statement on 22 February, S/RES/1970 on 26 February; Rwanda 1994: the Secretary-General\'s report of 13 May (S/1994/565), S/RES/918 on 17 May; a presidential statement on 7 April 1994 (S/PRST/1994/16), the day after the President\'s plane was shot down.',
  },
  {
    name: 'consentDelay', group: 'council', kind: 'integer', default: 10, min: 0, max: 365, unit: 'days',
    description: 'Days from the host\'s consent to a consent-based deployment (Council or Assembly) being on the ground.',
    source: 'UNEF I: established by A/RES/1000 (ES-I) on 5 November 1956, first troops flown into Egypt on 15 November (Secretary-General\'s report of 20 November 1956); UNAMIR II: authorised by S/RES/918 on 17 May 1994, its 5,500 troops all deployed only by October 1994 (Peace Accords Matrix).',
  },
  // ---- host government's consent (un/council.ts) ------------------------------------------------
  {
    name: 'consentBase', group: 'calibration', kind: 'number', default: 0.2, min: 0, max: 1, unit: 'probability',
    description: 'Chance that a government host consents to a deployment with a neutral mediator stance, no pressure and no plan under way.',
    source: TBC,
  },
  {
    name: 'consentImpartiality', group: 'calibration', kind: 'number', default: 0.6, min: 0, max: 1, unit: 'probability',
    description: 'Chance of consent added by strict impartiality (impartiality buys consent).',
    source: `Luck 2018, Remedies: impartiality gives "access to a diverse number of stakeholders with whom we can build trust and engage". ${TBC}`,
  },
  {
    name: 'consentPlan', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 2, unit: 'probability',
    description: "Chance of consent lost at the top of the ladder with a full motive: what a presence would cost the leadership's plan (rung / 4 x motive).",
    source: `Luck 2018, Shortcomings: "Governments are never eager to be told that their supporters or armed forces are committing atrocities"; Guéhenno (the article's note 31) on consent to a deployment in Darfur. ${TBC}`,
  },
  {
    name: 'consentPressure', group: 'calibration', kind: 'number', default: 0.3, min: 0, max: 2, unit: 'probability',
    description: 'Chance of consent added by full pressure (credibility of consequences and costs borne, cut by the deterrence limits).',
    source: TBC,
  },
  {
    name: 'consentReview', group: 'calibration', kind: 'integer', default: 30, min: 1, max: 365, unit: 'days',
    description: 'Days after a refusal before the host is asked again to consent to the same deployment.',
    source: TBC,
  },
  // ---- General Assembly (un/assembly.ts) ----------------------------------------------------------
  {
    name: 'assemblyYesBase', group: 'calibration', kind: 'number', default: 0.4, min: 0, max: 1, unit: 'probability',
    description: "A Member State's chance of voting yes in the Assembly before risk and legitimacy.",
    source: 'A/RES/66/253 on Syria: 137 of 193 voted yes (16 February 2012). To be calibrated (issue 13).',
  },
  {
    name: 'assemblyYesRisk', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 1, unit: 'probability',
    description: "Weight of the Council's perceived risk times the UN's legitimacy in a Member State's yes vote.",
    source: `Luck 2018, Potential: "Legitimacy should be one of the United Nations' prime attributes". ${TBC}`,
  },
  {
    name: 'assemblyVoice', group: 'calibration', kind: 'number', default: 0.05, min: 0, max: 1, unit: 'voice',
    description: "What an Assembly resolution that condemns and names the perpetrators adds to the UN's voice, times the share of Members voting yes.",
    source: `Luck 2018, Shortcomings: the Assembly "has ... passed several pointed resolutions on Syria, reflecting broad frustration among the Member States about the blockages within the Council". ${TBC}`,
  },
  {
    name: 'mechanismSignal', group: 'calibration', kind: 'number', default: 0.05, min: 0, max: 1, unit: 'credibility',
    description: 'Credibility of consequences an Assembly investigative mechanism adds (the prospect of accountability).',
    source: `Luck 2018, Shortcomings, note 13: the Assembly "authorized the creation of a mechanism to investigate the alleged commission of atrocity crimes in Syria" (A/RES/71/248). ${TBC}`,
  },
  {
    name: 'assemblyReferral', group: 'calibration', kind: 'number', default: 0.1, min: 0, max: 1, unit: 'risk',
    description: "Referral pressure an Assembly referral adds to the Council's perceived risk (and it calls a Council meeting).",
    source: `Luck 2018, Shortcomings: "Under Article 11 (3) of the Charter, the Assembly has the equivalent of Article 99 authority for referring threats to the Council". ${TBC}`,
  },
  {
    name: 'assemblyDeployShare', group: 'calibration', kind: 'number', default: 0.2, min: 0, max: 1, unit: 'share of regions',
    description: 'Share of regions a consent-based Uniting for Peace deployment covers, once the host consents and it arrives.',
    source: `Luck 2018, Shortcomings: such operations "would not have an enforcement mandate" but "might play a useful function as preventive deployments". ${TBC}`,
  },
  {
    name: 'blockedWindow', group: 'calibration', kind: 'integer', default: 30, min: 1, max: 365, unit: 'days',
    description: 'Days after a veto during which the Council counts as blocked for Uniting for Peace.',
    source: `A/RES/377 (V): the Assembly acts when the Council "because of lack of unanimity of the permanent members, fails to exercise its primary responsibility". ${TBC}`,
  },
  {
    name: 'assemblyDelay', group: 'organs', kind: 'integer', default: 2, min: 0, max: 60, unit: 'days',
    description: 'Days from a veto to the Assembly\'s first vote under Uniting for Peace.',
    source: 'A/RES/377 (V): an emergency special session "within twenty-four hours of the request"; Suez 1956: after the vetoes the Council referred the matter to an emergency special session, which met from 1 November and adopted A/RES/997 (ES-I) on 2 November; Syria 2012: veto on 4 February, A/RES/66/253 on 16 February (regular session).',
  },
  {
    name: 'assemblyInterval', group: 'organs', kind: 'integer', default: 30, min: 1, max: 365, unit: 'days',
    description: 'Fewest days between two Assembly votes on the situation.',
    source: 'Suez 1956: A/RES/998 (ES-I) on 4 November, 1000 on 5 November, 1001 on 7 November; Syria 2012: A/RES/66/253 on 16 February, 66/253 B on 3 August. The default lies between.',
  },
  // ---- Human Rights Council (un/hrc.ts) ---------------------------------------------------------
  {
    name: 'inquiryRisk', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 1, unit: 'risk',
    description: "Council's perceived risk at which the Human Rights Council is asked for a special session (it is asked at the first killing in any case).",
    source: TBC,
  },
  {
    name: 'sessionVoice', group: 'calibration', kind: 'number', default: 0.05, min: 0, max: 1, unit: 'voice',
    description: "What the special session's resolution condemning the violations adds to the UN's voice.",
    source: `A/HRC/RES/S-15/1 (25 February 2011) condemned the violations in Libya and dispatched a commission of inquiry. ${TBC}`,
  },
  {
    name: 'coiSignal', group: 'calibration', kind: 'number', default: 0.1, min: 0, max: 1, unit: 'credibility',
    description: "Credibility of consequences a commission of inquiry's report adds (evidence naming the perpetrators).",
    source: `Luck 2018, Shortcomings: the Commissions of Inquiry on the DPRK and Syria "have both been outspoken about the growing evidence of mass atrocity crimes". ${TBC}`,
  },
  {
    name: 'coiReferral', group: 'calibration', kind: 'number', default: 0.1, min: 0, max: 1, unit: 'risk',
    description: "Referral pressure the report adds to the Council's perceived risk.",
    source: TBC,
  },
  {
    name: 'coiVoice', group: 'calibration', kind: 'number', default: 0.05, min: 0, max: 1, unit: 'voice',
    description: "What the published report adds to the UN's voice.",
    source: TBC,
  },
  {
    name: 'coiLegitimacy', group: 'calibration', kind: 'number', default: 0.02, min: 0, max: 1, unit: 'legitimacy',
    description: "Legitimacy the UN regains with the report.",
    source: TBC,
  },
  {
    name: 'specialSessionDelay', group: 'organs', kind: 'integer', default: 8, min: 0, max: 180, unit: 'days',
    description: 'Days from the first killing (or the risk that prompts a request) to the Human Rights Council\'s special session and its commission of inquiry.',
    source: 'Libya 2011: repression of protests from 15-17 February, special session S-15 and A/HRC/RES/S-15/1 on 25 February; Syria 2011: protests from mid-March, special session S-16 (A/HRC/RES/S-16/1) on 29 April with a fact-finding mission, the commission of inquiry only at S-17 (A/HRC/RES/S-17/1, adopted 23 August).',
  },
  // ---- Peacebuilding Commission (un/pbc.ts) -------------------------------------------------------
  {
    name: 'pbcRelief', group: 'calibration', kind: 'number', default: 0.002, min: 0, max: 0.1, unit: '1/day',
    description: 'Share of the weakness of state structures the engaged Peacebuilding Commission removes each day.',
    source: `Luck 2018, Shortcomings: the PBC "could potentially help draw economic and political resources to situations of atrocity concern". ${TBC}`,
  },
  {
    name: 'pbcModeration', group: 'calibration', kind: 'number', default: 0.001, min: 0, max: 0.1, unit: '1/day',
    description: "Hardliners' weight the engaged Peacebuilding Commission's work removes each day.",
    source: TBC,
  },
  {
    name: 'stressLow', group: 'calibration', kind: 'number', default: 0.2, min: 0, max: 1, unit: 'risk',
    description: 'Lowest signal at which a preventive Peacebuilding Commission reads a state as under stress.',
    source: `Luck 2018, Potential: the High-level Panel's PBC would "identify countries which are under stress and risk sliding towards State collapse". ${TBC}`,
  },
  {
    name: 'stressHigh', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 1, unit: 'risk',
    description: 'Highest signal at which a preventive Peacebuilding Commission still engages (above it the crisis is operational, not structural).',
    source: TBC,
  },
  // ---- mediators (agents/mediators.ts) --------------------------------------------------------------
  {
    name: 'mediatorNoise', group: 'calibration', kind: 'number', default: 0.1, min: 0, max: 1, unit: 'sd',
    description: 'Noise on the risk a mediator perceives each day.',
    source: TBC,
  },
  {
    name: 'nameRisk', group: 'calibration', kind: 'number', default: 0.6, min: 0, max: 1, unit: 'risk',
    description: 'Perceived risk above which a mediator may name the perpetrators in public.',
    source: TBC,
  },
  {
    name: 'nameRung', group: 'calibration', kind: 'integer', default: 3, min: 0, max: 4, unit: 'rung',
    description: 'Rung from which a mediator may name the perpetrators in public (3: targeted attacks).',
    source: TBC,
  },
  {
    name: 'nameChance', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 1, unit: 'probability',
    description: 'Daily chance of naming the perpetrators for a mediator that takes sides fully (times 1 - impartiality).',
    source: `Luck 2018, Remedies: "There are times when the UN should be impartial and others when it needs to take sides". ${TBC}`,
  },
  {
    name: 'warnRisk', group: 'calibration', kind: 'number', default: 0.3, min: 0, max: 1, unit: 'risk',
    description: 'Perceived risk above which a mediator may carry a warning.',
    source: TBC,
  },
  {
    name: 'warnBase', group: 'calibration', kind: 'number', default: 0.1, min: 0, max: 1, unit: 'probability',
    description: 'Daily chance that a strictly impartial mediator carries a warning.',
    source: `Luck 2018, Shortcomings: "keeping doors to the parties open will generally be perceived as more important than relaying uncomfortable messages". ${TBC}`,
  },
  {
    name: 'warnSides', group: 'calibration', kind: 'number', default: 0.6, min: 0, max: 1, unit: 'probability',
    description: 'Daily chance of carrying a warning added by taking sides fully.',
    source: TBC,
  },
  {
    name: 'accessFloor', group: 'calibration', kind: 'number', default: 0.15, min: 0, max: 1, unit: 'access',
    description: 'Access a mediator needs to engage quietly.',
    source: TBC,
  },
  {
    name: 'settlementRate', group: 'calibration', kind: 'number', default: 0.006, min: 0, max: 1, unit: '1/day',
    description: 'Daily progress towards a settlement by one mediator engaging quietly with full access at rung 0 (signed at 1).',
    source: `Kenya 2008: the Panel of Eminent African Personalities from 22 January to the National Accord on 28 February (37 days). ${TBC}`,
  },
  {
    name: 'mediatorQuiet', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 1, unit: 'intensity',
    description: "Quiet diplomacy one mediator engaging with full access adds.",
    source: `Luck 2018, Shortcomings: quiet diplomacy "by the Secretary-General and/or senior regional figures". ${TBC}`,
  },
  {
    name: 'accessGain', group: 'calibration', kind: 'number', default: 0.02, min: 0, max: 1, unit: '1/day',
    description: 'Daily access a strictly impartial mediator gains by engaging quietly (x (1 - access)).',
    source: 'Model brief: "Impartiality buys access, consent and progress". To be calibrated (issue 13).',
  },
  {
    name: 'warnSize', group: 'calibration', kind: 'number', default: 0.03, min: 0, max: 1, unit: 'credibility',
    description: 'Warning one mediator carries at access 0.5 and without impartiality.',
    source: 'Model brief: impartiality "costs the force of the warning". To be calibrated (issue 13).',
  },
  {
    name: 'warnAccessBase', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 2, unit: 'access',
    description: "Weight of a warning from a mediator without access (the warning scales with warnAccessBase + access).",
    source: TBC,
  },
  {
    name: 'warnSoftening', group: 'calibration', kind: 'number', default: 0.7, min: 0, max: 1, unit: 'share',
    description: 'Share of a warning strict impartiality softens away.',
    source: TBC,
  },
  {
    name: 'warnAccessCost', group: 'calibration', kind: 'number', default: 0.02, min: 0, max: 1, unit: 'access',
    description: 'Access a mediator that takes sides fully loses by carrying a warning.',
    source: TBC,
  },
  {
    name: 'nameWarning', group: 'calibration', kind: 'number', default: 0.06, min: 0, max: 1, unit: 'credibility',
    description: 'Warning carried by naming the perpetrators in public.',
    source: TBC,
  },
  {
    name: 'nameVoice', group: 'calibration', kind: 'number', default: 0.05, min: 0, max: 1, unit: 'voice',
    description: "What naming the perpetrators in public adds to the voice pushing back on incitement.",
    source: TBC,
  },
  {
    name: 'nameAccessCost', group: 'calibration', kind: 'number', default: 0.15, min: 0, max: 1, unit: 'access',
    description: 'Access a mediator loses by naming the perpetrators in public.',
    source: `Luck 2018, Shortcomings: "Governments are never eager to be told that their supporters or armed forces are committing atrocities". ${TBC}`,
  },
  {
    name: 'accessRecovery', group: 'calibration', kind: 'number', default: 0.005, min: 0, max: 1, unit: '1/day',
    description: 'Daily access a mediator regains by stepping back (x (1 - access)).',
    source: TBC,
  },
  {
    name: 'accessStart', group: 'calibration', kind: 'number', default: 0.3, min: 0, max: 1, unit: 'access',
    description: "A mediator's access to the parties at the start, before impartiality.",
    source: TBC,
  },
  {
    name: 'accessImpartiality', group: 'calibration', kind: 'number', default: 0.5, min: 0, max: 1, unit: 'access',
    description: "Access at the start added by strict impartiality (access = min(1, accessStart + accessImpartiality x impartiality)).",
    source: 'Model brief: "Impartiality buys access". To be calibrated (issue 13).',
  },
] as const satisfies readonly ParamDef[];
