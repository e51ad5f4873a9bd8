/** The app's chart library: one function per chart kind, the palette and the exporters. */
export { lineChart } from './line-chart';
export { fanChart } from './fan-chart';
export { heatStrip } from './heat-strip';
export { timeline } from './timeline';
export { heatmap } from './heatmap';
export { histogram } from './histogram';
export { sweepLines } from './sweep-lines';
export { svgText, svgToPngBlob, csvText, download } from './export';
export {
  OKABE_ITO,
  CATEGORICAL,
  categorical,
  sequential,
  sequentialScale,
  diverging,
  divergingScale,
  levelColour,
  STATE_COLOURS,
  type AgentState,
  type StateKey,
} from './palette';
export type * from './types';
