import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { csvField, parseCsvRows } from '../src/data/csv-field.ts';
import { readItems } from '../src/data/read-items.ts';
import {
  readRecommendations,
  recommendationsCsv,
} from '../src/evaluation/recommendation-rows.ts';

async function fileWith(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'artifact-csv-'));
  await writeFile(join(dir, name), text);
  return dir;
}

test('what csvField writes, parseCsvRows reads back, line breaks and quotes included', () => {
  const values = ['plain', 'a, comma', 'say "hi"', 'two\nlines', 'crlf\r\ninside', ''];
  const text = `${values.map(csvField).join(',')}\r\n${values.map(csvField).join(',')}\n`;
  assert.equal(parseCsvRows(text), [values, values]);
});

test('blank lines are skipped and a last line without a newline is kept', () => {
  assert.equal(parseCsvRows('a,b\n\n1,2\r\n\r\n3,'), [['a', 'b'], ['1', '2'], ['3', '']]);
});

test('items.csv with a title spanning lines keeps every item on its own index', async () => {
  const dir = await fileWith('items.csv', 'item,itemId,title,year,genres\n' +
    `0,10,${csvField('Two\nlines (1995)')},1995,Drama\n1,11,After (1996),1996,Comedy|Drama\n`);
  const items = await readItems(dir);
  assert.equal(items.map((item) => [item.item, item.itemId, item.title]),
    [[0, 10, 'Two\nlines (1995)'], [1, 11, 'After (1996)']]);
  assert.equal(items[1].genres, ['Comedy', 'Drama']);
});

test('recommendations.csv reads back what it wrote, whatever the titles hold', async () => {
  const rows = [
    { userId: '1', rank: 1, itemId: '7', title: 'Odd\ntitle, "quoted"', score: 4.5 },
    { userId: '1', rank: 2, itemId: '8', title: 'Plain (1999)', score: 4.25 },
  ];
  const dir = await fileWith('recommendations.csv', recommendationsCsv(rows));
  assert.equal(await readRecommendations(join(dir, 'recommendations.csv')), rows);
});

test.run();
