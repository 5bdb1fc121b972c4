import { Text } from 'ink';
import { barText } from '../bar-text.ts';

/** A bar over the current pass, with its percentage. */
export function ProgressBar({ fraction, width = 20 }: { fraction: number; width?: number }) {
  const percent = `${Math.round(fraction * 100)}%`.padStart(4);
  return (
    <Text>
      <Text color="cyan">{barText(fraction, width)}</Text> {percent}
    </Text>
  );
}
