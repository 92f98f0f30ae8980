import { exampleModel } from '../../../../test/factories/cost-model';
import { splitCostModel } from './split-cost-model';
import { toSplitResultDocument } from './split-result-document';
import { validateCostModel } from './validate-cost-model';

describe('the worked example of DOMAIN.md 5.1/5.3 gives the split result of 5.4', () => {
  const model = validateCostModel(exampleModel());
  const split = splitCostModel(model);

  it('produces exactly this document', () => {
    expect(toSplitResultDocument(model, split)).toEqual({
      format: 'it-samverkan/split-result@1',
      model: 'Tjänstefiering 2025, budget',
      year: 2025,
      total: '1400000.00',
      services: [
        {
          id: 'ledning',
          direct: '200000.00',
          received: '0.00',
          total: '200000.00',
          driver: null,
          volume: null,
          unitPrice: null,
        },
        {
          id: 'arbetsplats',
          direct: '800000.00',
          received: '133333.33',
          total: '933333.33',
          driver: 'devices',
          volume: '1000',
          unitPrice: '933.33',
        },
        {
          id: 'servicedesk',
          direct: '400000.00',
          received: '66666.67',
          total: '466666.67',
          driver: 'users',
          volume: '1000',
          unitPrice: '466.67',
        },
      ],
      consumers: [
        {
          id: 'ulr-ks',
          municipality: 'ulricehamn',
          total: '886666.67',
          services: { arbetsplats: '560000.00', servicedesk: '326666.67' },
        },
        {
          id: 'tra-oms',
          municipality: 'tranemo',
          total: '396666.67',
          services: { arbetsplats: '280000.00', servicedesk: '116666.67' },
        },
        {
          id: 'bolag-b1',
          municipality: 'ulricehamn',
          total: '116666.66',
          services: { arbetsplats: '93333.33', servicedesk: '23333.33' },
        },
      ],
      municipalities: [
        { id: 'ulricehamn', total: '1003333.33' },
        { id: 'tranemo', total: '396666.67' },
      ],
    });
  });

  it('keeps the key order of 5.4', () => {
    const doc = toSplitResultDocument(model, split);
    expect(Object.keys(doc)).toEqual([
      'format',
      'model',
      'year',
      'total',
      'services',
      'consumers',
      'municipalities',
    ]);
    expect(Object.keys(doc.services[0])).toEqual([
      'id',
      'direct',
      'received',
      'total',
      'driver',
      'volume',
      'unitPrice',
    ]);
    expect(Object.keys(doc.consumers[0])).toEqual(['id', 'municipality', 'total', 'services']);
    expect(Object.keys(doc.consumers[0].services)).toEqual(['arbetsplats', 'servicedesk']);
  });

  it('records how pools and ledning were passed on (5.3 first two steps)', () => {
    expect(split.pools.map((p) => [p.id, p.toServices.map((l) => `${l.to}=${l.amount}`)])).toEqual([
      ['personal', ['ledning=100000.00', 'arbetsplats=500000.00', 'servicedesk=400000.00']],
      ['licenser', ['arbetsplats=300000.00']],
      ['lokaler', ['ledning=100000.00']],
    ]);
    expect(split.services[0].toServices.map((l) => `${l.to}=${l.amount}`)).toEqual([
      'arbetsplats=133333.33',
      'servicedesk=66666.67',
    ]);
  });

  it('is deterministic and names the engine version', () => {
    const again = splitCostModel(validateCostModel(exampleModel()));
    expect(toSplitResultDocument(model, again)).toEqual(toSplitResultDocument(model, split));
    expect(split.engineVersion).toMatch(/^cost-engine\/\d+\.\d+\.\d+$/);
  });
});
