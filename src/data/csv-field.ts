/** Quotes a CSV field when it holds a separator, a quote or a line break (RFC 4180). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (!/[",\r\n]/.test(text)) return text;
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * Splits RFC 4180 CSV text into rows of fields. A quoted field may hold line breaks, as
 * csvField writes them; blank lines are skipped, and CRLF line ends are accepted. When given,
 * `startLines` receives the 1-based line each returned row starts on, for error messages.
 */
export function parseCsvRows(text: string, startLines?: number[]): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== '') {
      rows.push(row);
      startLines?.push(rowLine);
    }
    row = [];
    field = '';
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') line++;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      endRow();
      rowLine = line;
    } else if (char !== '\r' || text[i + 1] !== '\n') {
      field += char;
    }
  }

  if (field !== '' || row.length > 0) endRow();
  return rows;
}
