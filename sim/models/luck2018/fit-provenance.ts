/** Where the calibrated defaults (fitted.ts) came from: written with them by `r2p-sim calibrate --write-defaults`. */
export interface FitProvenance {
  /** sha256 of the targets the fit used (every scenarios/targets file, canonical JSON). */
  readonly targetsHash: string;
  /** The model version the fit ran (MODEL_VERSION). */
  readonly model: string;
  /** The engine that ran it (ENGINE: name and version; absent in fits made before it was recorded). */
  readonly engine?: string;
  /** The day the fit finished (YYYY-MM-DD). */
  readonly date: string;
  /** The fit's objective at the fitted values (mean pattern distance over the training cases). */
  readonly objective: number;
  readonly trainingCases: readonly string[];
  /** The command that made it. */
  readonly command: string;
}

/** The fitted values of the calibration constants, and their provenance (null before any fit). */
export interface Fitted {
  readonly values: Readonly<Record<string, number>>;
  readonly provenance: FitProvenance | null;
}
