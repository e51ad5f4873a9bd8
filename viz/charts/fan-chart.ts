/**
 * Arms over many seeds: per arm a translucent band between low and high and its median line.
 * The legend names the arms and says what the band and the line are.
 */
import { area, line, nice } from 'd3';
import type { Band, Chart, FanChartSpec } from './types';
import { NEUTRAL, categorical } from './palette';
import { formatValue, type LegendItem } from './frame';
import { liveChart } from './live';
import { createTimeFrame } from './time-frame';

const len = (b: Band): number => Math.min(b.median.length, b.low.length, b.high.length);

export function fanChart(container: HTMLElement, spec: FanChartSpec): Chart<FanChartSpec> {
  const colourOf = (b: Band, i: number): string => b.colour ?? categorical(i);

  // The readout reads the spec drawn last.
  const frame = createTimeFrame(container, 'r2p-fan-chart', (day) => {
    const cur = chart.spec;
    const rows = cur.bands.map((b, i) => {
      const ok = day < len(b);
      return { b, i, m: ok ? b.median[day] : NaN, lo: ok ? b.low[day] : NaN, hi: ok ? b.high[day] : NaN };
    });
    return {
      lines: [
        { text: `day ${day}: median (${cur.bandLabel})` },
        ...rows.map(({ b, i, m, lo, hi }) => ({
          text: `${b.label}: ${formatValue(m)} (${formatValue(lo)} to ${formatValue(hi)})`,
          colour: colourOf(b, i),
        })),
      ],
      dots: rows.map(({ b, i, m }) => ({ y: m, colour: colourOf(b, i) })),
    };
  });

  const x = (_: number, i: number): number => frame.x(i);
  const bandGen = area<number>().x(x);
  const medianGen = line<number>().x(x);

  function yDomain(s: FanChartSpec): [number, number] {
    let lo = 0;
    let hi = -Infinity;
    for (const b of s.bands) {
      for (let i = 0, m = len(b); i < m; i++) {
        lo = Math.min(lo, b.low[i], b.median[i]);
        hi = Math.max(hi, b.high[i], b.median[i]);
      }
    }
    if (!(hi > lo)) hi = lo + 1;
    return nice(lo, hi, 6);
  }

  function render(s: FanChartSpec, width: number): void {
    const legend: LegendItem[] = s.bands.map((b, i) => ({ label: b.label, colour: colourOf(b, i), kind: 'bandline' }));
    legend.push({ label: `band: ${s.bandLabel}`, colour: NEUTRAL, kind: 'band' }, { label: 'line: median', colour: NEUTRAL, kind: 'line' });
    const ends = s.bands.map((b) => {
      const m = len(b);
      return m ? `${b.label} median ${formatValue(b.median[m - 1])} on day ${m - 1}` : `${b.label} no values yet`;
    });
    const ariaLabel = `${s.title}. Fan chart of ${s.yLabel} (${s.unit}) by day, 0 to ${s.days}: median and band (${s.bandLabel}) per arm. ${ends.join('; ')}.`;
    frame.layout({ ...s, yDomain: yDomain(s), legend, ariaLabel }, width);
    const { y } = frame;
    const groups = frame.plot
      .selectAll<SVGGElement, Band>('g')
      .data(s.bands, (b) => b.key)
      .join((enter) => {
        const g = enter.append('g');
        g.append('path').attr('class', 'r2p-band');
        g.append('path').attr('class', 'r2p-line');
        return g;
      });
    groups.each(function (b, i) {
      const m = len(b);
      const colour = colourOf(b, i);
      const okBand = (_: number, j: number): boolean => Number.isFinite(b.low[j]) && Number.isFinite(b.high[j]);
      bandGen
        .defined(okBand)
        .y0((_, j) => y(b.low[j]))
        .y1((_, j) => y(b.high[j]));
      medianGen.defined((_, j) => Number.isFinite(b.median[j])).y((_, j) => y(b.median[j]));
      const g = this as SVGGElement;
      const paths = g.querySelectorAll('path');
      const data = Array.prototype.slice.call(b.median, 0, m) as number[];
      paths[0].setAttribute('fill', colour);
      paths[0].setAttribute('d', bandGen(data) ?? '');
      paths[1].setAttribute('stroke', colour);
      paths[1].setAttribute('d', medianGen(data) ?? '');
    });
    frame.refreshHover();
  }

  const chart = liveChart(frame.svg.node()!, spec, render);
  return chart;
}
