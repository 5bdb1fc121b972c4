import { Box, Text } from 'ink';
import type { LogLine } from '../view-state.ts';

/** The latest log lines of the stages; warnings in yellow. */
export function LogLines({ logs }: { logs: LogLine[] }) {
  if (logs.length === 0) return null;

  return (
    <Box flexDirection="column" marginTop={1}>
      {logs.map((log, index) => (
        <Text key={index} color={log.level === 'warn' ? 'yellow' : 'gray'} wrap="truncate-end">
          {log.node ? `${log.node}: ` : ''}{log.message}
        </Text>
      ))}
    </Box>
  );
}
