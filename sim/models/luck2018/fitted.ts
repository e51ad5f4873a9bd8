/**
 * The calibrated values of the calibration constants, with their provenance. Written by
 * `r2p-sim calibrate --write-defaults` (analysis/calibrate; docs/calibration.md), never by hand:
 * params.ts makes them the parameters' defaults.
 */
import type { Fitted } from './fit-provenance';

export const FITTED: Fitted = {
  "values": {
    "lethalityTargeted": 0.475888,
    "massacreMultiplier": 1.55721,
    "selectiveShare": 0.0186828,
    "coerciveReach": 0.0133127,
    "expulsionTerror": 0.346912,
    "forceKillRate": 0.0160833,
    "mobilisableShare": 0.567383,
    "crisisHalfLife": 143.083,
    "offensiveHalfLife": 66.1107,
    "stepDownMargin": 0.16122,
    "barMassKilling": 0.343866,
    "bystanderFlee": 0.152117
  },
  "provenance": {
    "targetsHash": "b038d7d8f83a44fda90395072a4c477bb51a4825b4c84de592fbbe7a92ab3394",
    "model": "r2p-luck-2018/5",
    "engine": "r2p-sim 0.1.0",
    "date": "2026-12-02",
    "objective": 1.018502,
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
    "command": "r2p-sim calibrate"
  }
};
