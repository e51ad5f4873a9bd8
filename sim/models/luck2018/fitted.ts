/**
 * The calibrated values of the calibration constants, with their provenance. Written by
 * `r2p-sim calibrate --write-defaults` (analysis/calibrate; docs/calibration.md), never by hand:
 * params.ts makes them the parameters' defaults.
 */
import type { Fitted } from './fit-provenance';

export const FITTED: Fitted = {
  "values": {
    "lethalityTargeted": 0.375197,
    "massacreMultiplier": 2.04519,
    "selectiveShare": 0.0395786,
    "coerciveReach": 0.0140505,
    "coerciveEngagement": 0.952668,
    "expulsionTerror": 0.584278,
    "forceKillRate": 0.0191794,
    "forceKillCapacity": 651.486,
    "killRate": 0.201852,
    "mobilisableShare": 0.13544,
    "forceEngagementBase": 0.787976,
    "crisisHalfLife": 180,
    "offensiveHalfLife": 58.5921,
    "stepDownMargin": 0.231032,
    "barMassKilling": 0.324495,
    "bystanderFlee": 0.186316
  },
  "provenance": {
    "targetsHash": "e58eb4f2094a20f311c04292a47bffed6ffff6467e3ae052401b3501ef89c67e",
    "model": "r2p-luck-2018/7",
    "engine": "r2p-sim 0.1.0",
    "date": "2026-12-02",
    "objective": 1.080239,
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
    "command": "r2p-sim calibrate --start coerciveEngagement=0.15 --start coerciveEngagement=0.15,mobilisableShare=0.05,killRate=0.5 --start lethalityTargeted=0.351,massacreMultiplier=1.91,selectiveShare=0.0461,coerciveReach=0.0124,coerciveEngagement=0.969,expulsionTerror=0.353,forceKillRate=0.0191,forceKillCapacity=567,killRate=0.184,mobilisableShare=0.211,forceEngagementBase=0.764,crisisHalfLife=180,offensiveHalfLife=53.2,stepDownMargin=0.225,barMassKilling=0.318,bystanderFlee=0.174"
  }
};
