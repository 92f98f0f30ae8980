import { DataSource } from 'typeorm';
import { loadDemo, LoadedDemo } from '@it-samverkan/application/demo/load-demo';

/** Loads the demo cooperation and its persons into an empty database; returns what it made, or null. */
export async function loadDemoIfEmpty(dataSource: DataSource): Promise<LoadedDemo | null> {
  return loadDemo(dataSource);
}
