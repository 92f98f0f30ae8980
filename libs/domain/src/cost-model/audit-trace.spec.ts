import fc from 'fast-check';
import { Dec } from '../money';
import { exampleModel, validCostModelArb } from '../../../../test/factories/cost-model';
import { auditTrace, consumerPoolParts, quantityText, sharePercentText } from './audit-trace';
import { toQuantity } from './quantity-value';
import { splitCostModel } from './split-cost-model';
import { validateCostModel } from './validate-cost-model';

describe("the auditor's trace of the worked example (DOMAIN.md 5.3)", () => {
  const model = validateCostModel(exampleModel());
  const split = splitCostModel(model);
  const audit = auditTrace(model, split);
  const pools = (serviceId: string) =>
    audit.services
      .find((s) => s.serviceId === serviceId)!
      .pools.map((p) => [p.poolId, p.weight?.toString() ?? null, p.direct.toString(), p.amount.toString()]);

  it('names the pools behind each service, adding up to its total', () => {
    // ledning's 200 000.00 (personal 100 000 + lokaler 100 000) goes 133 333.33 / 66 666.67;
    // the öre split by pool: arbetsplats gets personal 66 666.67 and lokaler 66 666.66 (tie: first pool).
    expect(pools('ledning')).toEqual([
      ['personal', '10', '100000.00', '100000.00'],
      ['lokaler', '1', '100000.00', '100000.00'],
    ]);
    expect(pools('arbetsplats')).toEqual([
      ['personal', '50', '500000.00', '566666.67'],
      ['licenser', '1', '300000.00', '300000.00'],
      ['lokaler', null, '0.00', '66666.66'],
    ]);
    expect(pools('servicedesk')).toEqual([
      ['personal', '40', '400000.00', '433333.33'],
      ['lokaler', null, '0.00', '33333.34'],
    ]);
  });

  it('gives each service its driver, total volume and unit price', () => {
    expect(
      audit.services.map((s) => [
        s.serviceId,
        s.method,
        s.driverId,
        s.totalQuantity?.toString() ?? null,
        s.total.toString(),
        s.unitPrice?.toString() ?? null,
      ]),
    ).toEqual([
      ['ledning', 'proportional', null, null, '200000.00', null],
      ['arbetsplats', 'driver', 'devices', '1000', '933333.33', '933.33'],
      ['servicedesk', 'driver', 'users', '1000', '466666.67', '466.67'],
    ]);
  });

  it("gives each consumer its volume of each service's total and its amount", () => {
    const lines = audit.consumers.map((c) => [
      c.consumerId,
      c.total.toString(),
      c.lines.map((l) => [
        l.serviceId,
        l.quantity.toString(),
        l.totalQuantity.toString(),
        l.amount.toString(),
      ]),
    ]);
    expect(lines).toEqual([
      [
        'ulr-ks',
        '886666.67',
        [
          ['arbetsplats', '600', '1000', '560000.00'],
          ['servicedesk', '700', '1000', '326666.67'],
        ],
      ],
      [
        'tra-oms',
        '396666.67',
        [
          ['arbetsplats', '300', '1000', '280000.00'],
          ['servicedesk', '250', '1000', '116666.67'],
        ],
      ],
      [
        'bolag-b1',
        '116666.66',
        [
          ['arbetsplats', '100', '1000', '93333.33'],
          ['servicedesk', '50', '1000', '23333.33'],
        ],
      ],
    ]);
  });

  it('derives only the consumers asked for, and refuses an unknown one', () => {
    expect(auditTrace(model, split, ['tra-oms']).consumers.map((c) => c.consumerId)).toEqual(['tra-oms']);
    expect(() => auditTrace(model, split, ['okand'])).toThrow("Förbrukaren 'okand' finns inte i modellen");
  });

  it('consumer-weights services show the weight and the sum of weights', () => {
    const doc = exampleModel();
    doc.services.push({
      id: 'styrning',
      name: 'Styrning',
      allocate: { method: 'consumer-weights', to: { 'ulr-ks': 1, 'tra-oms': 1 } },
    });
    doc.pools.push({ id: 'avtal', name: 'Avtal', amount: '100.00', to: { styrning: 1 } });
    const m = validateCostModel(doc);
    const a = auditTrace(m, splitCostModel(m), ['tra-oms']);
    expect(a.consumers[0].lines.at(-1)).toMatchObject({ serviceId: 'styrning' });
    const last = a.consumers[0].lines.at(-1)!;
    expect([last.quantity.toString(), last.totalQuantity.toString(), last.amount.toString()]).toEqual([
      '1',
      '2',
      '50.00',
    ]);
  });
});

describe("each pool's part of a consumer's total (pool → service → consumer)", () => {
  const model = validateCostModel(exampleModel());
  const audit = auditTrace(model, splitCostModel(model));
  const parts = (id: string) =>
    consumerPoolParts(
      model,
      audit.services,
      audit.consumers.find((c) => c.consumerId === id)!,
    ).map((p) => `${p.poolId} ${p.amount.toString()}`);

  it('divides the worked example by 5.2 with the exact parts as weights', () => {
    // arbetsplats 933 333.33 = personal 566 666.67 + licenser 300 000.00 + lokaler 66 666.66;
    // servicedesk 466 666.67 = personal 433 333.33 + lokaler 33 333.34.
    // tra-oms (arbetsplats 280 000.00, servicedesk 116 666.67, total 396 666.67):
    //   personal 280 000 × 566 666.67 / 933 333.33 + 116 666.67 × 433 333.33 / 466 666.67
    //            = 170 000.0016… + 108 333.3348… = 278 333.3364…
    //   licenser 280 000 × 300 000 / 933 333.33 = 90 000.0003…
    //   lokaler  280 000 × 66 666.66 / 933 333.33 + 116 666.67 × 33 333.34 / 466 666.67
    //            = 19 999.9980… + 8 333.3351… = 28 333.3332…
    //   floors 278 333.33 + 90 000.00 + 28 333.33 = 396 666.66: the öre left to personal (.64 öre).
    expect(parts('tra-oms')).toEqual(['personal 278333.34', 'licenser 90000.00', 'lokaler 28333.33']);
    // bolag-b1 (arbetsplats 93 333.33, servicedesk 23 333.33, total 116 666.66):
    //   personal 93 333.33 × 566 666.67 / 933 333.33 + 23 333.33 × 433 333.33 / 466 666.67
    //            = 56 666.6651… + 21 666.6632… = 78 333.3284…
    //   licenser 93 333.33 × 300 000 / 933 333.33 = 29 999.9990…
    //   lokaler  93 333.33 × 66 666.66 / 933 333.33 + 23 333.33 × 33 333.34 / 466 666.67
    //            = 6 666.6657… + 1 666.6667… = 8 333.3325…
    //   floors 78 333.32 + 29 999.99 + 8 333.33 = 116 666.64: 2 öre left, to licenser (.90 öre) and
    //   personal (.84 öre), not lokaler (.25 öre).
    expect(parts('bolag-b1')).toEqual(['personal 78333.33', 'licenser 30000.00', 'lokaler 8333.33']);
  });
});

describe('property: every service’s pools add up to its total, every consumer to its total', () => {
  it('holds for generated models', () => {
    fc.assert(
      fc.property(validCostModelArb({ negativePools: true }), (doc) => {
        const model = validateCostModel(doc);
        let split;
        try {
          split = splitCostModel(model);
        } catch {
          return; // a negative proportional base: the split refuses it, nothing to trace
        }
        const audit = auditTrace(model, split);
        audit.services.forEach((s) =>
          expect(s.pools.reduce((sum, p) => sum + p.amount.ore, 0n)).toBe(s.total.ore),
        );
        audit.consumers.forEach((c) => {
          expect(c.lines.reduce((sum, l) => sum + l.amount.ore, 0n)).toBe(c.total.ore);
          // each pool's part of the consumer: adding up to its total, and each within an öre of the exact
          const parts = consumerPoolParts(model, audit.services, c);
          expect(parts.reduce((sum, p) => sum + p.amount.ore, 0n)).toBe(c.total.ore);
          for (const part of parts) {
            const exact = c.lines.reduce((x, l) => {
              const service = audit.services.find((s) => s.serviceId === l.serviceId)!;
              const pool = service.pools.find((p) => p.poolId === part.poolId);
              if (!pool || service.total.isZero()) return x;
              return x.plus(
                l.amount.toDecimal().times(pool.amount.toDecimal()).dividedBy(service.total.toDecimal()),
              );
            }, new Dec(0));
            expect(exact.minus(part.amount.toDecimal()).abs().lessThan('0.01')).toBe(true);
          }
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('volumes and shares written without Decimal', () => {
  const quantityTextArb = fc
    .tuple(
      fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }),
      fc.bigInt({ min: 0n, max: 10n ** 10n - 1n }),
      fc.integer({ min: 0, max: 10 }),
    )
    .map(([whole, frac, scale]) =>
      scale === 0 ? `${whole}` : `${whole}.${(frac % 10n ** BigInt(scale)).toString().padStart(scale, '0')}`,
    );

  it('writes a quantity as Decimal does', () => {
    expect(
      ['1000', '0.50', '12.250', '0', '0.0000000001', '7.0'].map((t) => quantityText(toQuantity(t))),
    ).toEqual(['1000', '0.5', '12.25', '0', '0.0000000001', '7']);
    expect(quantityText({ units: 12500n, scale: 3 })).toBe('12.5');
    expect(quantityText({ units: -5n, scale: 2 })).toBe('-0.05');
    fc.assert(
      fc.property(quantityTextArb, (text) =>
        expect(quantityText(toQuantity(text))).toBe(new Dec(text).toString()),
      ),
    );
  });

  it('gives the share in percent, half-up to four decimals, as Decimal does', () => {
    const share = (v: string, t: string) => sharePercentText(toQuantity(v), toQuantity(t));
    expect(share('1', '3')).toBe('33.3333');
    expect(share('2', '3')).toBe('66.6667');
    expect(share('1', '8')).toBe('12.5000');
    // 1 of 1 600 000 is 0.0000625 %: half-up to 0.0001
    expect(share('1', '1600000')).toBe('0.0001');
    expect(share('0.00005', '1')).toBe('0.0050');
    expect(share('5', '0')).toBe('0.0000');
    expect(share('300', '1000')).toBe('30.0000');
    expect(sharePercentText({ units: -1n, scale: 0 }, { units: 3n, scale: 0 })).toBe('-33.3333');
    const decimal = (v: string, t: string) =>
      new Dec(t).isZero() ? '0.0000' : new Dec(v).dividedBy(new Dec(t)).times(100).toFixed(4);
    fc.assert(
      fc.property(
        quantityTextArb,
        fc.array(quantityTextArb, { minLength: 0, maxLength: 5 }),
        (volume, others) => {
          // the total is the volume and some others (as a driver's total volume is)
          const total = others.reduce((x, y) => x.plus(y), new Dec(volume)).toString();
          expect(share(volume, total)).toBe(decimal(volume, total));
          expect(share(volume, volume)).toBe(decimal(volume, volume));
        },
      ),
      { numRuns: 500 },
    );
  });
});
