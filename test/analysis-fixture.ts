import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastValueFrom, toArray } from 'rxjs';
import type { StageEmission } from '../src/core/events.ts';
import type { RunSettings, StageDefinition } from '../src/core/stage.ts';
import { ingestMovielens } from '../src/stages/ingest-movielens.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const movieLens100k = path.resolve(repoRoot, '../shared/data/ml-100k');

export async function tempDirectory(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `${prefix}-`));
}

/** Writes a dataset artifact directory from literal file contents. */
export async function writeDataset(
  directory: string,
  files: { meta: object; users: string; items: string; ratings: string },
): Promise<string> {
  await writeFile(path.join(directory, 'meta.json'), JSON.stringify(files.meta));
  await writeFile(path.join(directory, 'users.csv'), files.users);
  await writeFile(path.join(directory, 'items.csv'), files.items);
  await writeFile(path.join(directory, 'ratings.csv'), files.ratings);
  return directory;
}

/**
 * Four users, five items (two of them the same film under two ids), ten ratings. Small
 * enough to work every expected number out by hand.
 */
export function tinyDataset() {
  return {
    meta: {
      layout: 'ml-100k',
      ratingScale: { min: 1, max: 5, step: 1 },
      genres: ['Action', 'Comedy', 'Drama', 'Western'],
    },
    users: [
      'user,userId,age,gender,occupation,zip',
      '0,1,24,M,technician,85711',
      '1,2,53,F,other,01002',
      '2,3,23,M,writer,32067',
      '3,4,33,F,other,T8H1N',
      '',
    ].join('\n'),
    items: [
      'item,itemId,title,year,genres',
      '0,10,"English Patient, The (1996)",1996,Drama',
      '1,20,Fargo (1996),1996,Comedy|Drama',
      '2,30,Twister (1996),1996,Action',
      '3,40,Fargo (1996),1996,Comedy|Drama',
      '4,543,"Misérables, Les (1995)",1995,',
      '',
    ].join('\n'),
    ratings: [
      'user,item,rating,timestamp',
      '0,0,5,874965758',
      '0,1,4,874965758',
      '0,2,1,874965758',
      '1,1,5,875071561',
      '1,3,3,875071561',
      '2,0,4,878542960',
      '2,3,5,878542960',
      '3,0,2,886397596',
      '3,2,2,886397596',
      '3,4,5,886397596',
      '',
    ].join('\n'),
  };
}

/** Runs a stage to completion into fresh output directories; returns emissions and outputs. */
export async function runStage(
  stage: StageDefinition,
  options: { params?: unknown; inputs?: Record<string, string>; dataPath?: string },
): Promise<{ emissions: StageEmission[]; outputs: Record<string, string> }> {
  const outputs: Record<string, string> = {};
  for (const name of Object.keys(stage.outputs)) outputs[name] = await tempDirectory(name);

  const run: RunSettings = {
    dataPath: options.dataPath,
    dataCacheDir: path.join(tmpdir(), 'analysis-test-no-cache'),
    seed: 1,
    concurrency: 1,
    backend: 'cpu',
  };
  const emissions = await lastValueFrom(stage.run({
    params: stage.params.parse(options.params ?? {}),
    inputs: options.inputs ?? {},
    outputs,
    run,
    signal: new AbortController().signal,
  }).pipe(toArray()));
  return { emissions, outputs };
}

/** The MovieLens 100K mirror as a dataset artifact, written by the ingest stage. */
export async function ingestMovieLens100k(): Promise<string> {
  const { outputs } = await runStage(ingestMovielens, { dataPath: movieLens100k });
  return outputs.dataset;
}
