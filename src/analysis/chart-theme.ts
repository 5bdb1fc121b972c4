/**
 * One look for every chart. Colours come from the Okabe-Ito palette and ColorBrewer's RdBu,
 * both distinguishable with the common colour-vision deficiencies. Fonts name DejaVu Sans
 * first because the PNG renderer is given it as its default family.
 */
export const chartTheme = {
  fontFamily: "'DejaVu Sans', Verdana, Arial, sans-serif",
  background: '#ffffff',
  text: '#1f2328',
  muted: '#57606a',
  axis: '#8c959f',
  grid: '#e6e8eb',
  /** Okabe-Ito blue: the bars. */
  bar: '#0072B2',
  /** Okabe-Ito vermillion: reference lines such as the global mean. */
  reference: '#D55E00',
  missing: '#d0d4d9',
  titleSize: 16,
  subtitleSize: 12,
  labelSize: 12,
  tickSize: 11,
  valueSize: 11,
  /** Width used when a chart does not ask for another. */
  width: 760,
} as const;

/** ColorBrewer RdBu, 11 classes, from -1 (blue) to +1 (red), white at 0. */
export const divergingColours = [
  '#053061', '#2166ac', '#4393c3', '#92c5de', '#d1e5f0', '#f7f7f7',
  '#fddbc7', '#f4a582', '#d6604d', '#b2182b', '#67001f',
] as const;
