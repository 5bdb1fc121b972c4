import type { RunEvent } from '../core/events.ts';
import { formatCount, formatDuration, formatLoss, formatSummary } from './format.ts';
import { reduceEvent } from './reduce-event.ts';
import { tableText } from './table-text.ts';
import { estimateWork } from './training-estimate.ts';
import { initialViewState, type ViewState } from './view-state.ts';

export interface PlainLoggerOptions {
  /** Least time between two progress lines of one node, in ms of event time. Default 5000. */
  progressIntervalMs?: number;
}

/**
 * Prints a run's events as plain lines for logs, pipes and CI: no escape codes, one line per
 * node start, finish, cache hit, failure and epoch, and progress at most once per interval
 * per node, so a million batches still make a short log. The final tables follow the last
 * line, as plain text.
 */
export class PlainLogger {
  private state: ViewState = initialViewState();
  private readonly lastProgressAt = new Map<string, number>();
  private readonly progressIntervalMs: number;
  private tablesPrinted = false;

  constructor(
    private readonly writeLine: (line: string) => void,
    options: PlainLoggerOptions = {},
  ) {
    this.progressIntervalMs = options.progressIntervalMs ?? 5000;
  }

  next(event: RunEvent): void {
    this.state = reduceEvent(this.state, event);
    const message = this.describe(event);
    if (message !== undefined) this.print(event.at, message);

    if (event.type === 'run-finished') this.printTables();
  }

  /** The stream ended; a replay cut short still shows the tables it saw. */
  complete(): void {
    this.printTables();
  }

  private describe(event: RunEvent): string | undefined {
    switch (event.type) {
      case 'run-started': {
        const backend = this.state.backend ? `, backend ${this.state.backend}` : '';
        return `run ${event.runId}: pipeline ${event.pipeline}, ` +
          `${event.nodes.length} nodes${backend}`;
      }
      case 'run-finished':
        return event.ok
          ? `run finished ok in ${formatDuration(event.durationMs)}`
          : `run failed after ${formatDuration(event.durationMs)}` +
            (event.error ? `: ${event.error.message}` : '');
      case 'node-started':
        this.lastProgressAt.set(event.node, event.at);
        return `${event.node} started (${event.stage})`;
      case 'node-cached':
        return withDetail(`${event.node} cached`, formatSummary(event.summary));
      case 'node-finished':
        return withDetail(`${event.node} done in ${formatDuration(event.durationMs)}`,
          formatSummary(event.summary));
      case 'node-failed':
        return `${event.node} FAILED: ${event.error.message}`;
      case 'node-cancelled':
        return `${event.node} cancelled`;
      case 'log':
        return `${event.node} ${event.level === 'warn' ? 'warning: ' : ''}${event.message}`;
      case 'epoch':
        return this.describeEpoch(event.node);
      case 'progress':
        return this.describeProgress(event.node, event.at);
      case 'summary':
        // node-finished repeats the last summary; the tables are printed at the end.
        return undefined;
    }
  }

  private describeEpoch(id: string): string | undefined {
    const training = this.state.nodes[id]?.training;
    if (!training) return undefined;

    const val = training.valLoss === undefined ? '' : `, val ${formatLoss(training.valLoss)}`;
    return `${id} epoch ${training.epoch}/${training.epochs}: loss ${formatLoss(training.loss)}` +
      `${val}, best epoch ${training.bestEpoch}, ` +
      `${formatCount(training.samplesPerSecond)} samples/s`;
  }

  private describeProgress(id: string, at: number): string | undefined {
    const last = this.lastProgressAt.get(id);
    if (last !== undefined && at - last < this.progressIntervalMs) return undefined;
    this.lastProgressAt.set(id, at);

    const node = this.state.nodes[id];
    const work = node && estimateWork(node);
    if (!work) return undefined;

    const parts = [`${work.done}/${work.total} ${work.unit} (${Math.round(work.fraction * 100)}%)`];
    if (work.samplesPerSecond !== undefined) {
      parts.push(`${formatCount(work.samplesPerSecond)} samples/s`);
    }
    if (work.secondsLeft !== undefined) {
      parts.push(`${formatDuration(work.secondsLeft * 1000)} left`);
    }
    const label = work.label ? ` ${work.label}:` : '';
    return `${id}${label} ${parts.join(', ')}`;
  }

  private printTables(): void {
    if (this.tablesPrinted) return;
    this.tablesPrinted = true;

    for (const table of this.state.tables) {
      this.writeLine('');
      this.writeLine(plainText(table.title));
      for (const line of tableText(table)) this.writeLine(plainText(line));
    }
  }

  private print(at: number, message: string): void {
    const since = at - (this.state.startedAt ?? at);
    this.writeLine(`[${clock(since)}] ${plainText(message)}`);
  }
}

function withDetail(head: string, detail: string): string {
  return detail ? `${head}  ${detail}` : head;
}

/** mm:ss since the run started (h:mm:ss past an hour). */
function clock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const mm = String(Math.floor(seconds / 60) % 60).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  const hours = Math.floor(seconds / 3600);
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

// Messages come from stages and files: escape sequences and control characters in them would
// defeat the point of a plain log.
const ESCAPES = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]|[\x00-\x08\x0b-\x1f\x7f]/g;

export function plainText(text: string): string {
  return text.replace(ESCAPES, '');
}
