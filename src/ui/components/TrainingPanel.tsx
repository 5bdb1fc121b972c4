import { Box, Text } from 'ink';
import { formatCount, formatDuration, formatLoss } from '../format.ts';
import { sparkline } from '../sparkline.ts';
import { estimateWork } from '../training-estimate.ts';
import type { NodeView } from '../view-state.ts';
import { ProgressBar } from './ProgressBar.tsx';

/**
 * A running node's work: a bar over the current pass (an epoch's batches) with its rate and
 * time left, and for a trainer the latest losses, the loss curve and the best epoch.
 */
export function TrainingPanel({ node }: { node: NodeView }) {
  const work = estimateWork(node);
  const { training } = node;

  return (
    <Box flexDirection="column">
      <Box>
        <Text bold>{node.id} </Text>
        {work?.label ? <Text>{work.label} </Text> : null}
        {work ? <ProgressBar fraction={work.fraction} /> : <Text color="gray">starting</Text>}
        {work ? <Text color="gray"> {rateText(work)}</Text> : null}
      </Box>
      {training ? <LossLine node={node} /> : null}
    </Box>
  );
}

function rateText(work: NonNullable<ReturnType<typeof estimateWork>>): string {
  const parts = [`${work.done}/${work.total} ${work.unit}`];
  if (work.samplesPerSecond !== undefined) {
    parts.push(`${formatCount(work.samplesPerSecond)} samples/s`);
  } else if (work.unitsPerSecond !== undefined) {
    parts.push(`${formatCount(work.unitsPerSecond)} ${work.unit}/s`);
  }
  if (work.secondsLeft !== undefined) {
    parts.push(`${formatDuration(work.secondsLeft * 1000)} left`);
  }
  return parts.join(' · ');
}

function LossLine({ node }: { node: NodeView }) {
  const training = node.training!;
  const curve = training.valLosses.length > 0 ? training.valLosses : training.losses;

  return (
    <Box marginLeft={2}>
      <Text>
        loss {formatLoss(training.loss)}
        {training.valLoss === undefined ? '' : `  val ${formatLoss(training.valLoss)}`}
        {`  best epoch ${training.bestEpoch}  `}
      </Text>
      <Text color="magenta">{sparkline(curve)}</Text>
    </Box>
  );
}
