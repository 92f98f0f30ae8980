import { DataSource } from 'typeorm';
import { ScenarioChange, ValidationError } from '@it-samverkan/domain';
import { CostModelVersionEntity, ScenarioEntity } from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { ScenarioService } from './scenario.service';

/** Mark's units and their yearly volumes per demo driver, roughly a municipality of Tranemo's size and a half. */
const MARK_CONSUMERS = [
  {
    id: 'mark-kl',
    name: 'Marks kommun kommunledningsförvaltningen',
    municipality: 'mark',
    municipalityName: 'Marks kommun',
  },
  { id: 'mark-bou', name: 'Marks kommun barn- och utbildningsförvaltningen', municipality: 'mark' },
  { id: 'mark-vo', name: 'Marks kommun vård- och omsorgsförvaltningen', municipality: 'mark' },
];
const MARK_VOLUMES: Record<string, Record<string, number>> = {
  devices: { 'mark-kl': 380, 'mark-bou': 2300, 'mark-vo': 900 },
  users: { 'mark-kl': 420, 'mark-bou': 1250, 'mark-vo': 1500 },
  ports: { 'mark-kl': 200, 'mark-bou': 980, 'mark-vo': 520 },
  licenses: { 'mark-kl': 300, 'mark-bou': 1100, 'mark-vo': 1050 },
};

/** The demo's two scenarios: the changes, given the ids the base model actually has. */
export function demoScenarios(
  driverIds: readonly string[],
): { name: string; description: string; changes: ScenarioChange[] }[] {
  const volumes = Object.fromEntries(
    Object.entries(MARK_VOLUMES).filter(([driver]) => driverIds.includes(driver)),
  );
  return [
    {
      name: 'Mark ansluter',
      description: 'Marks kommun går med i IT-samverkan 2025 med tre förvaltningar och sina volymer',
      changes: [{ type: 'add-consumers', consumers: MARK_CONSUMERS, volumes }],
    },
    {
      name: 'Ulricehamn går från anslag till interndebitering',
      description: 'Ulricehamns enheter som i dag finansieras genom anslag debiteras internt i stället',
      changes: [
        { type: 'switch-funding', municipality: 'ulricehamn', from: 'appropriation', to: 'internal-charge' },
      ],
    },
  ];
}

/**
 * Demo loader: saves "Mark ansluter" and "Ulricehamn går från anslag till interndebitering" on the
 * approved 2025 budget model. Does nothing when there is no such model, or when scenarios exist;
 * a scenario whose changes do not fit the model's ids is left out.
 */
export async function loadScenarioDemo(dataSource: DataSource, actor: Actor, now: Date): Promise<void> {
  const [base] = await dataSource.getRepository(CostModelVersionEntity).find({
    where: { year: 2025, kind: 'budget', status: 'approved' },
    order: { approvedAt: 'DESC', id: 'ASC' },
    take: 1,
  });
  if (!base || (await dataSource.getRepository(ScenarioEntity).count()) > 0) return;
  const driverIds = ((base.document as { drivers?: { id: string }[] }).drivers ?? []).map((d) => d.id);
  const service = new ScenarioService(dataSource);
  for (const scenario of demoScenarios(driverIds)) {
    try {
      await service.create({ ...scenario, baseModelVersionId: base.id }, actor, now);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
    }
  }
}
