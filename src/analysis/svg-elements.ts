import { chartTheme } from './chart-theme.ts';

type AttributeValue = string | number | undefined;

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** One element; undefined attributes are left out, numbers are rounded to 0.01 px. */
export function element(
  name: string,
  attributes: Record<string, AttributeValue>,
  content?: string,
): string {
  const pairs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}="${escapeXml(formatAttribute(value as string | number))}"`);
  const open = [name, ...pairs].join(' ');
  return content === undefined ? `<${open}/>` : `<${open}>${content}</${name}>`;
}

/** A text element whose content is escaped. */
export function text(
  x: number,
  y: number,
  content: string,
  attributes: Record<string, AttributeValue> = {},
): string {
  return element('text', { x, y, ...attributes }, escapeXml(content));
}

/**
 * The whole document: white background, the theme's font, and a <title> for screen readers.
 * The size is rounded up to whole pixels, so a PNG of it has exactly scale x the size.
 */
export function svgDocument(
  innerWidth: number,
  innerHeight: number,
  title: string,
  body: string[],
): string {
  const width = Math.ceil(innerWidth);
  const height = Math.ceil(innerHeight);
  const root = {
    xmlns: 'http://www.w3.org/2000/svg',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': chartTheme.fontFamily,
    role: 'img',
  };
  const background = element('rect', { width, height, fill: chartTheme.background });
  const content = [element('title', {}, escapeXml(title)), background, ...body].join('\n');
  return `${element('svg', root, `\n${content}\n`)}\n`;
}

function formatAttribute(value: string | number): string {
  return typeof value === 'number' ? String(round(value)) : value;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A <title> child: the text a browser shows when the pointer rests on the parent. */
export function tooltip(content: string): string {
  return element('title', {}, escapeXml(content));
}
