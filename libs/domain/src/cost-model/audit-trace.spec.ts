import fc from 'fast-check';
import { exampleModel, validCostModelArb } from '../../../../test/factories/cost-model';
import { auditTrace } from './audit-trace';
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
        audit.consumers.forEach((c) =>
          expect(c.lines.reduce((sum, l) => sum + l.amount.ore, 0n)).toBe(c.total.ore),
        );
      }),
      { numRuns: 100 },
    );
  });
});
