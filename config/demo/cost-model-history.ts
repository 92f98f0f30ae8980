import type { CostModelDocument } from '@it-samverkan/domain';
import { DEMO_BUDGET_MODEL_2025 } from './cost-model-2025';

/**
 * The demo cooperation's earlier years, 2023 and 2024, so budget against actual and the
 * municipalities' history have years to show. Each year: a budget approved by IT-styrgruppen in
 * the November before, an actual model (utfall) approved in the March after, four quarters run,
 * issued and closed, and the year settled in the first quarter after it.
 *
 * The figures are the 2025 budget indexed back (`indexPoolAmounts`, the indexed total half-up to
 * öre, divided over the pools by DOMAIN.md 5.2, so the pools add up to it); the actual models are
 * their year's budget indexed by how the year turned out. demo-history.spec.ts recomputes them.
 * Volumes: the 2025 budget's scaled per driver, whole units (half-up).
 */
export interface DemoHistoryYear {
  year: number;
  /** Percent per pool against the 2025 budget's pools. */
  budgetIndices: Record<string, string>;
  budget: CostModelDocument;
  budgetDecision: { forum: 'styrgrupp'; date: string; paragraph: string; subject: string };
  /** Percent per pool against this year's budget pools. */
  actualIndices: Record<string, string>;
  actual: CostModelDocument;
  actualDecision: { forum: 'styrgrupp'; date: string; paragraph: string; subject: string };
}

const withPools = (amounts: Record<string, string>): CostModelDocument['pools'] =>
  DEMO_BUDGET_MODEL_2025.pools.map((p) => ({ ...p, amount: amounts[p.id] }));

const budgetOf = (
  year: number,
  amounts: Record<string, string>,
  volumes: CostModelDocument['volumes'],
): CostModelDocument => ({
  ...DEMO_BUDGET_MODEL_2025,
  name: `Tjänstefiering ${year}, budget`,
  year,
  pools: withPools(amounts),
  volumes,
});

const actualOf = (
  budget: CostModelDocument,
  amounts: Record<string, string>,
  volumes: CostModelDocument['volumes'],
): CostModelDocument => ({
  ...budget,
  name: `Tjänstefiering ${budget.year}, utfall`,
  pools: withPools(amounts),
  volumes,
});

const volumesOf = (
  devices: number[],
  users: number[],
  ports: number[],
  licenses: number[],
): CostModelDocument['volumes'] => {
  const ids = ['ulr-ks', 'ulr-bou', 'ulr-vof', 'tra-kl', 'tra-utb', 'tra-oms', 'bolag-ue', 'lonenamnd'];
  const of = (values: number[]) => Object.fromEntries(ids.map((id, i) => [id, values[i]]));
  return { devices: of(devices), users: of(users), ports: of(ports), licenses: of(licenses) };
};

// 2023: 24.44 MSEK budgeted, 24.67 MSEK turned out.
const BUDGET_2023 = budgetOf(
  2023,
  {
    personal: '13277000.00',
    licenser: '4833000.00',
    hardvara: '2976000.00',
    lokaler: '855000.00',
    externa: '2116000.00',
    samverkan: '380000.00',
  },
  // the 2025 budget's volumes × 0.93 devices, 0.95 users, 0.96 ports, 0.91 licences
  volumesOf(
    [391, 2465, 911, 195, 1376, 502, 112, 33],
    [485, 1349, 1568, 219, 741, 846, 133, 40],
    [250, 1104, 595, 106, 614, 317, 91, 19],
    [319, 1183, 1138, 146, 637, 564, 55, 41],
  ),
);

const ACTUAL_2023 = actualOf(
  BUDGET_2023,
  {
    personal: '13515986.00',
    licenser: '4982823.00',
    hardvara: '2904576.00',
    lokaler: '860130.00',
    externa: '2037708.00',
    samverkan: '364800.00',
  },
  // the 2023 budget's volumes × 1.02 devices, 1.012 users, 1.005 ports, 1.025 licences
  volumesOf(
    [399, 2514, 929, 199, 1404, 512, 114, 34],
    [491, 1365, 1587, 222, 750, 856, 135, 40],
    [251, 1110, 598, 107, 617, 319, 91, 19],
    [327, 1213, 1166, 150, 653, 578, 56, 42],
  ),
);

// 2024: 25.37 MSEK budgeted, 25.48 MSEK turned out.
const BUDGET_2024 = budgetOf(
  2024,
  {
    personal: '13745600.00',
    licenser: '5103000.00',
    hardvara: '3038000.00',
    lokaler: '877500.00',
    externa: '2208000.00',
    samverkan: '400000.00',
  },
  // the 2025 budget's volumes × 0.97 devices, 0.98 users, 0.98 ports, 0.96 licences
  volumesOf(
    [407, 2571, 951, 204, 1436, 524, 116, 34],
    [500, 1392, 1617, 225, 764, 872, 137, 41],
    [255, 1127, 608, 108, 627, 323, 93, 20],
    [336, 1248, 1200, 154, 672, 595, 58, 43],
  ),
);

const ACTUAL_2024 = actualOf(
  BUDGET_2024,
  {
    personal: '13896801.60',
    licenser: '5235678.00',
    hardvara: '2919518.00',
    lokaler: '888030.00',
    externa: '2159424.00',
    samverkan: '376000.00',
  },
  // the 2024 budget's volumes × 1.015 devices, 1.02 users, 1.01 ports, 1.012 licences
  volumesOf(
    [413, 2610, 965, 207, 1458, 532, 118, 35],
    [510, 1420, 1649, 230, 779, 889, 140, 42],
    [258, 1138, 614, 109, 633, 326, 94, 20],
    [340, 1263, 1214, 156, 680, 602, 59, 44],
  ),
);

export const DEMO_HISTORY: readonly DemoHistoryYear[] = [
  {
    year: 2023,
    budgetIndices: {
      personal: '-6.5',
      licenser: '-10.5',
      hardvara: '-4',
      lokaler: '-5',
      externa: '-8',
      samverkan: '-5',
    },
    budget: BUDGET_2023,
    budgetDecision: {
      forum: 'styrgrupp',
      date: '2022-11-16',
      paragraph: '§ 12',
      subject: 'Tjänstefiering 2023: budget och prislista',
    },
    actualIndices: {
      personal: '1.8',
      licenser: '3.1',
      hardvara: '-2.4',
      lokaler: '0.6',
      externa: '-3.7',
      samverkan: '-4',
    },
    actual: ACTUAL_2023,
    actualDecision: {
      forum: 'styrgrupp',
      date: '2024-03-13',
      paragraph: '§ 5',
      subject: 'Tjänstefiering 2023: utfall och slutavräkning',
    },
  },
  {
    year: 2024,
    budgetIndices: {
      personal: '-3.2',
      licenser: '-5.5',
      hardvara: '-2',
      lokaler: '-2.5',
      externa: '-4',
      samverkan: '0',
    },
    budget: BUDGET_2024,
    budgetDecision: {
      forum: 'styrgrupp',
      date: '2023-11-15',
      paragraph: '§ 13',
      subject: 'Tjänstefiering 2024: budget och prislista',
    },
    actualIndices: {
      personal: '1.1',
      licenser: '2.6',
      hardvara: '-3.9',
      lokaler: '1.2',
      externa: '-2.2',
      samverkan: '-6',
    },
    actual: ACTUAL_2024,
    actualDecision: {
      forum: 'styrgrupp',
      date: '2025-03-12',
      paragraph: '§ 4',
      subject: 'Tjänstefiering 2024: utfall och slutavräkning',
    },
  },
];

/**
 * The separate agreements with bolag and lönenämnd in 2023–2024 (the 2025 ones in agreements.ts
 * follow them): the bolag a fixed yearly fee, the committee a unit price per computer.
 */
export const DEMO_HISTORY_SERVICE_AGREEMENTS = [
  {
    name: 'IT-tjänster Ulricehamns Energi AB 2023–2024',
    partyKind: 'company' as const,
    partyId: 'bolag-ue',
    services: ['arbetsplats', 'servicedesk'],
    priceModel: 'fixed-yearly' as const,
    yearlyFee: '456000.00',
    frequency: 'quarter' as const,
    vatRate: '25',
    buyerReference: 'UE-4711',
    paymentTermsDays: 30,
    validFrom: '2023-01-01',
    validTo: '2024-12-31',
    indexation: {},
  },
  {
    name: 'IT-tjänster Lönenämnden 2023–2024',
    partyKind: 'joint-committee' as const,
    partyId: 'lonenamnd',
    services: ['arbetsplats'],
    priceModel: 'unit-price' as const,
    unitPrice: '4000.00',
    volume: '34',
    frequency: 'quarter' as const,
    vatRate: '25',
    buyerReference: 'Lönenämnden LN-200',
    paymentTermsDays: 30,
    validFrom: '2023-01-01',
    validTo: '2024-12-31',
    indexation: {},
  },
];
