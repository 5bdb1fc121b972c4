import { readItems } from '../data/read-items.ts';
import { readUsers } from '../data/read-users.ts';

/** What people recognise users and items by: original ids and titles, by dense index. */
export interface DatasetLabels {
  userIds: Map<number, string>;
  itemIds: Map<number, string>;
  titles: Map<number, string>;
}

/** Reads the id maps of a dataset artifact's users.csv and items.csv. */
export async function readDatasetLabels(datasetDir: string): Promise<DatasetLabels> {
  const [users, items] = await Promise.all([readUsers(datasetDir), readItems(datasetDir)]);
  return {
    userIds: new Map(users.map((user) => [user.user, String(user.userId)])),
    itemIds: new Map(items.map((item) => [item.item, String(item.itemId)])),
    titles: new Map(items.map((item) => [item.item, item.title])),
  };
}

/** The dense index of an original user id, or undefined when the data set has no such user. */
export function userIndexOf(labels: DatasetLabels, userId: string): number | undefined {
  for (const [index, id] of labels.userIds) if (id === userId) return index;
  return undefined;
}
