import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../src/core/input-error.ts';
import { parsePipelineText } from '../src/runtime/load-pipeline-file.ts';
import { stages } from './runtime-toy-stages.ts';

/** The InputError that loading `text` as my.yaml throws. */
function errorOf(text: string): InputError {
  try {
    parsePipelineText(text, 'my.yaml', 'YAML', stages);
  } catch (error) {
    assert.instance(error, InputError);
    return error as InputError;
  }
  throw new Error('expected the pipeline to be rejected');
}

const header = 'name: t\nstages:\n  - id: source\n    uses: toy-source\n';

test('a YAML alias bomb is an InputError naming the file and the first alias', () => {
  const lol = '["l","l","l","l","l","l","l","l","l"]';
  const levels = ['a', 'b', 'c', 'd', 'e', 'f'].map((name, depth) => {
    const previous = String.fromCharCode('a'.charCodeAt(0) + depth - 1);
    const value = depth === 0 ? lol : `[${Array(9).fill(`*${previous}`).join(',')}]`;
    return `${name}: &${name} ${value}\n`;
  });
  const error = errorOf(`name: t\n${levels.join('')}stages: []\n`);

  assert.is(error.file, 'my.yaml');
  assert.is(error.line, 3);
  assert.is(error.expected, 'YAML aliases (*name) that expand to at most 100 copies');
  assert.match(error.message, /^my\.yaml:3: expected YAML aliases/);
});

test('every bad parameter of every stage is reported at once, the first as the fields', () => {
  const error = errorOf(`${header}  - id: a
    uses: toy-scale
    with: { factor: "x", delayMs: -1 }
    inputs: { numbers: source.numbers }
  - id: b
    uses: toy-scale
    with: { fact: 2 }
    inputs: { numbers: source.numbers }
`);
  assert.is(error.field, 'stages[1].with.factor');
  assert.is(error.line, 7);
  assert.is(error.received, 'x');
  assert.match(error.message, /; also line 7 stages\[1\]\.with\.delayMs: expected .*got "-1"/);
  assert.match(error.message, /; also line 11 stages\[2\]\.with\.fact: expected a parameter of/);
});

test('a few aliases are still fine', () => {
  const plan = parsePipelineText(`${header}  - id: scale
    uses: toy-scale
    with: &scale { factor: 3 }
    inputs: { numbers: source.numbers }
  - id: again
    uses: toy-scale
    with: *scale
    inputs: { numbers: source.numbers }
`, 'my.yaml', 'YAML', stages);
  assert.equal(plan.nodes.slice(1).map((node) => node.params),
    [{ factor: 3, delayMs: 0 }, { factor: 3, delayMs: 0 }]);
});

test('a forEach value of the wrong type says what a value may be', () => {
  const error = errorOf(`${header}    forEach: { v: [{ x: 1 }] }\n`);
  assert.is(error.line, 5);
  assert.is(error.field, 'stages[0].forEach.v[0]');
  assert.is(error.expected, 'a value of letters, digits, ".", "-" and "_" that starts with a ' +
    'letter or digit or a number');
  assert.is(error.received, '{"x":1}');
});

test('an id of the wrong type gets the id wording, not "a string"', () => {
  const error = errorOf('name: t\nstages:\n  - id: 7\n    uses: toy-source\n');
  assert.is(error.field, 'stages[0].id');
  assert.is(error.expected, 'an id of letters, digits, "-" and "_" that starts with a letter');
});

test('a forEach product past the node limit is refused before it is expanded', () => {
  const ten = '[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]';
  const variables = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => `${name}: ${ten}`).join(', ');
  const error = errorOf(`${header}    forEach: { ${variables} }\n`);
  assert.is(error.line, 5);
  assert.is(error.field, 'stages[0].forEach');
  assert.is(error.expected, 'at most 10000 nodes in the whole pipeline once expanded');
  assert.is(error.received, '1000000 nodes up to this stage');
});

test('the node limit counts every stage of the pipeline', () => {
  const hundred = `[${Array.from({ length: 100 }, (_, i) => i).join(', ')}]`;
  const stage = (id: string) => `  - id: ${id}\n    uses: toy-source\n` +
    `    forEach: { a: ${hundred}, b: ${hundred} }\n`;
  const error = errorOf(`name: t\nstages:\n${stage('one')}${stage('two')}`);
  assert.is(error.field, 'stages[1].forEach');
  assert.is(error.received, '20000 nodes up to this stage');
});

test.run();
