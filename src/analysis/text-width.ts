/**
 * Estimated advance width of a string in DejaVu Sans, in pixels. Charts size their margins
 * with it so long labels are never clipped; the table holds the font's real advances (in
 * em) for the narrow and wide glyphs and an average for the rest, erring wide.
 */
export function textWidth(content: string, fontSize: number): number {
  let ems = 0;
  for (const character of content) ems += glyphWidth(character);
  return ems * fontSize;
}

/** Cuts a string to at most `maxWidth` pixels, ending it with an ellipsis when cut. */
export function fitText(content: string, fontSize: number, maxWidth: number): string {
  if (textWidth(content, fontSize) <= maxWidth) return content;

  let cut = content;
  while (cut.length > 1 && textWidth(`${cut}…`, fontSize) > maxWidth) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

const narrow = new Map(Object.entries({
  ' ': 0.32, '.': 0.32, ',': 0.32, ':': 0.34, ';': 0.34, "'": 0.28, '|': 0.34, '!': 0.4,
  i: 0.28, j: 0.28, l: 0.28, f: 0.36, t: 0.4, r: 0.42, '(': 0.4, ')': 0.4, '-': 0.37,
  I: 0.3, J: 0.3,
}));

const wide = new Map(Object.entries({
  m: 0.98, w: 0.82, M: 0.87, W: 0.99, '%': 0.95, '@': 1.0, '—': 1.0, '…': 1.0,
}));

function glyphWidth(character: string): number {
  const known = narrow.get(character) ?? wide.get(character);
  if (known !== undefined) return known;
  if (/[0-9]/.test(character)) return 0.64;
  if (/\p{Lu}/u.test(character)) return 0.74;
  return 0.62;
}
