/**
 * What a parameter definition is, for every model: name, default, range or values, unit,
 * description, group and source. Each model keeps its own list of these (the one source of
 * truth for its parameters); validation, CLI flags, the app's controls and docs read that list.
 *
 * `structural` parameters shape the world at set-up and cannot be scheduled to change mid-run.
 */

export interface ParamCommon {
  readonly name: string;
  /** A model's own grouping (the main model's ParamGroup, for example). */
  readonly group: string;
  readonly unit: string;
  readonly description: string;
  /** Where in Luck (2018) or the brief's references the parameter comes from. */
  readonly source: string;
  readonly structural?: boolean;
}

export interface NumberParamDef extends ParamCommon {
  readonly kind: 'number' | 'integer';
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

export interface BooleanParamDef extends ParamCommon {
  readonly kind: 'boolean';
  readonly default: boolean;
}

export interface EnumParamDef extends ParamCommon {
  readonly kind: 'enum';
  readonly default: string;
  readonly values: readonly string[];
}

export type ParamDef = NumberParamDef | BooleanParamDef | EnumParamDef;

/** A parameter's value: numbers, booleans and enum strings. */
export type ParamValue = number | boolean | string;
