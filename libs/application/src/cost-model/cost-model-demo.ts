import { DataSource } from 'typeorm';
import {
  DEMO_ACTUAL_MODEL_2025,
  DEMO_BUDGET_DECISION_2025,
  DEMO_BUDGET_MODEL_2025,
} from '@it-samverkan/config/demo/cost-model-2025';
import { Actor } from '../common/principal';
import { CostModelService } from './cost-model.service';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The demo's 2025 budget model, approved by IT-styrgruppen 2024-11-20 § 14, and its 2025 actual model (draft). */
export async function loadCostModelDemo(dataSource: DataSource, actor: Actor, now: Date): Promise<void> {
  const versions = new CostModelService(dataSource);
  const budget = await versions.importVersion(
    { document: copy(DEMO_BUDGET_MODEL_2025), kind: 'budget' },
    actor,
    now,
  );
  await versions.approve(budget.id, { decision: { ...DEMO_BUDGET_DECISION_2025 } }, actor, now);
  await versions.importVersion({ document: copy(DEMO_ACTUAL_MODEL_2025), kind: 'actual' }, actor, now);
}
