/** A table a stage or the run asked to show: `{ table: { columns, rows } }` in a summary. */
export interface ResultTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

/**
 * Finds the tables in a summary or in the run's results: a `table` field at the top, or one
 * level down (results keyed by report, each with its own table). Anything else is ignored,
 * since summaries are free-form JSON.
 */
export function findTables(data: unknown, title: string): ResultTable[] {
  if (!isRecord(data)) return [];

  const own = asTable(data.table, title);
  if (own) return [own];

  return Object.entries(data).flatMap(([key, value]) => {
    if (!isRecord(value)) return [];
    const nested = asTable(value.table, `${title} ${key}`);
    return nested ? [nested] : [];
  });
}

function asTable(value: unknown, title: string): ResultTable | undefined {
  if (!isRecord(value)) return undefined;

  const { columns, rows } = value;
  if (!Array.isArray(columns) || !columns.every((column) => typeof column === 'string')) {
    return undefined;
  }
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) return undefined;

  return { title, columns, rows: rows.map((row: unknown[]) => row.map(asCell)) };
}

// Summaries are JSON, so a cell may be null or boolean; shown as text, never dropped.
function asCell(value: unknown): string | number {
  if (typeof value === 'number' || typeof value === 'string') return value;
  return value === null || value === undefined ? '' : String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
