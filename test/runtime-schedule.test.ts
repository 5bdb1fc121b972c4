import { from, map, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { StageEmission } from '../src/core/events.ts';
import { scheduleDag, type DagNode } from '../src/runtime/schedule-dag.ts';
import { throttleProgress } from '../src/runtime/throttle-progress.ts';

const scheduler = () => new TestScheduler((actual, expected) => assert.equal(actual, expected));

// Node `a10` is work that takes 10 frames and emits "a" as it finishes.
function works(cold: (marbles: string) => Observable<string>) {
  return (id: string) => cold(`${id.slice(1)}ms (${id[0]}|)`);
}

const independent: DagNode[] = ['a10', 'b10', 'c10', 'd10'].map((id) => ({ id, dependsOn: [] }));

test('independent nodes run two at a time under concurrency 2', () => {
  scheduler().run(({ cold, expectObservable }) => {
    expectObservable(scheduleDag(independent, 2, works(cold))).toBe('10ms (ab) 6ms (cd|)');
  });
});

test('concurrency 1 runs one after another; enough concurrency runs all at once', () => {
  scheduler().run(({ cold, expectObservable }) => {
    expectObservable(scheduleDag(independent, 1, works(cold))).toBe('10ms a 9ms b 9ms c 9ms (d|)');
  });
  scheduler().run(({ cold, expectObservable }) => {
    expectObservable(scheduleDag(independent, 8, works(cold))).toBe('10ms (abcd|)');
  });
});

test('a node starts when its last dependency finishes, not before', () => {
  const nodes: DagNode[] = [
    { id: 'a10', dependsOn: [] },
    { id: 'b40', dependsOn: [] },
    { id: 'c20', dependsOn: ['a10'] },
    { id: 'd10', dependsOn: ['b40', 'c20'] },
  ];
  scheduler().run(({ cold, expectObservable }) => {
    // a ends at 10, c (started by a) at 30, b at 40; d waits for b and ends at 50.
    expectObservable(scheduleDag(nodes, 4, works(cold))).toBe('10ms a 19ms c 9ms b 9ms (d|)');
  });
});

test('the first error cancels running siblings and nothing else starts', () => {
  const nodes: DagNode[] = [
    { id: 'a', dependsOn: [] },
    { id: 'b', dependsOn: [] },
    { id: 'c', dependsOn: ['a'] },
  ];
  scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
    const a = cold('-----a|');
    const b = cold('--#');
    const c = cold('c|');
    const work = (id: string) => ({ a, b, c })[id as 'a' | 'b' | 'c'];
    expectObservable(scheduleDag(nodes, 2, work)).toBe('--#');
    expectSubscriptions(a.subscriptions).toBe('^-!');
    expectSubscriptions(c.subscriptions).toBe([]);
  });
});

test('an empty DAG completes at once', () => {
  scheduler().run(({ cold, expectObservable }) => {
    expectObservable(scheduleDag([], 2, works(cold))).toBe('|');
  });
});

test('progress is thinned to one per interval, keeping the first, the last and the rest', () => {
  let now = 0;
  const emissions: StageEmission[] = [];
  for (let done = 1; done <= 10; done += 1) {
    emissions.push({ type: 'progress', done, total: 10, unit: 'batches' });
    if (done === 5) emissions.push({ type: 'log', level: 'info', message: 'half' });
  }

  const passed: string[] = [];
  from(emissions)
    .pipe(
      map((emission) => ((now += 30), emission)),
      throttleProgress(100, () => now),
    )
    .subscribe((emission) =>
      passed.push(emission.type === 'progress' ? String(emission.done) : emission.type));
  // Emissions arrive every 30 ms: progress 1 (t=30), 5 (t=150), 8 (t=270), 10 (the last).
  assert.equal(passed, ['1', '5', 'log', '8', '10']);
});

test.run();
