import { DataSource } from 'typeorm';
import { DEMO_HISTORY, DEMO_HISTORY_SERVICE_AGREEMENTS } from '@it-samverkan/config/demo/cost-model-history';
import { Actor } from '../common/principal';
import { AgreementService } from '../agreements/agreements.service';
import { CostModelService } from '../cost-model/cost-model.service';
import { InvoiceService } from '../invoicing/invoice.service';
import { NextYearService } from '../budget-cycle/next-year.service';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The indices the demo's 2026 budget draft is made with: personnel +3.5 %, licences +6 %, the rest unchanged. */
export const DEMO_NEXT_YEAR_INDICES = { personal: '3.5', licenser: '6' };

/** A day of the demo's history as the moment it happened (10:00 in Sweden, 09:00 UTC in winter). */
const at = (date: string): Date => new Date(`${date}T09:00:00Z`);

/** The day a quarter is billed (the 15th of its last month) and the day it is closed (the 5th after it). */
const quarterDays = (year: number, q: number) => {
  const last = q * 3;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    billed: `${year}-${pad(last)}-15`,
    closed: q === 4 ? `${year + 1}-01-05` : `${year}-${pad(last + 1)}-05`,
  };
};

/**
 * The demo's earlier years (config/demo/cost-model-history.ts), made as finance and
 * IT-styrgruppen made them, through the same services as the API: each year's budget approved
 * (which stores its split run), its quarters run, issued and closed, its actual model approved and
 * the year settled and issued in the first quarter after it. The last year's settlement is booked
 * in 2025-Q1, whose own run is left to finance. Each model is split once by its approval; a run
 * splits the year's budget again (a small model: milliseconds). Then the cycle's next step, at
 * `now`: the 2026 budget drafted from the approved 2025 budget by the next-year service, waiting
 * for IT-styrgruppen's approval.
 */
export async function loadHistoryDemo(dataSource: DataSource, actor: Actor, now: Date): Promise<void> {
  const versions = new CostModelService(dataSource);
  const invoicing = new InvoiceService(dataSource);
  const agreements = new AgreementService(dataSource);
  for (const agreement of DEMO_HISTORY_SERVICE_AGREEMENTS)
    await agreements.createServiceAgreement({ ...agreement }, actor, at('2022-12-01'));

  const issueAll = async (ids: string[], date: string) => {
    for (const id of ids) await invoicing.issue(id, actor, at(date), { invoiceDate: date });
  };
  const settle = async (year: number) => {
    const history = DEMO_HISTORY.find((h) => h.year === year)!;
    const actual = await versions.importVersion(
      { document: copy(history.actual), kind: 'actual' },
      actor,
      at(`${year + 1}-02-14`),
    );
    const decided = history.actualDecision.date;
    await versions.approve(actual.id, { decision: { ...history.actualDecision } }, actor, at(decided));
    const booked = `${year + 1}-03-14`;
    const settlement = await invoicing.settle(year, `${year + 1}-Q1`, actor, at(booked));
    await issueAll(settlement.invoiceIds, booked);
  };

  for (const history of DEMO_HISTORY) {
    const budget = await versions.importVersion(
      { document: copy(history.budget), kind: 'budget' },
      actor,
      at(history.budgetDecision.date),
    );
    await versions.approve(
      budget.id,
      { decision: { ...history.budgetDecision } },
      actor,
      at(history.budgetDecision.date),
    );
  }
  for (const [i, history] of DEMO_HISTORY.entries()) {
    if (i > 0) await settle(DEMO_HISTORY[i - 1].year);
    for (let q = 1; q <= 4; q++) {
      const period = `${history.year}-Q${q}`;
      const { billed, closed } = quarterDays(history.year, q);
      const run = await invoicing.run(period, actor, at(billed));
      await issueAll(run.invoiceIds, billed);
      await invoicing.close(period, actor, at(closed));
    }
  }
  await settle(DEMO_HISTORY[DEMO_HISTORY.length - 1].year);

  const budget2025 = await versions.approvedBudget(2025);
  if (budget2025)
    await new NextYearService(dataSource).draftNextYear(
      budget2025.id,
      { indices: { ...DEMO_NEXT_YEAR_INDICES } },
      actor,
      now,
    );
}
