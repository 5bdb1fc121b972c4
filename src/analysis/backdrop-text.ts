import { chartTheme } from './chart-theme.ts';
import { element, text } from './svg-elements.ts';
import { textWidth } from './text-width.ts';

/**
 * Text on a rectangle of background colour, so a grid or reference line running through a
 * label is hidden behind it instead of crossing the glyphs.
 */
export function backdropText(
  x: number,
  baseline: number,
  content: string,
  options: { fontSize: number; fill: string; anchor?: 'start' | 'middle' | 'end' },
): string[] {
  const width = textWidth(content, options.fontSize) + 4;
  const shift = { start: 0, middle: width / 2, end: width }[options.anchor ?? 'start'];
  const backdrop = element('rect', {
    x: x - shift - 2,
    y: baseline - options.fontSize,
    width,
    height: options.fontSize + 4,
    fill: chartTheme.background,
  });
  const label = text(x, baseline, content, {
    'font-size': options.fontSize,
    fill: options.fill,
    'text-anchor': options.anchor,
  });
  return [backdrop, label];
}
