import { Box, Text } from 'ink';
import type { ResultTable } from '../find-tables.ts';
import { tableText } from '../table-text.ts';

/** A summary's table, aligned as in the plain log, with its header in bold. */
export function ResultsTable({ table }: { table: ResultTable }) {
  const [header, rule, ...rows] = tableText(table);

  return (
    <Box flexDirection="column" marginTop={1}>
      <Text underline>{table.title}</Text>
      <Text bold>{header}</Text>
      <Text color="gray">{rule}</Text>
      {rows.map((row, index) => <Text key={index}>{row}</Text>)}
    </Box>
  );
}
