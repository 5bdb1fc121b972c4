import { Text } from 'ink';
import type { NodeStatus } from '../view-state.ts';
import { Spinner } from './Spinner.tsx';

/** The one-character mark of a status; a spinner while the node runs. */
export function StatusIcon({ status }: { status: NodeStatus }) {
  if (status === 'running') return <Spinner />;

  const { mark, color } = STATUS_MARKS[status];
  return <Text color={color}>{mark}</Text>;
}

export const STATUS_MARKS: Record<Exclude<NodeStatus, 'running'>, {
  mark: string;
  color: string;
}> = {
  waiting: { mark: '·', color: 'gray' },
  cached: { mark: '↺', color: 'blue' },
  done: { mark: '✔', color: 'green' },
  failed: { mark: '✖', color: 'red' },
  cancelled: { mark: '⊘', color: 'yellow' },
};
