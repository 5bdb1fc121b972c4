import type { ArtifactKind } from '../core/stage.ts';

/**
 * `manifest.json` of a store entry. It is written last, inside the temporary directory, so
 * an entry that exists always has one: its presence is what "complete" means.
 */
export interface EntryManifest {
  key: string;
  stage: string;
  version: number;
  /** The node that produced the entry (another pipeline may reuse it under another id). */
  node: string;
  pipeline: string;
  params: unknown;
  /** `input=key/output` for each input, as folded into the key. */
  inputs: string[];
  outputs: Record<string, ArtifactKind>;
  summary?: Record<string, unknown>;
  /** ISO time the entry was committed. */
  created: string;
  durationMs: number;
}
