/**
 * What the app's charts take. Every chart is a plain function of its data: it draws into a
 * container it owns (an SVG, or a canvas for dense grids), labels its axes with names and units,
 * has a legend when it shows more than one thing, and can be redrawn with new data as a run
 * advances (update() must be cheap: a few hundred days x a few lines at 30 frames a second).
 * Text from data (series names, event details, scenario titles) is set with textContent, never
 * as markup.
 */

/** One line of a line chart. */
export interface LineSeries {
  /** A stable key (series name, arm id). */
  readonly key: string;
  /** The legend's words. */
  readonly label: string;
  /** One value per day from day 0; NaN leaves a gap. Only the first `length` values are drawn when given. */
  readonly values: ArrayLike<number>;
  /** Draw only values[0 .. length) (a run in progress). */
  readonly length?: number;
  /** Colour from the palette (charts/palette.ts); the chart picks one by order when absent. */
  readonly colour?: string;
  readonly dashed?: boolean;
}

/** A vertical marker on the time axis (an event, a chosen day). */
export interface DayMark {
  readonly day: number;
  readonly label: string;
}

export interface LineChartSpec {
  readonly title: string;
  /** The y axis's quantity, e.g. "people killed". */
  readonly yLabel: string;
  /** The y axis's unit, e.g. "people"; shown beside the label. */
  readonly unit: string;
  /** Days on the x axis: the domain is [0, days]. */
  readonly days: number;
  readonly lines: readonly LineSeries[];
  /** Draw as steps (codes, rungs) rather than straight segments. */
  readonly step?: boolean;
  /** Fixed y domain; otherwise [0, max] (or [min, max] when any value is negative). */
  readonly yDomain?: readonly [number, number];
  /** Names for integer y values (e.g. the rungs), used as tick labels. */
  readonly yTickNames?: readonly string[];
  readonly marks?: readonly DayMark[];
}

/** A median and a band per day for one arm (many seeds). */
export interface Band {
  readonly key: string;
  readonly label: string;
  readonly median: ArrayLike<number>;
  readonly low: ArrayLike<number>;
  readonly high: ArrayLike<number>;
  readonly colour?: string;
}

export interface FanChartSpec {
  readonly title: string;
  readonly yLabel: string;
  readonly unit: string;
  readonly days: number;
  readonly bands: readonly Band[];
  /** The band's words for the legend, e.g. "90% of seeds". */
  readonly bandLabel: string;
  readonly marks?: readonly DayMark[];
}

/** Rows of values over days, drawn as a strip of coloured cells (the 14 risk factors). */
export interface HeatStripSpec {
  readonly title: string;
  readonly rows: readonly { readonly key: string; readonly label: string; readonly values: ArrayLike<number> }[];
  readonly days: number;
  /** Draw only days [0, length). */
  readonly length?: number;
  /** Value domain of the colour scale, e.g. [0, 1]. */
  readonly domain: readonly [number, number];
  /** The legend's words for the value, e.g. "risk (index 0-1)". */
  readonly valueLabel: string;
}

/** An event on the timeline. */
export interface TimelineEvent {
  readonly day: number;
  /** The lane: "Security Council", "Secretariat", "trigger", ... */
  readonly lane: string;
  /** Short words shown on hover and to screen readers. */
  readonly label: string;
}

export interface TimelineSpec {
  readonly title: string;
  readonly days: number;
  readonly lanes: readonly string[];
  readonly events: readonly TimelineEvent[];
  /** The leadership's rung per day (0-4), drawn as a band under the lanes; with its names. */
  readonly rung?: { readonly values: ArrayLike<number>; readonly length?: number; readonly names: readonly string[] };
}

/** A grid of cells over two factors (a sweep's outcome). */
export interface HeatmapSpec {
  readonly title: string;
  readonly x: { readonly label: string; readonly values: readonly (number | string)[] };
  readonly y: { readonly label: string; readonly values: readonly (number | string)[] };
  /** cells[yi][xi]; NaN for a cell with no result yet. */
  readonly cells: readonly (readonly number[])[];
  readonly valueLabel: string;
  readonly domain?: readonly [number, number];
}

/** A histogram of paired differences (arm minus baseline, per seed). */
export interface HistogramSpec {
  readonly title: string;
  readonly xLabel: string;
  readonly unit: string;
  readonly values: readonly number[];
  /** Marks such as the median and the interval's ends. */
  readonly marks?: readonly { readonly value: number; readonly label: string }[];
}

/** One line of a sweep's outcome over its first factor: a level of the second factor. */
export interface SweepLine {
  readonly key: string;
  readonly label: string;
  /** One value per level of the x factor (NaN: no value yet). */
  readonly mid: readonly number[];
  readonly lo: readonly number[];
  readonly hi: readonly number[];
}

export interface SweepLinesSpec {
  readonly title: string;
  /** The x factor: its words (name and unit), tick words, and numeric positions (null: evenly spaced). */
  readonly x: { readonly label: string; readonly ticks: readonly string[]; readonly positions: readonly number[] | null };
  readonly yLabel: string;
  readonly yDomain?: readonly [number, number];
  readonly lines: readonly SweepLine[];
  /** What the line is ("mean", "P") and what the band is, for the legend and the readout. */
  readonly lineWord: string;
  readonly bandLabel: string;
}

/** A drawn chart: its root element (for export) and a redraw with new data. */
export interface Chart<S> {
  readonly element: SVGSVGElement | HTMLCanvasElement | HTMLElement;
  update(spec: S): void;
}
