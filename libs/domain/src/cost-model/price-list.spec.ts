import { exampleModel } from '../../../../test/factories/cost-model';
import { priceListOf } from './price-list';
import { splitCostModel } from './split-cost-model';
import type { CostModelDocument } from './types';
import { validateCostModel } from './validate-cost-model';

const priced = (doc: CostModelDocument) => {
  const model = validateCostModel(doc);
  return { model, split: splitCostModel(model) };
};

/** 2024: licences 200 000.00 instead of 300 000.00, and the service desk under another id ("support"). */
function previousYear(): CostModelDocument {
  const doc = exampleModel();
  doc.year = 2024;
  doc.name = 'Tjänstefiering 2024, budget';
  doc.pools = doc.pools.map((p) =>
    p.id === 'licenser'
      ? { ...p, amount: '200000.00' }
      : p.id === 'personal'
        ? { ...p, to: { ledning: 10, arbetsplats: 50, support: 40 } }
        : p,
  );
  doc.services = [
    { id: 'ledning', name: 'Ledning', allocate: { method: 'proportional', to: ['arbetsplats', 'support'] } },
    { id: 'arbetsplats', name: 'Arbetsplatstjänst', allocate: { method: 'driver', driver: 'devices' } },
    { id: 'support', name: 'Support', allocate: { method: 'driver', driver: 'users' } },
  ];
  return doc;
}

describe('the price list (prislista) of a year', () => {
  it('lists the driver services of DOMAIN.md 5.3 with unit, volume, total and unit price', () => {
    const doc = exampleModel();
    doc.services[1].description = 'Dator, konto, e-post och kontorsprogram';
    const list = priceListOf(priced(doc), null);
    expect(list.year).toBe(2025);
    expect(list.previousYear).toBeNull();
    expect(
      list.lines.map((l) => [
        l.serviceId,
        l.unit,
        l.volume.toString(),
        l.total.toString(),
        l.unitPrice.toString(),
      ]),
    ).toEqual([
      ['arbetsplats', 'st', '1000', '933333.33', '933.33'],
      ['servicedesk', 'st', '1000', '466666.67', '466.67'],
    ]);
    expect(list.lines[0].description).toBe('Dator, konto, e-post och kontorsprogram');
    expect(list.lines[1].description).toBeNull();
    expect(list.lines.every((l) => l.previousUnitPrice === null && l.change === null)).toBe(true);
  });

  it('compares with last year by service id: a change in SEK and %, or new', () => {
    // 2024 by hand: arbetsplats 700 000.00 + ledning's 127 272.73 = 827 272.73 → 827.27 per device;
    // 2025 933.33 − 827.27 = 106.06, 106.06 / 827.27 = 12.820…% → 12.8. "servicedesk" did not exist.
    const list = priceListOf(priced(exampleModel()), priced(previousYear()));
    expect(list.previousYear).toBe(2024);
    const [arbetsplats, servicedesk] = list.lines;
    expect(arbetsplats.previousUnitPrice?.toString()).toBe('827.27');
    expect(arbetsplats.change?.toString()).toBe('106.06');
    expect(arbetsplats.changePercent).toBe('12.8');
    expect(servicedesk.previousUnitPrice).toBeNull();
    expect(servicedesk.changePercent).toBeNull();
  });

  it('a lower price is a negative change', () => {
    const list = priceListOf(priced(previousYear()), priced(exampleModel()));
    // 2024 support is new; arbetsplats 827.27 − 933.33 = −106.06, of 933.33 = −11.363…% → −11.4.
    expect(list.lines[0].change?.toString()).toBe('-106.06');
    expect(list.lines[0].changePercent).toBe('-11.4');
  });
});
