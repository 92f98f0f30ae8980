import { DataSource } from 'typeorm';
import { Actor } from '../common/principal';
import { loadCostModelDemo } from '../cost-model/cost-model-demo';
import { loadOnCallDemo } from '../on-call/on-call-demo.loader';
import { loadDemoAgreements } from '../agreements/demo-agreements';
import { loadDriftDemo } from '../drift/drift-demo.loader';
import { loadUtvecklingDemo } from '../utveckling/utveckling-demo.loader';
import { loadScenarioDemo } from '../scenarios/scenario-demo';
import { loadLedgerDemo } from '../ledger-import/ledger-demo.loader';

/** Each area adds a loader for its part of the demo (cost model, tariffs, agreements, …), run in order. */
export type DemoLoader = (dataSource: DataSource, actor: Actor, now: Date) => Promise<void>;

export const DEMO_LOADERS: DemoLoader[] = [
  loadCostModelDemo,
  loadLedgerDemo,
  loadDemoAgreements,
  loadOnCallDemo,
  loadDriftDemo,
  loadUtvecklingDemo,
  loadScenarioDemo,
];
