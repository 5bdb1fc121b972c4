import type { NodeView } from './view-state.ts';

/** Where a running node is in its work, and how long the rest should take. */
export interface WorkEstimate {
  /** Fraction of the current pass (an epoch's batches, a file's rows), 0 to 1. */
  fraction: number;
  done: number;
  total: number;
  unit: string;
  label?: string;
  /** Units of the current pass per second, once two progress reports have come. */
  unitsPerSecond?: number;
  /** From the latest finished epoch. */
  samplesPerSecond?: number;
  /** The current epoch (1-based) and the planned number, for a training node. */
  epoch?: number;
  epochs?: number;
  /** Time left for the whole node: this pass plus the planned epochs still to come. */
  secondsLeft?: number;
}

const EPOCH_LABEL = /epoch\s+(\d+)\s*\/\s*(\d+)/i;

export function estimateWork(node: NodeView): WorkEstimate | undefined {
  const { progress, training } = node;
  if (!progress) return undefined;

  const { done, total, unit, label } = progress;
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const elapsedSeconds = (progress.at - progress.windowAt) / 1000;
  const unitsPerSecond = elapsedSeconds > 0 && done > progress.windowDone
    ? (done - progress.windowDone) / elapsedSeconds
    : undefined;

  const fromLabel = label ? EPOCH_LABEL.exec(label) : null;
  const epoch = fromLabel ? Number(fromLabel[1]) : training ? training.epoch + 1 : undefined;
  const epochs = fromLabel ? Number(fromLabel[2]) : training?.epochs;

  const secondsLeft = unitsPerSecond === undefined
    ? undefined
    : (total - done) / unitsPerSecond + laterEpochsSeconds(node, epoch, epochs, unitsPerSecond);

  return {
    fraction, done, total, unit, label, unitsPerSecond,
    samplesPerSecond: training?.samplesPerSecond, epoch, epochs, secondsLeft,
  };
}

/** The planned epochs after the current one, at the mean measured epoch time. */
function laterEpochsSeconds(
  node: NodeView,
  epoch: number | undefined,
  epochs: number | undefined,
  unitsPerSecond: number,
): number {
  if (epoch === undefined || epochs === undefined || epochs <= epoch) return 0;

  const { training, progress } = node;
  const perEpoch = training && training.losses.length > 0
    ? training.totalEpochMs / training.losses.length / 1000
    : (progress?.total ?? 0) / unitsPerSecond;
  return (epochs - epoch) * perEpoch;
}
