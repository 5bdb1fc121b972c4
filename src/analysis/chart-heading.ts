import { chartTheme } from './chart-theme.ts';
import { text } from './svg-elements.ts';
import { fitText } from './text-width.ts';

/** The SVG of a chart's title and subtitle, and the y where the plot below them may start. */
export function chartHeading(
  title: string,
  subtitle: string | undefined,
  left: number,
  width: number,
): { svg: string[]; bottom: number } {
  const maxWidth = width - 2 * left;
  const svg = [
    text(left, 28, fitText(title, chartTheme.titleSize, maxWidth), {
      'font-size': chartTheme.titleSize,
      'font-weight': 'bold',
      fill: chartTheme.text,
    }),
  ];
  if (subtitle === undefined) return { svg, bottom: 44 };

  svg.push(
    text(left, 48, fitText(subtitle, chartTheme.subtitleSize, maxWidth), {
      'font-size': chartTheme.subtitleSize,
      fill: chartTheme.muted,
    }),
  );
  return { svg, bottom: 66 };
}
