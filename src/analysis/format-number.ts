const grouped = new Intl.NumberFormat('en-US');

/** 100000 -> '100,000'; with digits, a fixed number of decimals: 3.52986 -> '3.53'. */
export function formatNumber(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return '–';
  if (digits === undefined) return grouped.format(value);

  // -0.001 shown with two decimals would read '-0.00'.
  const rounded = Number(value.toFixed(digits));
  return new Intl.NumberFormat('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(rounded === 0 ? 0 : value);
}

/** 0.063047 -> '6.30%'. */
export function formatPercent(value: number, digits = 2): string {
  return `${formatNumber(value * 100, digits)}%`;
}
