import { chartHeading } from './chart-heading.ts';
import { chartTheme, divergingColours } from './chart-theme.ts';
import { divergingColour, needsLightText } from './diverging-colour.ts';
import { formatNumber } from './format-number.ts';
import { element, svgDocument, text, tooltip } from './svg-elements.ts';
import { textWidth } from './text-width.ts';

export interface HeatMapSpec {
  title: string;
  subtitle?: string;
  rows: string[];
  columns: string[];
  /** values[row][column]; null cells are drawn grey with a dash. */
  values: (number | null)[][];
  /** The scale runs from -limit to +limit. */
  limit: number;
  legendLabel: string;
  cellSize?: number;
}

/** A matrix of coloured cells with their values, row and column labels, and a colour bar. */
export function heatMapChart(spec: HeatMapSpec): string {
  const cell = spec.cellSize ?? 34;
  const labelSize = chartTheme.labelSize;
  const rowLabelWidth = Math.max(0, ...spec.rows.map((row) => textWidth(row, labelSize)));
  const columnLabelDepth = Math.max(0, ...spec.columns.map((c) => textWidth(c, labelSize))) * 0.71;

  const left = 16 + rowLabelWidth + 8;
  const plotWidth = cell * spec.columns.length;
  const plotHeight = cell * spec.rows.length;
  const width = Math.max(left + plotWidth + 110, 480);
  const heading = chartHeading(spec.title, spec.subtitle, 16, width);
  const top = heading.bottom + 10;
  const height = top + plotHeight + columnLabelDepth + 28;

  const body = [...heading.svg];
  spec.rows.forEach((row, r) => {
    body.push(text(left - 8, top + (r + 0.5) * cell + 4, row, {
      'font-size': labelSize, fill: chartTheme.text, 'text-anchor': 'end',
    }));
    spec.columns.forEach((column, c) => {
      body.push(...heatCell(spec, r, c, { x: left + c * cell, y: top + r * cell, size: cell }));
    });
  });
  body.push(...columnLabels(spec.columns, left, top + plotHeight, cell));
  body.push(...colourBar(spec, left + plotWidth + 28, top, Math.min(plotHeight, 300)));
  return svgDocument(width, height, spec.title, body);
}

function heatCell(
  spec: HeatMapSpec,
  r: number,
  c: number,
  at: { x: number; y: number; size: number },
): string[] {
  const value = spec.values[r][c];
  const label = value === null ? '–' : formatNumber(value, 2);
  const fill = value === null ? chartTheme.missing : divergingColour(value, spec.limit);
  const ink = value !== null && needsLightText(value, spec.limit) ? '#ffffff' : chartTheme.text;
  const fontSize = Math.min(10, at.size / 3.6);

  return [
    element('rect', { x: at.x, y: at.y, width: at.size, height: at.size, fill,
      stroke: '#ffffff', 'stroke-width': 1 },
    tooltip(`${spec.rows[r]} × ${spec.columns[c]}: ${label}`)),
    text(at.x + at.size / 2, at.y + at.size / 2 + fontSize / 3, label, {
      'font-size': fontSize, fill: ink, 'text-anchor': 'middle',
    }),
  ];
}

/** Column labels under the matrix, turned 45 degrees so long names never overlap. */
function columnLabels(columns: string[], left: number, bottom: number, cell: number): string[] {
  return columns.map((column, c) => {
    const x = left + (c + 0.5) * cell + 4;
    const y = bottom + 10;
    return text(x, y, column, {
      'font-size': chartTheme.labelSize,
      fill: chartTheme.text,
      'text-anchor': 'end',
      transform: `rotate(-45 ${x} ${y})`,
    });
  });
}

/** A vertical gradient from -limit (bottom) to +limit (top) with five labelled ticks. */
function colourBar(spec: HeatMapSpec, x: number, top: number, height: number): string[] {
  const stops = divergingColours.map((colour, index) => element('stop', {
    offset: `${(index / (divergingColours.length - 1)) * 100}%`, 'stop-color': colour,
  }));
  const gradient = element('defs', {}, element('linearGradient', {
    id: 'heat-map-scale', x1: 0, y1: 1, x2: 0, y2: 0,
  }, stops.join('')));

  const ticks = [-1, -0.5, 0, 0.5, 1].map((fraction) => fraction * spec.limit);
  const y = (value: number) => top + height * (1 - (value + spec.limit) / (2 * spec.limit));
  return [
    gradient,
    element('rect', { x, y: top, width: 14, height, fill: 'url(#heat-map-scale)',
      stroke: chartTheme.axis }),
    ...ticks.map((tick) => text(x + 20, y(tick) + 4, formatNumber(tick, 1), {
      'font-size': chartTheme.tickSize, fill: chartTheme.muted,
    })),
    text(x, top + height + 30, spec.legendLabel, {
      'font-size': chartTheme.tickSize, fill: chartTheme.muted,
    }),
  ];
}
