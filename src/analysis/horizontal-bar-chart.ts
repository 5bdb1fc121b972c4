import { chartHeading } from './chart-heading.ts';
import { backdropText } from './backdrop-text.ts';
import { chartTheme } from './chart-theme.ts';
import { formatNumber } from './format-number.ts';
import { niceCeiling, niceTicks } from './nice-ticks.ts';
import { element, svgDocument, text, tooltip } from './svg-elements.ts';
import { fitText, textWidth } from './text-width.ts';

export interface HorizontalBar {
  label: string;
  value: number;
  /** Printed after the bar; defaults to the formatted value. */
  valueLabel?: string;
}

export interface HorizontalBarChartSpec {
  title: string;
  subtitle?: string;
  bars: HorizontalBar[];
  axisLabel: string;
  /** Value range of the axis; default [0, a round number above the largest value]. */
  domain?: [number, number];
  /** A vertical line across the bars, e.g. the mean over everyone. */
  reference?: { value: number; label: string };
  width?: number;
}

const rowHeight = 24;
const barHeight = 16;
const maxLabelWidth = 420;

/** Bars from left to right, one row per category, top to bottom in the order given. */
export function horizontalBarChart(spec: HorizontalBarChartSpec): string {
  const { labelSize, valueSize, tickSize } = chartTheme;
  const labels = spec.bars.map((bar) => fitText(bar.label, labelSize, maxLabelWidth));
  const values = spec.bars.map((bar) => bar.valueLabel ?? formatNumber(bar.value));
  const labelWidth = Math.max(0, ...labels.map((label) => textWidth(label, labelSize)));
  const valueWidth = Math.max(0, ...values.map((value) => textWidth(value, valueSize)));

  // Margins follow the longest label and value, so nothing is clipped at any width.
  const width = Math.max(spec.width ?? chartTheme.width, labelWidth + valueWidth + 360);
  const heading = chartHeading(spec.title, spec.subtitle, 16, width);
  const left = 16 + labelWidth + 10;
  const right = width - 16 - valueWidth - 8;
  const top = heading.bottom + (spec.reference ? 18 : 4);
  const plotHeight = spec.bars.length * rowHeight;
  const height = top + plotHeight + 56;

  const largest = Math.max(0, ...spec.bars.map((bar) => bar.value));
  const [low, high] = spec.domain ?? [0, niceCeiling(largest)];
  const x = (value: number) => left + ((value - low) / (high - low)) * (right - left);

  const body = [...heading.svg];

  // Grid and ticks first, so bars sit on top of them.
  for (const tick of niceTicks(low, high, 6)) {
    body.push(element('line', { x1: x(tick), x2: x(tick), y1: top, y2: top + plotHeight,
      stroke: chartTheme.grid }));
    body.push(text(x(tick), top + plotHeight + 16, formatNumber(tick), {
      'font-size': tickSize, fill: chartTheme.muted, 'text-anchor': 'middle' }));
  }
  body.push(text((left + right) / 2, top + plotHeight + 40, spec.axisLabel, {
    'font-size': labelSize, fill: chartTheme.text, 'text-anchor': 'middle' }));

  // Value labels go last, over the reference line, which their backdrop then interrupts.
  const valueLabels: string[] = [];
  spec.bars.forEach((bar, index) => {
    const y = top + index * rowHeight + (rowHeight - barHeight) / 2;
    const end = x(Math.max(low, Math.min(high, bar.value)));
    body.push(element('rect', { x: left, y, width: Math.max(0, end - left), height: barHeight,
      fill: chartTheme.bar }, tooltip(`${bar.label}: ${values[index]}`)));
    body.push(text(left - 8, y + barHeight / 2 + 4, labels[index], {
      'font-size': labelSize, fill: chartTheme.text, 'text-anchor': 'end' }));
    valueLabels.push(...backdropText(end + 6, y + barHeight / 2 + 4, values[index], {
      fontSize: valueSize, fill: chartTheme.muted }));
  });

  body.push(element('line', { x1: left, x2: left, y1: top, y2: top + plotHeight,
    stroke: chartTheme.axis }));
  if (spec.reference) body.push(...referenceLine(spec.reference, x(spec.reference.value), top,
    plotHeight));
  body.push(...valueLabels);

  return svgDocument(width, height, spec.title, body);
}

function referenceLine(
  reference: { value: number; label: string },
  at: number,
  top: number,
  plotHeight: number,
): string[] {
  return [
    element('line', { x1: at, x2: at, y1: top - 6, y2: top + plotHeight,
      stroke: chartTheme.reference, 'stroke-width': 2, 'stroke-dasharray': '5 3' }),
    text(at, top - 10, reference.label, { 'font-size': chartTheme.tickSize,
      fill: chartTheme.reference, 'text-anchor': 'middle' }),
  ];
}
