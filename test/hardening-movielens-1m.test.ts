import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../src/core/input-error.ts';
import { ingestMovielens } from '../src/stages/ingest-movielens.ts';
import { runStage, writeFixture } from './data-fixtures.ts';

const ratings = '1::1::5::978300760\n1::2::3::978300761\n';

/** Ingests a 1M folder and returns its items.csv lines after the header. */
async function itemsOf(movies: string): Promise<string[]> {
  const data = await writeFixture({ 'ratings.dat': ratings, 'movies.dat': movies });
  const { outputs } = await runStage(ingestMovielens, { run: { dataPath: data } });
  return (await readFile(join(outputs.dataset, 'items.csv'), 'utf8')).trim().split('\n').slice(1);
}

test('a title holding "::" stays one title', async () => {
  const items = await itemsOf('1::Toy Story (1995)::Animation\n2::Foo::Bar (1999)::Comedy\n');
  assert.equal(items, ['0,1,Toy Story (1995),1995,Animation', '1,2,Foo::Bar (1999),1999,Comedy']);
});

test('a run of colons split across read chunks parses as if read whole', async () => {
  // Filler lines, then a title whose "::::" straddles the end of the first 64 KiB read.
  const filler = Array.from({ length: 2_600 }, (_, i) => `${i + 3}::Film (1990)::Drama\n`).join('');
  const before = `${filler}2::X`;
  const pad = 65_536 - Buffer.byteLength(before) - 3;
  assert.ok(pad > 0 && pad < 3_000);
  const title = `X${'y'.repeat(pad)}::::Z (1999)`;

  const items = await itemsOf(`${filler}2::${title}::Comedy\n1::A (1995)::Drama\n`);
  assert.is(items[0], '0,1,A (1995),1995,Drama');
  assert.is(items[1], `1,2,${title},1999,Comedy`);
  assert.is(items.length, 2_602);
});

test('a bad id still names its line when titles hold "::"', async () => {
  const data = await writeFixture({ 'ratings.dat': ratings,
    'movies.dat': '1::A::B (1995)::Drama\nx::C (1996)::Drama\n' });
  const error = await runStage(ingestMovielens, { run: { dataPath: data } })
    .catch((caught: unknown) => caught);
  assert.instance(error, InputError);
  assert.equal([(error as InputError).file, (error as InputError).line,
    (error as InputError).field], ['movies.dat', 2, 'MovieID']);
});

test.run();
