import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../src/core/input-error.ts';
import { expandPipeline } from '../src/runtime/expand-pipeline.ts';
import { parsePipelineText } from '../src/runtime/load-pipeline-file.ts';
import { stages } from './runtime-toy-stages.ts';

const load = (text: string) => parsePipelineText(text, 'my.yaml', 'YAML', stages);

/** The message of the InputError that loading `text` throws. */
function errorOf(text: string, format = 'YAML'): string {
  try {
    parsePipelineText(text, format === 'YAML' ? 'my.yaml' : 'my.json', format, stages);
  } catch (error) {
    assert.instance(error, InputError);
    return (error as Error).message;
  }
  throw new Error('expected the pipeline to be rejected');
}

const header = 'name: t\nstages:\n  - id: source\n    uses: toy-source\n';

test('forEach expands into id[value] nodes, substitutes ${var} and gathers [*]', () => {
  const plan = load(`${header}  - id: scale
    uses: toy-scale
    forEach: { factor: [2, 10] }
    with: { factor: "\${factor}", delayMs: 5 }
    inputs: { numbers: source.numbers }
  - id: sum
    uses: toy-sum
    inputs: { parts: "scale[*].numbers" }
`);
  assert.equal(plan.nodes.map((node) => node.id), ['source', 'scale[2]', 'scale[10]', 'sum']);
  assert.equal(plan.nodes[1].params, { factor: 2, delayMs: 5 });
  assert.equal(plan.nodes[2].inputs, { numbers: { node: 'source', output: 'numbers' } });
  assert.equal(plan.nodes[3].inputs.parts, [
    { node: 'scale[2]', output: 'numbers' },
    { node: 'scale[10]', output: 'numbers' },
  ]);
  assert.equal(plan.nodes[3].dependsOn, ['scale[2]', 'scale[10]']);
  assert.equal(plan.sinks, ['sum']);
});

test('defaults are filled in and nodes come after their inputs whatever the file order', () => {
  const plan = load(`name: t
stages:
  - id: sum
    uses: toy-sum
    inputs: { parts: [ "a.numbers", "b.numbers" ] }
  - id: a
    uses: toy-scale
    inputs: { numbers: source.numbers }
  - id: b
    uses: toy-scale
    with: { factor: 3 }
    inputs: { numbers: source.numbers }
  - id: source
    uses: toy-source
`);
  assert.equal(plan.nodes.map((node) => node.id), ['source', 'a', 'b', 'sum']);
  assert.equal(plan.nodes[0].params, { count: 5, start: 1 });
  assert.equal(plan.nodes[1].params, { factor: 2, delayMs: 0 });
});

test('two forEach variables give id[v1,v2] nodes; one is picked as id[v1,v2]', () => {
  const plan = load(`${header}  - id: scale
    uses: toy-scale
    forEach: { factor: [2, 3], delayMs: [0, 1] }
    with: { factor: "\${factor}", delayMs: "\${delayMs}" }
    inputs: { numbers: source.numbers }
  - id: pick
    uses: toy-scale
    inputs: { numbers: "scale[3,1].numbers" }
`);
  const ids = plan.nodes.map((node) => node.id);
  assert.equal(ids, ['source', 'scale[2,0]', 'scale[2,1]', 'scale[3,0]', 'scale[3,1]', 'pick']);
  assert.equal(plan.nodes[4].params, { factor: 3, delayMs: 1 });
  assert.equal(plan.nodes[5].dependsOn, ['scale[3,1]']);
});

test('a parameter of the wrong type names the file, line and field', () => {
  const message = errorOf(`${header}  - id: scale
    uses: toy-scale
    with:
      factor: 2
      delayMs: ten
    inputs: { numbers: source.numbers }
`);
  assert.is(message, 'my.yaml:9: stages[1].with.delayMs: expected a non-negative integer, got' +
    ' "ten"');
});

test('a positive integer parameter says so', () => {
  const message = errorOf('name: t\nstages:\n  - id: s\n    uses: toy-source\n    with: {' +
    ' count: 0 }\n');
  assert.is(message, 'my.yaml:5: stages[0].with.count: expected a positive integer, got "0"');
});

test('an unknown parameter is rejected, not silently dropped', () => {
  const message = errorOf('name: t\nstages:\n  - id: s\n    uses: toy-source\n    with: {' +
    ' cuont: 3 }\n');
  assert.is(message, 'my.yaml:5: stages[0].with.cuont: expected a parameter of toy-source' +
    ' (count, start), got "cuont"');
});

test('an unknown stage', () => {
  const message = errorOf('name: t\nstages:\n  - id: s\n    uses: toy-nope\n');
  assert.is(message, 'my.yaml:4: stages[0].uses: expected a stage listed by `recommender' +
    ' list`, got "toy-nope"');
});

test('an unknown input name and an unknown output name', () => {
  const scale = `${header}  - id: scale\n    uses: toy-scale\n`;
  const input = errorOf(`${scale}    inputs: { table: source.numbers }\n`);
  assert.is(input, 'my.yaml:7: stages[1].inputs.table: expected an input of toy-scale' +
    ' (numbers), got "table"');

  const output = errorOf(`${scale}    inputs: { numbers: source.table }\n`);
  assert.is(output, 'my.yaml:7: stages[1].inputs.numbers: expected an output of toy-source' +
    ' (numbers), got "source.table"');
});

test('an input wired to an output of another kind', () => {
  const message = errorOf(`${header}  - id: sum
    uses: toy-sum
    inputs: { parts: source.numbers }
  - id: scale
    uses: toy-scale
    inputs:
      numbers: sum.report
`);
  assert.is(message, 'my.yaml:11: stages[2].inputs.numbers: expected an output of kind table,' +
    ' got "sum.report (kind report)"');
});

test('a missing required input points at the stage', () => {
  const message = errorOf(`${header}  - id: scale\n    uses: toy-scale\n`);
  assert.is(message, 'my.yaml:5: stages[1].inputs.numbers: expected a reference for the' +
    ' required input numbers (table)');
});

test('a gathered reference into a single input', () => {
  const message = errorOf(`${header}  - id: a
    uses: toy-scale
    forEach: { factor: [1, 2] }
    inputs: { numbers: source.numbers }
  - id: b
    uses: toy-scale
    inputs: { numbers: "a[*].numbers" }
`);
  assert.is(message, 'my.yaml:11: stages[2].inputs.numbers: expected a single reference (input' +
    ' numbers takes one artifact), got "a[*].numbers"');
});

test('an expanded stage referenced without picking one of its nodes', () => {
  const message = errorOf(`${header}  - id: a
    uses: toy-scale
    forEach: { factor: [1, 2] }
    inputs: { numbers: source.numbers }
  - id: b
    uses: toy-scale
    inputs: { numbers: a.numbers }
`);
  assert.is(message, 'my.yaml:11: stages[2].inputs.numbers: expected one node of a[1], a[2],' +
    ' or a[*], got "a.numbers"');
});

test('a cycle is named', () => {
  const message = errorOf(`name: t
stages:
  - id: a
    uses: toy-scale
    inputs: { numbers: b.numbers }
  - id: b
    uses: toy-scale
    inputs: { numbers: a.numbers }
`);
  assert.is(message, 'my.yaml:5: stages[0].inputs: expected inputs without a cycle, got "a ->' +
    ' b -> a"');
});

test('duplicate ids, unsafe ids and unknown variables', () => {
  const duplicate = errorOf(`${header}  - id: source\n    uses: toy-source\n`);
  assert.is(duplicate, 'my.yaml:5: stages[1].id: expected a unique id, got "source"');

  const unsafe = errorOf('name: t\nstages:\n  - id: ../x\n    uses: toy-source\n');
  assert.is(unsafe, 'my.yaml:3: stages[0].id: expected an id of letters, digits, "-" and "_"' +
    ' that starts with a letter, got "../x"');

  const name = errorOf('name: ../../etc\nstages:\n  - id: s\n    uses: toy-source\n');
  assert.match(name, /^my\.yaml:1: name: expected a name of letters, digits/);

  const variable = errorOf('name: t\nstages:\n  - id: s\n    uses: toy-source\n    forEach: {' +
    ' n: [1] }\n    with: { count: "${m}" }\n');
  assert.is(variable, 'my.yaml:6: stages[0].with.count: expected a variable declared in' +
    ' forEach (n), got "${m}"');
});

test('schema errors: a misspelt field and a missing one', () => {
  const field = errorOf('name: t\nstages:\n  - id: s\n    uses: toy-source\n    input: {}\n');
  assert.is(field, 'my.yaml:5: stages[0].input: expected one of the fields id, uses, with,' +
    ' inputs, forEach, got "input"');

  const missing = errorOf('name: t\nstages:\n  - id: s\n');
  assert.is(missing, 'my.yaml:3: stages[0].uses: expected a string');
});

test('JSON files report lines too, and syntax errors name the line', () => {
  const json = '{\n  "name": "t",\n  "stages": [\n    { "id": "s", "uses": "toy-source",\n    ' +
    '  "with": { "count": "five" } }\n  ]\n}\n';
  assert.is(errorOf(json, 'JSON'), 'my.json:5: stages[0].with.count: expected a positive' +
    ' integer, got "five"');

  const broken = errorOf('name: t\nstages:\n  - id: s\n   uses: x\n');
  assert.match(broken, /^my\.yaml:4: expected valid YAML, got "/);
});

test('built-in specs get the same checks, named after the pipeline', () => {
  try {
    expandPipeline({ name: 'b', stages: [{ id: 's', uses: 'toy-source', with: { count: -1 } }] },
      stages, { file: 'pipeline b' });
    assert.unreachable();
  } catch (error) {
    assert.is((error as Error).message, 'pipeline b: stages[0].with.count: expected a positive' +
      ' integer, got "-1"');
  }
});

test.run();
