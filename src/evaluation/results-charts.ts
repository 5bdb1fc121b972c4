import { errorBarChart } from './error-bar-chart.ts';
import { PROTOCOL_LABELS } from './metrics-table.ts';
import type { ProtocolName } from './protocol-result.ts';
import type { AggregateRow, ResultsSummary } from './results-summary.ts';

/** One chart of the results report; `name` is its file name without extension. */
export interface ResultsChart {
  name: string;
  title: string;
  svg: string;
}

/** RMSE per rating model, then P@k and NDCG@k per model for each protocol, over all splits. */
export function resultsCharts(summary: ResultsSummary): ResultsChart[] {
  const rows = summary.aggregates.filter((row) => row.group === 'all');
  const splits = summary.splits.length;
  const subtitle = `Mean over ${splits} split${splits === 1 ? '' : 's'} (${summary.splits
    .join(', ')}); whiskers: ± one standard deviation`;
  const charts: ResultsChart[] = [];

  const rmse = summary.metrics.indexOf('RMSE');
  const rated = rows.filter((row) => row.mean[rmse] !== null);
  if (rated.length > 0) {
    const title = 'Test RMSE per model (lower is better)';
    charts.push({ name: 'rmse', title, svg: errorBarChart({
      title, subtitle, series: ['RMSE'], groups: rated.map((row) => group(row, [rmse])),
      valueLabel: 'RMSE (stars)', categoryLabel: 'Model',
    }) });
  }

  for (const protocol of Object.keys(PROTOCOL_LABELS) as ProtocolName[]) {
    const label = PROTOCOL_LABELS[protocol];
    const series = summary.metrics.filter((name) =>
      (name.startsWith('P@') || name.startsWith('NDCG@')) && name.endsWith(` ${label}`));
    const columns = series.map((name) => summary.metrics.indexOf(name));
    const title = `Ranking, protocol ${protocol} (higher is better)`;
    charts.push({ name: `ranking-${protocol}`, title, svg: errorBarChart({
      title, subtitle, series, groups: rows.map((row) => group(row, columns)),
      valueLabel: 'Score', categoryLabel: 'Model',
    }) });
  }
  return charts;
}

function group(row: AggregateRow, columns: number[]) {
  return {
    label: row.model,
    values: columns.map((column) => {
      const value = row.mean[column];
      return value === null ? null : { value, spread: row.std[column] };
    }),
  };
}
