import fc from 'fast-check';
import { Money } from '@it-samverkan/domain/money/money';
import { flowsOf, Trace } from './money-flow';

const same = (id: string) => id;

describe("the flow of money for the Sankey chart, from the consumers' traces", () => {
  it('adds the paths up per step, exactly', () => {
    const traces: Trace[] = [
      {
        consumerId: 'ulr-ks',
        name: 'KS',
        municipality: 'ulricehamn',
        total: '300.10',
        paths: [
          { pool: 'personal', via: ['servicedesk'], amount: '100.05' },
          { pool: 'personal', via: ['ledning', 'servicedesk'], amount: '200.05' },
        ],
      },
      {
        consumerId: 'tra-kl',
        name: 'KL',
        municipality: 'tranemo',
        total: '0.15',
        paths: [{ pool: 'personal', via: ['servicedesk'], amount: '0.15' }],
      },
    ];
    const flows = Object.fromEntries(flowsOf(traces, same).map((f) => [`${f.from}>${f.to}`, f.amount]));
    expect(flows).toEqual({
      // 100.05 (KS) + 0.15 (KL) straight from personal to servicedesk
      'personal>servicedesk': '100.20',
      'personal>ledning': '200.05',
      'ledning>servicedesk': '200.05',
      // 100.05 + 200.05 = 300.10 reach KS through servicedesk
      'servicedesk>ulr-ks': '300.10',
      'servicedesk>tra-kl': '0.15',
      'ulr-ks>ulricehamn': '300.10',
      'tra-kl>tranemo': '0.15',
    });
  });

  it('property: what flows into each consumer is its total, and the pools send out what the municipalities receive', () => {
    const path = fc.record({
      pool: fc.constantFrom('personal', 'licenser'),
      via: fc.constantFrom(['arbetsplats'], ['ledning', 'arbetsplats'], ['natverk']),
      ore: fc.bigInt({ min: 0n, max: 10_000_000n }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(path, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        (raw) => {
          const traces: Trace[] = raw.map((paths, i) => {
            const total = Money.sum(paths.map((p) => Money.ofOre(p.ore)));
            return {
              consumerId: `c${i}`,
              name: `c${i}`,
              municipality: i % 2 ? 'tranemo' : 'ulricehamn',
              total: total.toString(),
              paths: paths.map((p) => ({
                pool: p.pool,
                via: [...p.via],
                amount: Money.ofOre(p.ore).toString(),
              })),
            };
          });
          const flows = flowsOf(traces, same);
          const sum = (pick: (f: { from: string; to: string }) => boolean) =>
            Money.sum(flows.filter(pick).map((f) => Money.parse(f.amount))).toString();
          for (const t of traces) expect(sum((f) => f.to === t.consumerId)).toBe(t.total);
          const pools = new Set(['personal', 'licenser']);
          expect(sum((f) => pools.has(f.from))).toBe(sum((f) => f.to === 'ulricehamn' || f.to === 'tranemo'));
        },
      ),
    );
  });
});
