/**
 * The calibrated values of the calibration constants, with their provenance. Written by
 * `r2p-sim calibrate --write-defaults` (analysis/calibrate; docs/calibration.md), never by hand:
 * params.ts makes them the parameters' defaults.
 */
import type { Fitted } from './fit-provenance';

export const FITTED: Fitted = {
  "values": {
    "lethalityTargeted": 0.441399,
    "massacreMultiplier": 3.57959,
    "selectiveShare": 0.10602,
    "coerciveReach": 0.023487,
    "coerciveEngagement": 0.918926,
    "expulsionTerror": 0.555403,
    "singledOutTerror": 0.592839,
    "challengeFocus": 0.0779604,
    "cowing": 0.0657282,
    "unchallengedLethality": 0.1,
    "uprisingChallenge": 0.3,
    "forceKillRate": 0.0186369,
    "forceKillCapacity": 329.617,
    "killRate": 0.225974,
    "roamReach": 0.04407,
    "roadblocks": 8.63047,
    "mobilisableShare": 0.0096731,
    "conscription": 0.04,
    "forceEngagementBase": 0.831416,
    "crisisHalfLife": 180,
    "offensiveHalfLife": 75.0283,
    "stepDownMargin": 0.253997,
    "barMassKilling": 0.373147,
    "bystanderFlee": 0.173843
  },
  "provenance": {
    "targetsHash": "35745683ec0c984a30956798f0133fc3e59da4deffae64e9bee3811aff00be82",
    "model": "r2p-luck-2018/14",
    "engine": "r2p-sim 0.1.0",
    "date": "2026-12-03",
    "objective": 0.72828,
    "trainingCases": [
      "rwanda-1994",
      "srebrenica-1995",
      "kenya-2008",
      "sri-lanka-2009",
      "kyrgyzstan-2010",
      "libya-2011",
      "syria-2011",
      "mali-2013",
      "kenya-2013",
      "south-sudan-2013",
      "iraq-sinjar-2014",
      "burundi-2015",
      "myanmar-2017"
    ],
    "command": "r2p-sim calibrate --budget 16 --screen 4 --start unchallengedLethality=0.03,uprisingChallenge=0.3 --start unchallengedLethality=0.03,uprisingChallenge=0.5 --start unchallengedLethality=0.1,uprisingChallenge=0.3 --start unchallengedLethality=0.01,uprisingChallenge=0.4"
  }
};
