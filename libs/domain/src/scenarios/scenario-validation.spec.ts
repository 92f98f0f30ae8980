import { changesDoc, D_JOINS, threeMunicipalityModel } from '../../../../test/scenarios/scenario-fixtures';
import { ValidationError } from '../errors';
import { applyScenarioChanges } from './apply-scenario-changes';
import { documentFundingSource } from './scenario-funding';

function problemsOf(
  changes: unknown,
  base: unknown = threeMunicipalityModel(),
): { path: string; message: string }[] {
  try {
    applyScenarioChanges(base, changes, documentFundingSource);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).details;
  }
  throw new Error('expected a ValidationError');
}

const paths = (changes: unknown) => problemsOf(changes).map((p) => p.path);

describe('scenario changes: every problem at once, with its JSON path', () => {
  it('reports unknown ids, negative values, money with three decimals and bad types together', () => {
    const problems = problemsOf(
      changesDoc('Fel', [
        { type: 'set-volume', driver: 'printers', consumer: 'x-ks', value: -3 },
        { type: 'scale-volume', driver: 'devices', municipality: 'kommun-z', factor: '-1.10' },
        { type: 'set-pool-amount', pool: 'personal', amount: '100.005' },
        { type: 'change-driver', service: 'kaffe', driver: 'users' },
        { type: 'switch-funding', consumer: 'b-ks', from: 'appropriation', to: 'internal-charge' },
        { type: 'rename' },
        'inte ett objekt',
      ]),
    );
    expect(problems.map((p) => p.path)).toEqual([
      'changes[0].driver',
      'changes[0].consumer',
      'changes[0].value',
      'changes[1].municipality',
      'changes[1].factor',
      'changes[2].amount',
      'changes[3].service',
      'changes[4].consumer',
      'changes[5].type',
      'changes[6]',
    ]);
    expect(problems[0].message).toBe("Okänd fördelningsnyckel 'printers'");
    expect(problems[2].message).toMatch(/negativt/);
    expect(problems[5].message).toMatch(/högst två decimaler/);
    expect(problems[7].message).toMatch(/faktureras externt/);
  });

  it('checks the header: format, name, funding statements and settings', () => {
    const problems = problemsOf({
      format: 'x',
      name: '',
      changes: {},
      funding: { 'a-ks': 'gratis', nobody: 'appropriation' },
      frequency: 'week',
    });
    expect(problems.map((p) => p.path)).toEqual([
      'format',
      'name',
      'changes',
      'funding.a-ks',
      'frequency',
      'funding.nobody',
    ]);
  });

  it('reports a change that makes the model invalid under model.', () => {
    // Every device volume scaled to 0: arbetsplats holds cost but has no receiver.
    const problems = problemsOf(
      changesDoc('Noll', [{ type: 'scale-volume', driver: 'devices', factor: '0' }]),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toMatch(/^model\./);
  });

  it('checks added consumers: duplicates, missing fields, a blank municipality name and volumes for others than the new ones', () => {
    expect(
      paths(
        changesDoc('Fel anslutning', [
          {
            type: 'add-consumers',
            consumers: [
              { id: 'a-ks', name: 'Dubblett', municipality: 'kommun-a' },
              { id: 'n-1', name: '', municipality: 'Stora Kommunen', municipalityName: ' ' },
              { id: 'n-2', name: 'Ny', municipality: 'kommun-n', municipalityName: 'Nya kommunen' },
            ],
            volumes: { devices: { 'b-ks': 5, 'n-1': 'många' }, printers: {} },
          },
        ]),
      ),
    ).toEqual([
      'changes[0].consumers[0].id',
      'changes[0].consumers[1].name',
      'changes[0].consumers[1].municipality',
      'changes[0].consumers[1].municipalityName',
      'changes[0].volumes.devices.b-ks',
      'changes[0].volumes.devices.n-1',
      'changes[0].volumes.printers',
    ]);
  });

  it('lets a later change refer to a consumer an earlier change added', () => {
    const { applied } = applyScenarioChanges(
      threeMunicipalityModel(),
      changesDoc('D och mer', [
        D_JOINS,
        { type: 'set-volume', driver: 'users', consumer: 'd-ks', value: '120.5' },
      ]),
      documentFundingSource,
    );
    expect(applied.document.volumes.users['d-ks']).toBe('120.5');
    expect(applied.model.consumers.map((c) => c.id)).toEqual(['a-ks', 'a-skola', 'b-ks', 'c-ks', 'd-ks']);
  });

  it('needs consumer or municipality for a switch, never both, and a real change of mode', () => {
    expect(
      paths(
        changesDoc('Byte', [
          { type: 'switch-funding', from: 'appropriation', to: 'internal-charge' },
          {
            type: 'switch-funding',
            consumer: 'a-ks',
            municipality: 'kommun-a',
            from: 'appropriation',
            to: 'internal-charge',
          },
          { type: 'switch-funding', consumer: 'a-ks', from: 'appropriation', to: 'appropriation' },
          { type: 'switch-funding', consumer: 'a-ks', from: 'external-invoice', to: 'internal-charge' },
          { type: 'switch-funding', municipality: 'kommun-b', from: 'appropriation', to: 'internal-charge' },
        ]),
      ),
    ).toEqual(['changes[0]', 'changes[1]', 'changes[2].to', 'changes[3].from', 'changes[4].municipality']);
  });

  it('rejects an invalid base with the cost model’s own problems', () => {
    const base = { ...threeMunicipalityModel(), currency: 'EUR' };
    expect(problemsOf(changesDoc('X', []), base).map((p) => p.path)).toEqual(['currency']);
  });
});

describe('scale-volume rounding', () => {
  it('rounds half-up to the volume’s own decimals, at least two', () => {
    const { applied } = applyScenarioChanges(
      {
        ...threeMunicipalityModel(),
        volumes: {
          devices: { 'a-ks': 600, 'a-skola': '12.5', 'b-ks': '0.125', 'c-ks': 7 },
          users: { 'a-ks': 1 },
        },
      },
      changesDoc('Skala', [
        { type: 'scale-volume', driver: 'devices', consumer: 'a-ks', factor: '1.10' },
        { type: 'scale-volume', driver: 'devices', consumer: 'a-skola', factor: '1.333' },
        { type: 'scale-volume', driver: 'devices', consumer: 'b-ks', factor: 2 },
        { type: 'scale-volume', driver: 'devices', consumer: 'c-ks', factor: '0.3333' },
      ]),
      documentFundingSource,
    );
    // 600 × 1.10 = 660; 12.5 × 1.333 = 16.6625 → 16.66; 0.125 × 2 = 0.25; 7 × 0.3333 = 2.3331 → 2.33
    expect(applied.document.volumes.devices).toEqual({
      'a-ks': '660',
      'a-skola': '16.66',
      'b-ks': '0.25',
      'c-ks': '2.33',
    });
  });

  it('scales every consumer of a municipality and leaves the others', () => {
    const { applied } = applyScenarioChanges(
      threeMunicipalityModel(),
      changesDoc('A växer', [
        { type: 'scale-volume', driver: 'users', municipality: 'kommun-a', factor: '1.2' },
      ]),
      documentFundingSource,
    );
    expect(applied.document.volumes.users).toEqual({
      'a-ks': '180',
      'a-skola': '180',
      'b-ks': 100,
      'c-ks': 200,
    });
  });
});
