/**
 * The calibrated values of the calibration constants, with their provenance. Written by
 * `r2p-sim calibrate --write-defaults` (analysis/calibrate; docs/calibration.md), never by hand:
 * params.ts makes them the parameters' defaults.
 */
import type { Fitted } from './fit-provenance';

export const FITTED: Fitted = {
  "values": {
    "lethalityTargeted": 0.44204,
    "massacreMultiplier": 3.42369,
    "selectiveShare": 0.0982819,
    "coerciveReach": 0.0216517,
    "coerciveEngagement": 0.919117,
    "expulsionTerror": 0.595297,
    "singledOutTerror": 0.620738,
    "challengeFocus": 0.0648683,
    "forceKillRate": 0.0185562,
    "forceKillCapacity": 319.423,
    "killRate": 0.212752,
    "roamReach": 0.0269415,
    "mobilisableShare": 0.0142514,
    "forceEngagementBase": 0.864566,
    "crisisHalfLife": 180,
    "offensiveHalfLife": 70.4573,
    "stepDownMargin": 0.250069,
    "barMassKilling": 0.36799,
    "bystanderFlee": 0.166272
  },
  "provenance": {
    "targetsHash": "35745683ec0c984a30956798f0133fc3e59da4deffae64e9bee3811aff00be82",
    "model": "r2p-luck-2018/9",
    "engine": "r2p-sim 0.1.0",
    "date": "2026-12-02",
    "objective": 0.762535,
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
    "command": "r2p-sim calibrate --start roamReach=0.3 --start roamReach=0.3,challengeFocus=1 --start roamReach=0.1,challengeFocus=0.7 --start roamReach=1,challengeFocus=0.5,killRate=0.1"
  }
};
