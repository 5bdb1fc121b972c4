/** The GroupLens downloads the program can fetch, with the MD5 digests GroupLens publishes. */
export const officialDatasets = {
  'ml-100k': { file: 'ml-100k.zip', md5: '0e33842e24a9c977be4e0107933c0723' },
  'ml-1m': { file: 'ml-1m.zip', md5: 'c4d9eecfca2ab87c1945afe126590906' },
} as const;

export type OfficialDatasetName = keyof typeof officialDatasets;

export const defaultBaseUrl = 'https://files.grouplens.org/datasets/movielens/';

/**
 * The URL and digest to download. RECOMMENDER_DATA_URL (a base URL ending in '/', or a full
 * .zip URL) and RECOMMENDER_DATA_MD5 replace them in end-to-end tests that serve a small zip
 * from 127.0.0.1; nothing else should set them.
 */
export function officialSource(
  name: OfficialDatasetName,
  env: NodeJS.ProcessEnv = process.env,
): { url: string; md5: string } {
  const { file, md5 } = officialDatasets[name];
  const base = env.RECOMMENDER_DATA_URL || defaultBaseUrl;
  const folder = base.endsWith('/') ? base : `${base}/`;
  const url = base.endsWith('.zip') ? base : new URL(file, folder).href;
  return { url, md5: (env.RECOMMENDER_DATA_MD5 || md5).toLowerCase() };
}
