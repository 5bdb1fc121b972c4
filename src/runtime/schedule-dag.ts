import { concat, defer, EMPTY, mergeMap, ReplaySubject, type Observable } from 'rxjs';

export interface DagNode {
  id: string;
  dependsOn: string[];
}

/**
 * Runs `work(id)` for every node once all the nodes it depends on have completed, at most
 * `concurrency` at a time, merging what they emit. The first error unsubscribes every
 * running node (that is how siblings are cancelled) and is passed on.
 */
export function scheduleDag<T>(
  nodes: DagNode[],
  concurrency: number,
  work: (id: string) => Observable<T>,
): Observable<T> {
  return defer(() => {
    const waitingOn = new Map(nodes.map((node) => [node.id, new Set(node.dependsOn)]));
    const ready = new ReplaySubject<string>();
    let finished = 0;

    const release = (id: string) => {
      finished += 1;
      for (const [other, dependencies] of waitingOn) {
        if (dependencies.delete(id) && dependencies.size === 0) ready.next(other);
      }
      if (finished === nodes.length) ready.complete();
    };

    for (const [id, dependencies] of waitingOn) if (dependencies.size === 0) ready.next(id);
    if (nodes.length === 0) ready.complete();

    const run = (id: string) => concat(work(id), defer(() => (release(id), EMPTY)));
    return ready.pipe(mergeMap(run, Math.max(1, concurrency)));
  });
}
