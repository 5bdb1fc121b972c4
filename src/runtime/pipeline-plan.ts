import type { StageDefinition } from '../core/stage.ts';

/** One wired output: `node`'s output named `output`. */
export interface InputRef {
  node: string;
  output: string;
}

/** A concrete node of an expanded pipeline: one stage with its parameters and inputs. */
export interface PipelineNode {
  /** `id`, or `id[value]` / `id[v1,v2]` for a node expanded by forEach. */
  id: string;
  stage: StageDefinition;
  /** Validated by the stage's schema, defaults filled in. */
  params: unknown;
  /** By input name, in the order the stage declares its inputs; a list for `many` inputs. */
  inputs: Record<string, InputRef | InputRef[]>;
  /** The nodes whose outputs this one reads, each once. */
  dependsOn: string[];
  /** Index of the spec's `stages` entry this node came from, for error locations. */
  specIndex: number;
}

/** A validated pipeline: nodes in a topological order (every node after its inputs). */
export interface PipelinePlan {
  name: string;
  description: string;
  nodes: PipelineNode[];
  /** Nodes nothing else reads: their summaries are the run's results. */
  sinks: string[];
}
