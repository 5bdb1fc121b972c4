import type { Writable } from 'node:stream';

/**
 * Under --json, stdout carries exactly one JSON document. Libraries that print on their own
 * (tfjs greets on load) are sent to stderr instead; returns the function that undoes it.
 */
export function quietStdout(stderr: Writable): () => void {
  const saved = { log: console.log, info: console.info, debug: console.debug };
  const toStderr = (...args: unknown[]) => {
    stderr.write(`${args.map((arg) => (typeof arg === 'string' ? arg : String(arg))).join(' ')}\n`);
  };
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  return () => Object.assign(console, saved);
}
