import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../src/core/input-error.ts';
import { csvField, parseCsvRows } from '../src/data/csv-field.ts';
import { loadTable } from '../src/data/load-table.ts';
import { numberAt, readCsvRecords } from '../src/data/read-csv-records.ts';
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

test('a number error names the line its row starts on, after a title spanning lines', async () => {
  const dir = await fileWith('items.csv', 'item,title,year\n' +
    `0,${csvField('Two\nlines')},1995\n1,After,soon\n`);
  const records = await readCsvRecords(join(dir, 'items.csv'), ['item', 'title']);
  assert.equal(records.lines, [2, 4]);
  assert.is(numberAt(records, 0, 2), 1995);
  try {
    numberAt(records, 1, 2);
    assert.unreachable('should have thrown');
  } catch (error) {
    assert.instance(error, InputError);
    assert.is((error as InputError).line, 4);
    assert.is((error as InputError).field, 'year');
    assert.is((error as InputError).received, 'soon');
  }
});

test('a missing required column names the column and the header found', async () => {
  const dir = await fileWith('users.csv', 'user,id\n0,1\n');
  try {
    await readCsvRecords(join(dir, 'users.csv'), ['user', 'userId']);
    assert.unreachable('should have thrown');
  } catch (error) {
    assert.instance(error, InputError);
    assert.is((error as InputError).field, 'userId');
    assert.is((error as InputError).received, 'user,id');
  }
});

test('a CSV starting with a byte-order mark keeps its first column name', async () => {
  const dir = await fileWith('users.csv', '\ufeffuser,userId,zip\n0,7,01040\n');
  const records = await readCsvRecords(join(dir, 'users.csv'), ['user']);
  assert.equal(records.header, ['user', 'userId', 'zip']);
  const table = await loadTable(join(dir, 'users.csv'));
  assert.equal(table.columnNames(), ['user', 'userId', 'zip']);
  assert.is(table.get('zip', 0), '01040');
});

test('loadTable names a missing file in an InputError', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'artifact-csv-'));
  try {
    await loadTable(join(dir, 'items.csv'));
    assert.unreachable('should have thrown');
  } catch (error) {
    assert.instance(error, InputError);
    assert.is((error as InputError).file, join(dir, 'items.csv'));
    assert.is((error as InputError).received, 'ENOENT');
  }
});

test.run();
