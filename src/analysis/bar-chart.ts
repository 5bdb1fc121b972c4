import { chartHeading } from './chart-heading.ts';
import { backdropText } from './backdrop-text.ts';
import { chartTheme } from './chart-theme.ts';
import { formatNumber } from './format-number.ts';
import { element, svgDocument, text, tooltip } from './svg-elements.ts';
import { textWidth } from './text-width.ts';
import { drawValueAxis, valueAxis } from './value-axis.ts';

export interface Bar {
  label: string;
  value: number;
  /** Printed above the bar; defaults to the formatted value. */
  valueLabel?: string;
}

export interface BarChartSpec {
  title: string;
  subtitle?: string;
  bars: Bar[];
  categoryLabel: string;
  valueLabel: string;
  width?: number;
  height?: number;
}

/** Vertical bars over categories, left to right in the order given, values above the bars. */
export function barChart(spec: BarChartSpec): string {
  const width = spec.width ?? chartTheme.width;
  const heading = chartHeading(spec.title, spec.subtitle, 16, width);
  const axis = valueAxis(Math.max(0, ...spec.bars.map((bar) => bar.value)));

  const left = 16 + axis.width;
  const right = width - 16;
  const band = (right - left) / Math.max(1, spec.bars.length);
  const rotate = spec.bars.some((bar) => textWidth(bar.label, chartTheme.labelSize) > band - 6);
  const labelDepth = rotate ? longestLabel(spec.bars) * 0.71 + 12 : 18;

  const top = heading.bottom + 18;
  const bottom = top + (spec.height ?? 280);
  const height = bottom + labelDepth + 36;
  const y = (value: number) => bottom - (value / axis.max) * (bottom - top);

  const body = [...heading.svg];
  body.push(...drawValueAxis(axis, spec.valueLabel, { left, right, top, bottom }));

  spec.bars.forEach((bar, index) => {
    const barWidth = Math.min(band * 0.7, 90);
    const centre = left + band * (index + 0.5);
    const valueText = bar.valueLabel ?? formatNumber(bar.value);
    body.push(element('rect', {
      x: centre - barWidth / 2, y: y(bar.value), width: barWidth, height: bottom - y(bar.value),
      fill: chartTheme.bar,
    }, tooltip(`${bar.label}: ${valueText}`)));
    body.push(...backdropText(centre, y(bar.value) - 5, valueText, {
      fontSize: chartTheme.valueSize, fill: chartTheme.muted, anchor: 'middle',
    }));
    body.push(categoryLabel(bar.label, centre, bottom, rotate));
  });

  body.push(element('line', { x1: left, x2: right, y1: bottom, y2: bottom,
    stroke: chartTheme.axis }));
  body.push(text((left + right) / 2, bottom + labelDepth + 24, spec.categoryLabel, {
    'font-size': chartTheme.labelSize, fill: chartTheme.text, 'text-anchor': 'middle',
  }));
  return svgDocument(width, height, spec.title, body);
}

/** Below its bar; turned 45 degrees when the labels would not fit side by side. */
function categoryLabel(label: string, centre: number, bottom: number, rotate: boolean): string {
  const attributes = { 'font-size': chartTheme.labelSize, fill: chartTheme.text };
  if (!rotate) return text(centre, bottom + 16, label, { ...attributes, 'text-anchor': 'middle' });

  const y = bottom + 12;
  return text(centre, y, label, {
    ...attributes,
    'text-anchor': 'end',
    transform: `rotate(-45 ${centre} ${y})`,
  });
}

function longestLabel(bars: Bar[]): number {
  return Math.max(0, ...bars.map((bar) => textWidth(bar.label, chartTheme.labelSize)));
}
