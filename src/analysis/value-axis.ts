import { chartTheme } from './chart-theme.ts';
import { formatNumber } from './format-number.ts';
import { niceCeiling, niceTicks } from './nice-ticks.ts';
import { element, text } from './svg-elements.ts';
import { textWidth } from './text-width.ts';

/** A vertical value axis from 0 to a round number above the largest value. */
export interface ValueAxis {
  max: number;
  ticks: number[];
  labels: string[];
  /** Room the tick labels and the rotated axis title need left of the plot. */
  width: number;
}

export function valueAxis(largest: number): ValueAxis {
  const max = niceCeiling(largest);
  const ticks = niceTicks(0, max, 5);
  const labels = ticks.map((tick) => formatNumber(tick));
  const widest = Math.max(...labels.map((label) => textWidth(label, chartTheme.tickSize)));
  return { max, ticks, labels, width: widest + 36 };
}

/** Grid lines, tick labels and the rotated title of a value axis on the left of a plot. */
export function drawValueAxis(
  axis: ValueAxis,
  title: string,
  plot: { left: number; right: number; top: number; bottom: number },
): string[] {
  const y = (value: number) => plot.bottom - (value / axis.max) * (plot.bottom - plot.top);
  const svg: string[] = [];

  axis.ticks.forEach((tick, index) => {
    svg.push(element('line', {
      x1: plot.left, x2: plot.right, y1: y(tick), y2: y(tick), stroke: chartTheme.grid,
    }));
    svg.push(text(plot.left - 6, y(tick) + 4, axis.labels[index], {
      'font-size': chartTheme.tickSize, fill: chartTheme.muted, 'text-anchor': 'end',
    }));
  });

  const middle = (plot.top + plot.bottom) / 2;
  const x = plot.left - axis.width + 12;
  svg.push(text(x, middle, title, {
    'font-size': chartTheme.labelSize,
    fill: chartTheme.text,
    'text-anchor': 'middle',
    transform: `rotate(-90 ${x} ${middle})`,
  }));
  return svg;
}
