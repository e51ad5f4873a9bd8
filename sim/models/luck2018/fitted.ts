/**
 * The calibrated values of the calibration constants, with their provenance. Written by
 * `r2p-sim calibrate --write-defaults` (analysis/calibrate; docs/calibration.md), never by hand:
 * params.ts makes them the parameters' defaults.
 */
import type { Fitted } from './fit-provenance';

export const FITTED: Fitted = {
  "values": {
    "lethalityTargeted": 0.442993,
    "massacreMultiplier": 3.01563,
    "selectiveShare": 0.0915482,
    "coerciveReach": 0.0199325,
    "coerciveEngagement": 0.960016,
    "expulsionTerror": 0.422153,
    "singledOutTerror": 0.717329,
    "forceKillRate": 0.0194657,
    "forceKillCapacity": 249.305,
    "killRate": 0.245867,
    "mobilisableShare": 0.018089,
    "forceEngagementBase": 0.884742,
    "crisisHalfLife": 180,
    "offensiveHalfLife": 75.1351,
    "stepDownMargin": 0.259165,
    "barMassKilling": 0.355784,
    "bystanderFlee": 0.161872
  },
  "provenance": {
    "targetsHash": "35745683ec0c984a30956798f0133fc3e59da4deffae64e9bee3811aff00be82",
    "model": "r2p-luck-2018/8",
    "engine": "r2p-sim 0.1.0",
    "date": "2026-12-02",
    "objective": 0.776268,
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
    "command": "r2p-sim calibrate --start singledOutTerror=0.3 --start singledOutTerror=0.3,coerciveEngagement=0.3 --start singledOutTerror=1,coerciveEngagement=0.5 --start singledOutTerror=0.3,forceKillCapacity=150"
  }
};
