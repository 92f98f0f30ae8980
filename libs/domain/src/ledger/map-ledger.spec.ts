import fc from 'fast-check';
import { ProblemList, ValidationError } from '../errors';
import { Money } from '../money';
import { validateCostModel } from '../cost-model/validate-cost-model';
import { readLedgerMapping, type LedgerMapping } from './ledger-mapping';
import { mapLedgerToPools, type LedgerEntry } from './map-ledger';

const POOLS = ['personal', 'licenser', 'lokaler'];

function mappingOf(raw: unknown): LedgerMapping {
  const problems = new ProblemList();
  const mapping = readLedgerMapping(raw, new Set(POOLS), problems);
  problems.throwIfAny();
  return mapping as LedgerMapping;
}

function problemsOf(raw: unknown): string[] {
  const problems = new ProblemList();
  readLedgerMapping(raw, new Set(POOLS), problems);
  return problems.items.map((p) => `${p.path}: ${p.message}`);
}

let line = 0;
const row = (
  account: string,
  responsibility: string | null,
  amount: string,
  voucher: [string, string, string] | null,
  activity: string | null = null,
): LedgerEntry => ({
  account,
  accountName: account === '5010' ? 'Löner' : null,
  responsibility,
  activity,
  amount: Money.parse(amount),
  voucher: voucher ? { series: voucher[0], number: voucher[1], date: voucher[2], text: null } : null,
  line: ++line,
});

const MAPPING = {
  scope: { responsibility: ['1150', '1151'] },
  rules: [
    { accounts: ['5000-5999'], responsibility: ['1150', '1151'], pool: 'personal' },
    { accounts: ['6540-6549'], responsibility: ['1150'], pool: 'licenser' },
    { accounts: ['6100-6199'], pool: 'lokaler' },
  ],
};

const LEDGER: LedgerEntry[] = [
  row('5010', '1150', '120000.00', ['A', '1', '2025-01-31']),
  row('5010', '1151', '30000.00', ['A', '1', '2025-01-31']),
  row('5410', '1150', '45000.50', ['A', '2', '2025-02-28']),
  row('6540', '1150', '80000.00', ['L', '5', '2025-03-10']),
  row('6540', '1150', '-2500.25', ['L', '9', '2025-06-10']),
  row('6540', '1151', '9999.99', ['L', '6', '2025-03-12']),
  row('6110', '1151', '25000.00', ['L', '7', '2025-01-05']),
  row('3510', '1150', '-20000.00', ['F', '1', '2025-05-01']),
  row('1930', null, '-999.00', ['A', '1', '2025-01-31']),
  row('5010', '2200', '500000.00', ['A', '1', '2025-01-31']),
];

describe('pool mapping of the host’s ledger (hand-computed)', () => {
  const result = mapLedgerToPools({ entries: LEDGER, mapping: mappingOf(MAPPING), poolIds: POOLS });

  it('gives each pool its rows: personal 195 000.50, licenser 77 499.75, lokaler 25 000.00', () => {
    // personal 120 000.00 + 30 000.00 + 45 000.50; licenser 80 000.00 − 2 500.25; lokaler 25 000.00.
    expect(result.pools.map((p) => [p.poolId, p.amount.toString(), p.rules])).toEqual([
      ['personal', '195000.50', [0]],
      ['licenser', '77499.75', [1]],
      ['lokaler', '25000.00', [2]],
    ]);
    expect(result.mappedTotal.toString()).toBe('297500.25');
  });

  it('lists the unmapped rows with their accounts and objects, so mapped + unmapped = scope', () => {
    // 6540 on 1151 has no licence rule; revenue 3510 has no rule: 9 999.99 − 20 000.00 = −10 000.01.
    expect(result.unmapped.map((u) => [u.account, u.objects, u.amount.toString(), u.rows])).toEqual([
      ['3510', { responsibility: '1150' }, '-20000.00', 1],
      ['6540', { responsibility: '1151' }, '9999.99', 1],
    ]);
    expect(result.unmappedTotal.toString()).toBe('-10000.01');
    expect(result.scopeTotal.toString()).toBe('287500.24');
    // Bank 1930 (not a result account) and unit 2200 (not IT's) are outside: −999.00 + 500 000.00.
    expect(result.outsideScope).toEqual({ rows: 2, total: Money.parse('499001.00') });
  });

  it('keeps the sources: per account and objects, each voucher with its amount', () => {
    const personal = result.pools[0];
    expect(
      personal.accounts.map((a) => [
        a.account,
        a.accountName,
        a.objects,
        a.amount.toString(),
        a.vouchers.length,
      ]),
    ).toEqual([
      ['5010', 'Löner', { responsibility: '1150' }, '120000.00', 1],
      ['5010', 'Löner', { responsibility: '1151' }, '30000.00', 1],
      ['5410', null, { responsibility: '1150' }, '45000.50', 1],
    ]);
    expect(
      result.pools[1].accounts[0].vouchers.map((v) => `${v.series} ${v.number} ${v.date} ${v.amount}`),
    ).toEqual(['L 5 2025-03-10 80000.00', 'L 9 2025-06-10 -2500.25']);
  });

  it('matches the activity when a rule names one, and a pool nothing matched gets 0.00', () => {
    const mapping = mappingOf({
      activityDimension: 30,
      rules: [
        { accounts: ['6540'], activity: ['310'], pool: 'licenser' },
        { accounts: ['6540'], activity: ['320'], pool: 'lokaler' },
      ],
    });
    const rows = [row('6540', '1150', '10.00', null, '310'), row('6540', '1150', '5.00', null, null)];
    const r = mapLedgerToPools({ entries: rows, mapping, poolIds: POOLS });
    expect(r.pools.map((p) => `${p.poolId} ${p.amount}`)).toEqual(['licenser 10.00', 'lokaler 0.00']);
    expect(r.unmapped.map((u) => `${u.account} ${u.amount} ${JSON.stringify(u.objects)}`)).toEqual([
      '6540 5.00 {"responsibility":"1150"}',
    ]);
  });
});

describe('pool mapping rules are checked with the model (paths as in 5.1)', () => {
  it('refuses overlapping rules, naming both and what they share', () => {
    expect(
      problemsOf({
        rules: [
          { accounts: ['5000-5999'], responsibility: ['1150'], pool: 'personal' },
          { accounts: ['5400-5499', '6540'], pool: 'licenser' },
          { accounts: ['5000-5999'], responsibility: ['1151'], pool: 'personal' },
        ],
      }),
    ).toEqual([
      'ledgerMapping.rules[1]: Regeln överlappar ledgerMapping.rules[0] (konto 5400–5499, ansvar 1150, alla verksamheter); en bokföringsrad får bara höra till en pool',
      'ledgerMapping.rules[2]: Regeln överlappar ledgerMapping.rules[1] (konto 5400–5499, ansvar 1151, alla verksamheter); en bokföringsrad får bara höra till en pool',
    ]);
  });

  it('lists every broken field', () => {
    expect(
      problemsOf({
        responsibilityDimension: 0,
        scope: { accounts: ['9999-1000'] },
        rules: [
          { accounts: ['65x0'], responsibility: [], pool: 'okänd' },
          { accounts: '6540', activity: ['310', '310'], pool: 'lokaler' },
        ],
      }).map((p) => p.split(':')[0]),
    ).toEqual([
      'ledgerMapping.responsibilityDimension',
      'ledgerMapping.scope.accounts[0]',
      'ledgerMapping.rules[0].accounts[0]',
      'ledgerMapping.rules[0].responsibility',
      'ledgerMapping.rules[0].pool',
      'ledgerMapping.rules[1].accounts',
      'ledgerMapping.rules[1].activity[1]',
      'ledgerMapping.rules[1].activity',
    ]);
  });

  it('is part of the model: validateCostModel reports its problems with the rest', () => {
    const doc = {
      format: 'it-samverkan/cost-model@1',
      name: 'Utfall 2025',
      year: 2025,
      currency: 'SEK',
      consumers: [{ id: 'ulr-ks', name: 'KS', municipality: 'ulricehamn' }],
      drivers: [],
      pools: [{ id: 'personal', name: 'Personal', amount: '0.00', to: { ledning: 1 } }],
      services: [
        { id: 'ledning', name: 'Ledning', allocate: { method: 'consumer-weights', to: { 'ulr-ks': 1 } } },
      ],
      volumes: {},
      ledgerMapping: { rules: [{ accounts: ['5000-5999'], pool: 'personal' }] },
    };
    expect(validateCostModel(doc).ledgerMapping?.rules[0].pool).toBe('personal');
    try {
      validateCostModel({ ...doc, ledgerMapping: { rules: [{ accounts: ['5000'], pool: 'licenser' }] } });
      throw new Error('expected a ValidationError');
    } catch (e) {
      expect((e as ValidationError).details.map((d) => d.path)).toEqual(['ledgerMapping.rules[0].pool']);
    }
  });
});

describe('pool mapping properties', () => {
  const entry = fc.record({
    account: fc.integer({ min: 1000, max: 9999 }).map(String),
    responsibility: fc.option(fc.constantFrom('1150', '1151', '2200'), { nil: null }),
    ore: fc.integer({ min: -10_000_000, max: 10_000_000 }),
  });
  const bounds = fc.uniqueArray(fc.integer({ min: 3001, max: 8998 }), { minLength: 2, maxLength: 2 });

  it('every row lands once: pools + unmapped + outside = the ledger, pools add up to mapped', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), bounds, (rows, cut) => {
        const [a, b] = [...cut].sort((x, y) => x - y);
        const mapping = mappingOf({
          rules: [
            { accounts: [`3000-${a}`], responsibility: ['1150'], pool: 'personal' },
            { accounts: [`${a + 1}-${b}`], pool: 'licenser' },
            { accounts: [`3000-${a}`], responsibility: ['1151'], pool: 'lokaler' },
          ],
        });
        const entries = rows.map((r, i) => ({
          account: r.account,
          accountName: null,
          responsibility: r.responsibility,
          activity: null,
          amount: Money.ofOre(r.ore),
          voucher: { series: 'A', number: String(i % 3), date: '2025-01-01', text: null },
          line: i + 1,
        }));
        const res = mapLedgerToPools({ entries, mapping, poolIds: POOLS });
        const all = Money.sum(entries.map((e) => e.amount));
        expect(res.mappedTotal.plus(res.unmappedTotal).plus(res.outsideScope.total).equals(all)).toBe(true);
        expect(Money.sum(res.pools.map((p) => p.amount)).equals(res.mappedTotal)).toBe(true);
        for (const p of [...res.pools.flatMap((x) => x.accounts), ...res.unmapped])
          expect(Money.sum(p.vouchers.map((v) => v.amount)).equals(p.amount)).toBe(true);
        const counted = [...res.pools.flatMap((x) => x.accounts), ...res.unmapped].reduce(
          (n, s) => n + s.rows,
          0,
        );
        expect(counted + res.outsideScope.rows).toBe(entries.length);
      }),
      { numRuns: 100 },
    );
  });
});
