import {
  cloneDocument,
  consumerEntry,
  costModelDoc,
  driverEntry,
  exampleModel,
  poolEntry,
  serviceEntry,
} from '../../../../test/factories/cost-model';
import { Problem, ValidationError } from '../errors';
import { validateCostModel } from '.';

/** The problems a document is rejected with (fails the spec if it is accepted). */
function problemsOf(doc: unknown): Problem[] {
  try {
    validateCostModel(doc);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).code).toBe('VALIDATION_FAILED');
    return (e as ValidationError).details;
  }
  throw new Error('the document was accepted');
}
const pathsOf = (doc: unknown) => problemsOf(doc).map((p) => p.path);
const example = () => cloneDocument(exampleModel());

describe('cost model validation (DOMAIN.md 5.1): every rule, with its path', () => {
  it('accepts the example and returns typed values in model order', () => {
    const model = validateCostModel(example());
    expect(model.pools[0].amount.toString()).toBe('1000000.00');
    expect(model.pools[0].to.map((t) => `${t.serviceId}:${t.weight.value.toString()}`)).toEqual([
      'ledning:10',
      'arbetsplats:50',
      'servicedesk:40',
    ]);
    expect(model.drivers[0].totalVolume.toString()).toBe('1000');
    expect(model.reciprocalGroups).toEqual([]);
  });

  it('rejects something that is not an object', () => {
    expect(problemsOf('nej')).toEqual([{ path: '', message: 'Kostnadsmodellen måste vara ett JSON-objekt' }]);
  });

  it('checks format, name, year and currency', () => {
    const doc: any = example();
    doc.format = 'it-samverkan/cost-model@2';
    doc.name = ' ';
    doc.year = 2025.5;
    doc.currency = 'EUR';
    expect(pathsOf(doc)).toEqual(['format', 'name', 'year', 'currency']);
  });

  it('rejects missing sections and entries that are not objects', () => {
    const doc: any = example();
    delete doc.drivers;
    doc.consumers.push('x');
    const paths = pathsOf(doc);
    expect(paths).toContain('drivers');
    expect(paths).toContain('consumers[3]');
  });

  it('rejects duplicate ids in each namespace', () => {
    const doc = example();
    doc.consumers.push(consumerEntry('tra-oms', 'tranemo'));
    doc.drivers.push(driverEntry('users'));
    doc.pools.push(poolEntry('lokaler', '0', {}));
    doc.services.push(serviceEntry('servicedesk', { method: 'weights', to: {} }));
    expect(problemsOf(doc)).toEqual([
      { path: 'consumers[3].id', message: "Id 'tra-oms' finns redan (consumers[1])" },
      { path: 'drivers[2].id', message: "Id 'users' finns redan (drivers[1])" },
      { path: 'pools[3].id', message: "Id 'lokaler' finns redan (pools[2])" },
      { path: 'services[3].id', message: "Id 'servicedesk' finns redan (services[2])" },
    ]);
  });

  it('rejects unknown ids wherever they are referenced', () => {
    const doc: any = example();
    doc.pools[1].to = { arbetsplatser: 1 };
    doc.services[0].allocate.to = ['arbetsplats', 'natverk'];
    doc.services[2].allocate.driver = 'anvandare';
    doc.volumes.devices['ulr-bus'] = 3;
    doc.volumes.licenses = { 'ulr-ks': 1 };
    expect(problemsOf(doc)).toEqual([
      {
        path: 'pools[1].to.arbetsplatser',
        message: "Poolen 'licenser' fördelar till 'arbetsplatser' som inte finns bland tjänsterna",
      },
      { path: 'pools[1].to', message: "Poolen 'licenser' har ett belopp men ingen tjänst med positiv vikt" },
      {
        path: 'services[0].allocate.to[1]',
        message: "Tjänsten 'ledning' fördelar till 'natverk' som inte finns bland tjänsterna",
      },
      {
        path: 'services[2].allocate.driver',
        message: "Tjänsten 'servicedesk' använder fördelningsnyckeln 'anvandare' som inte finns",
      },
      { path: 'volumes.devices.ulr-bus', message: "Okänd förbrukare 'ulr-bus'" },
      { path: 'volumes.licenses', message: "Okänd fördelningsnyckel 'licenses'" },
    ]);
  });

  it('rejects unknown consumers in consumer-weights', () => {
    const doc = example();
    doc.services[2].allocate = { method: 'consumer-weights', to: { 'ulr-ks': 1, 'mark-ks': 1 } };
    expect(problemsOf(doc)).toEqual([
      {
        path: 'services[2].allocate.to.mark-ks',
        message: "Tjänsten 'servicedesk' fördelar till förbrukaren 'mark-ks' som inte finns",
      },
    ]);
  });

  it('rejects a backward reference, and so any cycle, and a service naming itself', () => {
    const doc = example();
    doc.services[1].allocate = { method: 'weights', to: { ledning: 1, servicedesk: 1 } };
    doc.services[2].allocate = { method: 'weights', to: { servicedesk: 1 } };
    expect(problemsOf(doc)).toEqual([
      {
        path: 'services[1].allocate.to.ledning',
        message: "Tjänsten 'arbetsplats' fördelar till 'ledning' som inte finns listad efter den",
      },
      {
        path: 'services[2].allocate.to.servicedesk',
        message: "Tjänsten 'servicedesk' kan inte fördela till sig själv",
      },
      {
        path: 'services[2].allocate.to',
        message: "Tjänsten 'servicedesk' bär kostnad men har ingen mottagare med positiv vikt",
      },
    ]);
  });

  it('rejects a reciprocal service naming an earlier service outside its group', () => {
    const doc = example();
    doc.services[2].allocate = { method: 'reciprocal', to: { arbetsplats: 1 } };
    expect(pathsOf(doc)).toContain('services[2].allocate.to.arbetsplats');
  });

  const group = () =>
    costModelDoc({
      consumers: [consumerEntry('k1')],
      pools: [poolEntry('p', '100.00', { a: 1, b: 1 })],
      services: [
        serviceEntry('a', { method: 'reciprocal', to: { b: 1, x: 1 } }),
        serviceEntry('b', { method: 'reciprocal', to: { a: 1, x: 1 } }),
        serviceEntry('x', { method: 'consumer-weights', to: { k1: 1 } }),
      ],
    });

  it('accepts a reciprocal group listed together that sends something out', () => {
    expect(validateCostModel(group()).reciprocalGroups).toEqual([{ members: ['a', 'b'], first: 0, last: 1 }]);
  });

  it('rejects a reciprocal group that is not listed contiguously', () => {
    const doc = group();
    doc.services.splice(1, 0, serviceEntry('mitt', { method: 'weights', to: { x: 1 } }));
    expect(problemsOf(doc)).toEqual([
      {
        path: 'services[1]',
        message:
          "Tjänsten 'mitt' står mellan medlemmarna i den ömsesidiga gruppen (a, b); gruppens tjänster måste stå i följd",
      },
    ]);
  });

  it('rejects a reciprocal group that sends nothing out of itself', () => {
    const doc = group();
    doc.services[0].allocate = { method: 'reciprocal', to: { b: 1, x: 0 } };
    doc.services[1].allocate = { method: 'reciprocal', to: { a: 1 } };
    expect(problemsOf(doc)).toEqual([
      {
        path: 'services[0].allocate.to',
        message: 'Den ömsesidiga gruppen (a, b) fördelar inget till tjänster utanför gruppen',
      },
    ]);
  });

  it('rejects a member that holds cost but cannot reach outside the group', () => {
    // a and c only pass cost between themselves; b is the only way out.
    const doc = costModelDoc({
      consumers: [consumerEntry('k1')],
      pools: [poolEntry('p', '100.00', { a: 1, b: 1 })],
      services: [
        serviceEntry('a', { method: 'reciprocal', to: { c: 1 } }),
        serviceEntry('b', { method: 'reciprocal', to: { a: 1, x: 1 } }),
        serviceEntry('c', { method: 'reciprocal', to: { a: 1, b: 0 } }),
        serviceEntry('x', { method: 'consumer-weights', to: { k1: 1 } }),
      ],
    });
    expect(pathsOf(doc)).toEqual(['services[0].allocate.to', 'services[2].allocate.to']);
  });

  it('rejects a service that holds cost but has no receiver of positive weight or volume', () => {
    const doc = example();
    doc.volumes.users = { 'ulr-ks': 0 };
    doc.services[0].allocate = { method: 'weights', to: { arbetsplats: 0, servicedesk: '0.00' } };
    expect(problemsOf(doc)).toEqual([
      {
        path: 'services[0].allocate.to',
        message: "Tjänsten 'ledning' bär kostnad men har ingen mottagare med positiv vikt",
      },
      {
        path: 'services[2].allocate.driver',
        message: "Tjänsten 'servicedesk' bär kostnad men fördelningsnyckeln 'users' har ingen positiv volym",
      },
    ]);
  });

  it('rejects proportional to services that hold nothing, and consumer-weights without positive weight', () => {
    const doc = costModelDoc({
      consumers: [consumerEntry('k1')],
      pools: [poolEntry('p', '100.00', { adm: 1, y: 1 })],
      services: [
        serviceEntry('adm', { method: 'proportional', to: ['x'] }),
        serviceEntry('x', { method: 'consumer-weights', to: { k1: 1 } }),
        serviceEntry('y', { method: 'consumer-weights', to: { k1: 0 } }),
      ],
    });
    expect(problemsOf(doc)).toEqual([
      {
        path: 'services[0].allocate.to',
        message: "Tjänsten 'adm' bär kostnad men ingen av mottagarna bär någon kostnad att fördela efter",
      },
      {
        path: 'services[2].allocate.to',
        message: "Tjänsten 'y' bär kostnad men har ingen förbrukare med positiv vikt",
      },
    ]);
  });

  it('accepts a service that holds nothing and has no receivers', () => {
    const doc = example();
    doc.services.push(serviceEntry('reserv', { method: 'weights', to: {} }));
    doc.pools.push(poolEntry('tom', '0.00', { reserv: 1 }));
    expect(validateCostModel(doc).services).toHaveLength(4);
  });

  it('rejects negative weights and volumes, and money with more than two decimals', () => {
    const doc: any = example();
    doc.pools[0].amount = '1000000.005';
    doc.pools[0].to.ledning = -10;
    doc.volumes.devices['tra-oms'] = '-300';
    doc.services[0] = serviceEntry('ledning', { method: 'weights', to: { arbetsplats: 1, servicedesk: -1 } });
    expect(pathsOf(doc)).toEqual([
      'pools[0].amount',
      'pools[0].to.ledning',
      'services[0].allocate.to.servicedesk',
      'volumes.devices.tra-oms',
    ]);
  });

  it('requires a municipality slug and names on every entry', () => {
    const doc: any = example();
    doc.consumers[0].municipality = '';
    doc.consumers[1].municipality = 'Tranemo kommun';
    doc.drivers[0].unit = '';
    doc.services[1].name = '';
    expect(pathsOf(doc)).toEqual([
      'consumers[0].municipality',
      'consumers[1].municipality',
      'drivers[0].unit',
      'services[1].name',
    ]);
  });

  it('lists all problems at once, never stopping at the first', () => {
    const doc: any = example();
    doc.currency = 'NOK';
    doc.consumers.push(consumerEntry('ulr-ks'));
    doc.pools[2].amount = '100000.001';
    doc.services[1].allocate = { method: 'weights', to: { ledning: 1 } };
    doc.volumes.users['tra-oms'] = -250;
    doc.services[2].allocate = { method: 'fördelning' };
    const paths = pathsOf(doc);
    expect(paths).toEqual([
      'currency',
      'consumers[3].id',
      'pools[2].amount',
      'services[1].allocate.to.ledning',
      'services[2].allocate.method',
      'volumes.users.tra-oms',
      'services[1].allocate.to',
    ]);
  });
});
