/**
 * The calibrated values of the calibration constants, with their provenance. Written by
 * `r2p-sim calibrate --write-defaults` (analysis/calibrate; docs/calibration.md), never by hand:
 * params.ts makes them the parameters' defaults.
 */
import type { Fitted } from './fit-provenance';

export const FITTED: Fitted = {
  "values": {
    "lethalityTargeted": 0.436691,
    "massacreMultiplier": 4.52935,
    "selectiveShare": 0.132953,
    "coerciveReach": 0.0354877,
    "coerciveEngagement": 0.941703,
    "expulsionTerror": 0.388137,
    "singledOutTerror": 0.504818,
    "challengeFocus": 0.143985,
    "cowing": 0.399925,
    "unchallengedLethality": 0.115903,
    "uprisingChallenge": 0.309061,
    "forceKillRate": 0.0188006,
    "forceKillCapacity": 331.368,
    "killRate": 0.064893,
    "roamReach": 0.0151729,
    "roadblocks": 22.2972,
    "mobilisableShare": 0.00671564,
    "conscription": 0.0511603,
    "forceEngagementBase": 0.893976,
    "crisisHalfLife": 180,
    "offensiveHalfLife": 102.517,
    "stepDownMargin": 0.246804,
    "barMassKilling": 0.336003,
    "bystanderFlee": 0.220661
  },
  "provenance": {
    "targetsHash": "35745683ec0c984a30956798f0133fc3e59da4deffae64e9bee3811aff00be82",
    "model": "r2p-luck-2018/14",
    "engine": "r2p-sim 0.1.0",
    "date": "2026-12-03",
    "objective": 0.683871,
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
    "command": "r2p-sim calibrate --start lethalityTargeted=0.44,massacreMultiplier=3.9,selectiveShare=0.12,coerciveReach=0.027,coerciveEngagement=0.93,expulsionTerror=0.49,singledOutTerror=0.52,challengeFocus=0.1,cowing=0.18,unchallengedLethality=0.11,uprisingChallenge=0.32,forceKillRate=0.019,forceKillCapacity=327,killRate=0.23,roamReach=0.0089,roadblocks=13,mobilisableShare=0.0082,conscription=0.042,forceEngagementBase=0.9,crisisHalfLife=180,offensiveHalfLife=83,stepDownMargin=0.26,barMassKilling=0.36,bystanderFlee=0.19"
  }
};
