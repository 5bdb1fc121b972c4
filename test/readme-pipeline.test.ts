import { readFile } from 'node:fs/promises';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { expandPipeline } from '../src/runtime/expand-pipeline.ts';
import { parsePipelineText } from '../src/runtime/load-pipeline-file.ts';
import { pipelines } from '../src/pipelines/index.ts';
import { stages } from '../src/stages/index.ts';

const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');

test('the README\'s example pipeline file is valid and swaps the DNN in for the hybrid', () => {
  const yaml = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(yaml, 'README has a yaml block');

  const plan = parsePipelineText(yaml, 'README.md', 'YAML', stages);

  const trainers = plan.nodes.filter((node) => node.id.startsWith('train['));
  assert.equal(trainers.map((node) => `${node.id} ${node.stage.name}`), [
    'train[u1,dnn] train-dnn',
    'train[u1,bias] train-bias',
    'train[u2,dnn] train-dnn',
    'train[u2,bias] train-bias',
  ]);
  assert.equal(plan.sinks, ['results']);
});

test('every built-in pipeline expands against the real stage registry', () => {
  const sizes = Object.fromEntries(Object.values(pipelines).map((spec) => {
    const plan = expandPipeline(spec, stages, { file: `pipeline ${spec.name}`, lineOf: () => 0 });
    return [spec.name, plan.nodes.length];
  }));

  // movielens: ingest, explore, then per split a split, a prepare, 5 trainers, 5 evaluations,
  // and the report: 2 + 7 x 12 + 1.
  assert.equal(sizes, { movielens: 87, quick: 14, explore: 3 });
});

test.run();
