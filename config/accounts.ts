import type { AccountPlan } from '@it-samverkan/files';

/**
 * The default account plan of the SIE 4 ledger file, in the spirit of Kommun-Bas 13 (SKR's
 * normal account plan for municipalities, which follows the BAS structure: class 1 assets,
 * class 2 liabilities, class 3 revenue, classes 4–7 costs). Each municipality books on its own
 * plan; this one is the starting point a finance officer maps from, so the choices are:
 *
 * - Receivables per kind of counterparty (1512–1514) instead of one 1510, because the annual
 *   accounts report receivables on the municipality's own companies and on other public bodies
 *   separately, and the ledger's counterparty object alone is often not carried to the balance.
 * - Revenue per kind of buyer (3511–3513, "försäljning av verksamhet") for the same reason, and
 *   so sales to other municipalities can be followed up against the cooperation agreement.
 * - Output VAT on the BAS accounts every Swedish ledger knows: 2611 (25 %), 2621 (12 %),
 *   2631 (6 %). 0 % lines book no VAT.
 * - Internal charges are a transfer inside one municipality: the consuming unit's internal IT
 *   cost (6590) against IT's internal revenue (3590). A pair of dedicated accounts keeps them
 *   apart from external sales, so they eliminate to zero in the municipality's own accounts.
 * - The buyer municipality books what it receives from the cooperation on the BAS accounts for
 *   supplier payables (2440), bought IT services (6540) and input VAT (2641); a municipality
 *   that recovers VAT through the compensation scheme maps 2641 to its own account.
 */
export const DEFAULT_ACCOUNT_PLAN: AccountPlan = {
  name: 'it-samverkan standardkontoplan (efter Kommun-Bas 13)',
  accounts: {
    '1512': { name: 'Kundfordringar kommunala bolag', type: 'T' },
    '1513': { name: 'Kundfordringar andra kommuner', type: 'T' },
    '1514': { name: 'Kundfordringar gemensamma nämnder', type: 'T' },
    '2440': { name: 'Leverantörsskulder', type: 'S' },
    '2611': { name: 'Utgående moms 25 %', type: 'S' },
    '2621': { name: 'Utgående moms 12 %', type: 'S' },
    '2631': { name: 'Utgående moms 6 %', type: 'S' },
    '2641': { name: 'Debiterad ingående moms', type: 'T' },
    '3511': { name: 'Försäljning av IT-tjänster till andra kommuner', type: 'I' },
    '3512': { name: 'Försäljning av IT-tjänster till kommunala bolag', type: 'I' },
    '3513': { name: 'Försäljning av IT-tjänster till gemensamma nämnder', type: 'I' },
    '3590': { name: 'Interna intäkter IT', type: 'I' },
    '6540': { name: 'IT-tjänster', type: 'K' },
    '6590': { name: 'Interna kostnader IT', type: 'K' },
  },
  receivable: { municipality: '1513', company: '1512', 'joint-committee': '1514' },
  revenue: { municipality: '3511', company: '3512', 'joint-committee': '3513' },
  outputVat: { '25': '2611', '12': '2621', '6': '2631' },
  internalRevenue: '3590',
  internalCost: '6590',
  purchase: { payable: '2440', cost: '6540', inputVat: '2641' },
};
