import type { HistogramBin } from './age-histogram.ts';
import { chartHeading } from './chart-heading.ts';
import { chartTheme } from './chart-theme.ts';
import { formatNumber } from './format-number.ts';
import { element, svgDocument, text, tooltip } from './svg-elements.ts';
import { textWidth } from './text-width.ts';
import { drawValueAxis, valueAxis } from './value-axis.ts';

export interface HistogramChartSpec {
  title: string;
  subtitle?: string;
  bins: HistogramBin[];
  binLabel: string;
  valueLabel: string;
  width?: number;
  height?: number;
}

/** Adjacent bars over a numeric axis, with the bin edges as ticks. */
export function histogramChart(spec: HistogramChartSpec): string {
  const width = spec.width ?? chartTheme.width;
  const heading = chartHeading(spec.title, spec.subtitle, 16, width);
  const axis = valueAxis(Math.max(0, ...spec.bins.map((bin) => bin.count)));

  const left = 16 + axis.width;
  const right = width - 28;
  const top = heading.bottom + 18;
  const bottom = top + (spec.height ?? 280);
  const height = bottom + 60;

  const low = spec.bins[0]?.from ?? 0;
  const high = spec.bins[spec.bins.length - 1]?.to ?? 1;
  const x = (value: number) => left + ((value - low) / (high - low)) * (right - left);
  const y = (value: number) => bottom - (value / axis.max) * (bottom - top);

  const body = [...heading.svg];
  body.push(...drawValueAxis(axis, spec.valueLabel, { left, right, top, bottom }));

  for (const bin of spec.bins) {
    const label = `${formatNumber(bin.from)}–${formatNumber(bin.to)}: ${formatNumber(bin.count)}`;
    body.push(element('rect', {
      x: x(bin.from) + 0.5, y: y(bin.count), width: Math.max(0, x(bin.to) - x(bin.from) - 1),
      height: bottom - y(bin.count), fill: chartTheme.bar,
    }, tooltip(label)));
  }
  body.push(...edgeTicks(spec.bins, x, bottom));

  body.push(element('line', { x1: left, x2: right, y1: bottom, y2: bottom,
    stroke: chartTheme.axis }));
  body.push(text((left + right) / 2, bottom + 42, spec.binLabel, {
    'font-size': chartTheme.labelSize, fill: chartTheme.text, 'text-anchor': 'middle',
  }));
  return svgDocument(width, height, spec.title, body);
}

/** A label at every bin edge, or at every second or third one when they would collide. */
function edgeTicks(bins: HistogramBin[], x: (value: number) => number, bottom: number): string[] {
  if (bins.length === 0) return [];
  const edges = [...bins.map((bin) => bin.from), bins[bins.length - 1].to];
  const spacing = x(edges[1]) - x(edges[0]);
  const widest = Math.max(...edges.map((edge) => textWidth(formatNumber(edge),
    chartTheme.tickSize)));
  const every = Math.max(1, Math.ceil((widest + 8) / spacing));

  return edges.flatMap((edge, index) => {
    if (index % every !== 0) return [];
    return [
      element('line', { x1: x(edge), x2: x(edge), y1: bottom, y2: bottom + 4,
        stroke: chartTheme.axis }),
      text(x(edge), bottom + 17, formatNumber(edge), {
        'font-size': chartTheme.tickSize, fill: chartTheme.muted, 'text-anchor': 'middle',
      }),
    ];
  });
}
