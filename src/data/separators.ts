/** The separators MovieLens layouts use, by the words error messages name them with. */
export const separatorNames: Record<string, string> = {
  '\t': 'tab',
  '|': 'pipe',
  ',': 'comma',
  '::': 'double-colon',
  ';': 'semicolon',
};

/** Names the separator a one-field line seems to use instead, for a wrong-separator message. */
export function guessSeparator(line: string, expected: string): string | undefined {
  for (const candidate of ['::', '\t', '|', ',', ';']) {
    if (candidate !== expected && line.includes(candidate)) return separatorNames[candidate];
  }
  return undefined;
}
