/**
 * Rows as CSV text with a header row: fields holding a comma, a quote or a line break are
 * quoted (titles such as "English Patient, The (1996)"), arrays are joined by '|', and
 * missing values are empty fields.
 */
export function csvText(columns: string[], rows: Record<string, unknown>[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvField(row[column])).join(','));
  return `${lines.join('\n')}\n`;
}

function csvField(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'number' && !Number.isFinite(value)) return '';

  const text = Array.isArray(value) ? value.join('|') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
