/**
 * The small CSV dialect of our artifacts: comma separators, a header row, and fields quoted
 * with double quotes when they hold a comma, a quote or a line break (titles do).
 */

/** Splits one CSV line into its fields, undoing the quoting. */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;

  for (let position = 0; position < line.length; position++) {
    const char = line[position];
    if (quoted) {
      if (char !== '"') field += char;
      else if (line[position + 1] === '"') {
        field += '"';
        position++;
      } else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }

  fields.push(field);
  return fields;
}

/** Formats one row of values as a CSV line (without the line break). */
export function formatCsvLine(values: readonly (string | number | null)[]): string {
  return values.map(formatCsvField).join(',');
}

function formatCsvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  if (!/[",\r\n]/.test(text)) return text;
  return `"${text.replaceAll('"', '""')}"`;
}
