import { Box } from 'ink';
import type { ViewState } from '../view-state.ts';
import { ActiveWork } from './ActiveWork.tsx';
import { LogLines } from './LogLines.tsx';
import { ResultsTable } from './ResultsTable.tsx';
import { RunFooter } from './RunFooter.tsx';
import { RunHeader } from './RunHeader.tsx';
import { StageList } from './StageList.tsx';

export interface RunViewProps {
  state: ViewState;
  /** Current time in ms, for elapsed times. */
  now: number;
  /** False once the stream has ended (and for a replay): nothing is moving any more. */
  live: boolean;
}

/** The whole screen for one run, drawn from the view state alone. */
export function RunView({ state, now, live }: RunViewProps) {
  const ended = Boolean(state.finished) || !live;

  return (
    <Box flexDirection="column">
      <RunHeader state={state} now={now} />
      <Box marginTop={1} flexDirection="column">
        <StageList state={state} now={now} />
      </Box>
      {ended ? null : <ActiveWork state={state} />}
      <LogLines logs={state.logs} />
      {ended ? state.tables.map((table) => <ResultsTable key={table.title} table={table} />) : null}
      <Box marginTop={1}>
        <RunFooter state={state} live={live} />
      </Box>
    </Box>
  );
}
