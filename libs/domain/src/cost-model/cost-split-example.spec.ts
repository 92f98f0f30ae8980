import { exampleModel } from '../../../../test/factories/cost-model';
import { EXAMPLE_SPLIT_RESULT } from '../../../../test/factories/example-split-result';
import { splitCostModel } from './split-cost-model';
import { toSplitResultDocument } from './split-result-document';
import { validateCostModel } from './validate-cost-model';

describe('the worked example of DOMAIN.md 5.1/5.3 gives the split result of 5.4', () => {
  const model = validateCostModel(exampleModel());
  const split = splitCostModel(model);

  it('produces exactly this document', () => {
    // Written out in full in the shared fixture (the CLI and API tests assert the same document).
    expect(toSplitResultDocument(model, split)).toEqual(EXAMPLE_SPLIT_RESULT);
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
