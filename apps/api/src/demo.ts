import { DataSource } from 'typeorm';
import { loadDemo } from '@it-samverkan/application/demo/load-demo';

/** Loads the demo cooperation into an empty database; returns whether it did. */
export async function loadDemoIfEmpty(dataSource: DataSource): Promise<boolean> {
  return loadDemo(dataSource);
}
