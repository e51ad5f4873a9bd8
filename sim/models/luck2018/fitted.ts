/**
 * The calibrated values of the calibration constants, with their provenance. Written by
 * `r2p-sim calibrate --write-defaults` (analysis/calibrate; docs/calibration.md), never by hand:
 * params.ts makes them the parameters' defaults.
 */
import type { Fitted } from './fit-provenance';

export const FITTED: Fitted = {
  "values": {
    "lethalityTargeted": 0.361834,
    "massacreMultiplier": 1.88039,
    "selectiveShare": 0.0196199,
    "coerciveReach": 0.0120693,
    "expulsionTerror": 0.343884,
    "forceKillRate": 0.0164179,
    "forceKillCapacity": 548.134,
    "killRate": 0.17999,
    "mobilisableShare": 0.260616,
    "forceEngagementBase": 0.781267,
    "crisisHalfLife": 180,
    "offensiveHalfLife": 51.986,
    "stepDownMargin": 0.22325,
    "barMassKilling": 0.342613,
    "bystanderFlee": 0.171505
  },
  "provenance": {
    "targetsHash": "b038d7d8f83a44fda90395072a4c477bb51a4825b4c84de592fbbe7a92ab3394",
    "model": "r2p-luck-2018/6",
    "engine": "r2p-sim 0.1.0",
    "date": "2026-12-02",
    "objective": 0.956605,
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
    "command": "r2p-sim calibrate --start forceEngagementBase=0.1 --start mobilisableShare=0.3,killRate=0.2 --start selectiveShare=0.05,forceEngagementBase=0.2"
  }
};
