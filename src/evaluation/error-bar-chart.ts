import { backdropText } from '../analysis/backdrop-text.ts';
import { chartHeading } from '../analysis/chart-heading.ts';
import { chartTheme } from '../analysis/chart-theme.ts';
import { element, svgDocument, text, tooltip } from '../analysis/svg-elements.ts';
import { drawValueAxis, valueAxis } from '../analysis/value-axis.ts';

/** Okabe-Ito colours after the theme's blue, one per series. */
const seriesColours = [chartTheme.bar, '#E69F00', '#009E73', '#CC79A7', '#56B4E9'];

export interface ErrorBarGroup {
  label: string;
  /** One value per series; null leaves a gap. `spread` draws a whisker of ± spread. */
  values: ({ value: number; spread: number | null } | null)[];
}

export interface ErrorBarChartSpec {
  title: string;
  subtitle?: string;
  series: string[];
  groups: ErrorBarGroup[];
  valueLabel: string;
  categoryLabel: string;
}

/**
 * Grouped vertical bars from zero with a whisker of ± one standard deviation, built on the
 * analysis charts' axis, heading and document helpers so every chart looks alike.
 */
export function errorBarChart(spec: ErrorBarChartSpec): string {
  const width = chartTheme.width;
  const heading = chartHeading(spec.title, spec.subtitle, 16, width);
  const tops = spec.groups.flatMap((group) =>
    group.values.map((cell) => (cell ? cell.value + (cell.spread ?? 0) : 0)));
  const axis = valueAxis(Math.max(0, ...tops));

  const left = 16 + axis.width;
  const right = width - 16;
  const top = heading.bottom + 40;
  const bottom = top + 260;
  const y = (value: number) => bottom - (value / axis.max) * (bottom - top);
  const band = (right - left) / Math.max(1, spec.groups.length);
  const barWidth = Math.min((band * 0.8) / spec.series.length, 60);

  const body = [...heading.svg, ...legend(spec.series, left, heading.bottom + 14)];
  body.push(...drawValueAxis(axis, spec.valueLabel, { left, right, top, bottom }));
  spec.groups.forEach((group, index) => {
    const centre = left + band * (index + 0.5);
    const start = centre - (barWidth * spec.series.length) / 2;
    group.values.forEach((cell, series) => {
      if (cell) body.push(...bar(cell, start + barWidth * (series + 0.5), barWidth, series, y));
    });
    body.push(text(centre, bottom + 16, group.label, {
      'font-size': chartTheme.labelSize, fill: chartTheme.text, 'text-anchor': 'middle',
    }));
  });

  body.push(element('line', { x1: left, x2: right, y1: bottom, y2: bottom,
    stroke: chartTheme.axis }));
  body.push(text((left + right) / 2, bottom + 40, spec.categoryLabel, {
    'font-size': chartTheme.labelSize, fill: chartTheme.text, 'text-anchor': 'middle',
  }));
  return svgDocument(width, bottom + 56, spec.title, body);
}

function bar(
  cell: { value: number; spread: number | null },
  centre: number,
  width: number,
  series: number,
  y: (value: number) => number,
): string[] {
  const label = cell.spread === null ? cell.value.toFixed(3)
    : `${cell.value.toFixed(3)} ± ${cell.spread.toFixed(3)}`;
  const svg = [element('rect', {
    x: centre - width * 0.45, y: y(cell.value), width: width * 0.9, height: y(0) - y(cell.value),
    fill: seriesColours[series % seriesColours.length],
  }, tooltip(label))];

  const tip = cell.value + (cell.spread ?? 0);
  if (cell.spread !== null && cell.spread > 0) {
    const low = y(Math.max(0, cell.value - cell.spread));
    const whisker = { stroke: chartTheme.text, 'stroke-width': 1.2 };
    svg.push(element('line', { x1: centre, x2: centre, y1: low, y2: y(tip), ...whisker }));
    for (const end of [low, y(tip)]) {
      svg.push(element('line', { x1: centre - 5, x2: centre + 5, y1: end, y2: end, ...whisker }));
    }
  }
  svg.push(...backdropText(centre, y(tip) - 5, cell.value.toFixed(3), {
    fontSize: chartTheme.valueSize, fill: chartTheme.muted, anchor: 'middle',
  }));
  return svg;
}

function legend(series: string[], left: number, baseline: number): string[] {
  return series.flatMap((name, index) => {
    const x = left + index * 150;
    return [
      element('rect', { x, y: baseline - 10, width: 12, height: 12,
        fill: seriesColours[index % seriesColours.length] }),
      text(x + 18, baseline, name, { 'font-size': chartTheme.labelSize, fill: chartTheme.text }),
    ];
  });
}
