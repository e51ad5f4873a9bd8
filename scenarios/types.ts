/** What a validated scenario holds (the file format is defined in schema.ts). */
import type { ParamName, ParamValue } from '../sim/index';
import type { CLAIMS, SCENARIO_KINDS, VERDICTS } from './schema';
import type { Timeline } from './timeline';

export type ScenarioKind = (typeof SCENARIO_KINDS)[number];
export type Verdict = (typeof VERDICTS)[number];

export interface FeatureEntry {
  readonly value: string | number;
  readonly source: string;
  readonly note?: string;
}

export interface ScenarioOverride {
  readonly value: ParamValue;
  readonly reason: string;
}

export interface ArticleReading {
  readonly verdict: Verdict;
  readonly explicit: boolean;
  readonly source: string;
  readonly note?: string;
}

export interface SuggestedComparison {
  readonly label: string;
  readonly question: string;
  readonly claim?: (typeof CLAIMS)[number];
  readonly set: readonly string[];
}

export interface Scenario {
  readonly id: string;
  readonly kind: ScenarioKind;
  readonly title: string;
  readonly period: string;
  readonly summary: string;
  readonly features: Readonly<Record<string, FeatureEntry>>;
  readonly overrides: Readonly<Partial<Record<ParamName, ScenarioOverride>>>;
  /** When things happen (required for a case, dated): see timeline.ts. */
  readonly timeline?: Timeline;
  readonly articleReading?: ArticleReading;
  readonly suggestedComparison?: SuggestedComparison;
}
