import type { ModelDocument } from '../api/types';
import {
  allocationFor,
  removeConsumer,
  removeService,
  renameConsumer,
  renameDriver,
  renameService,
  servicesUsing,
} from './draft-document';

/** One service of each way of spreading, so every edit meets every shape of `allocate`. */
function document(): ModelDocument {
  return {
    format: 'it-samverkan/cost-model@1',
    name: 'Budget 2025',
    year: 2025,
    currency: 'SEK',
    consumers: [
      { id: 'ulr-ks', name: 'KS', municipality: 'ulricehamn' },
      { id: 'tra-oms', name: 'Omsorg', municipality: 'tranemo' },
    ],
    drivers: [{ id: 'anvandare', name: 'Användare', unit: 'st' }],
    pools: [{ id: 'personal', name: 'Personal', amount: 1000, to: { ledning: 1, servicedesk: '2' } }],
    services: [
      { id: 'ledning', name: 'Ledning', allocate: { method: 'weights', to: { servicedesk: 1, natverk: 3 } } },
      { id: 'drift', name: 'Drift', allocate: { method: 'proportional', to: ['servicedesk', 'natverk'] } },
      { id: 'servicedesk', name: 'Servicedesk', allocate: { method: 'driver', driver: 'anvandare' } },
      {
        id: 'natverk',
        name: 'Nätverk',
        allocate: { method: 'consumer-weights', to: { 'ulr-ks': 1, 'tra-oms': '1' } },
      },
    ],
    volumes: { anvandare: { 'ulr-ks': 120, 'tra-oms': '80' } },
  };
}

describe("the draft editor's edits keep the document's references whole", () => {
  it('renames a service in the pools, in weights and in a proportional list, not in consumer weights', () => {
    const d = document();
    renameService(d, 'servicedesk', 'support');
    expect(d.pools[0].to).toEqual({ ledning: 1, support: '2' });
    expect(d.services.map((s) => s.allocate)).toEqual([
      { method: 'weights', to: { support: 1, natverk: 3 } },
      { method: 'proportional', to: ['support', 'natverk'] },
      { method: 'driver', driver: 'anvandare' },
      { method: 'consumer-weights', to: { 'ulr-ks': 1, 'tra-oms': '1' } },
    ]);
  });

  it('removes a service from the pools, weights and proportional lists', () => {
    const d = document();
    removeService(d, 3);
    expect(d.services.map((s) => s.id)).toEqual(['ledning', 'drift', 'servicedesk']);
    expect(d.services[0].allocate).toEqual({ method: 'weights', to: { servicedesk: 1 } });
    expect(d.services[1].allocate).toEqual({ method: 'proportional', to: ['servicedesk'] });
  });

  it('renames and removes a consumer in the volumes and the consumer weights only', () => {
    const d = document();
    renameConsumer(d, 'tra-oms', 'tra-soc');
    expect(d.volumes).toEqual({ anvandare: { 'ulr-ks': 120, 'tra-soc': '80' } });
    expect(d.services[3].allocate).toEqual({
      method: 'consumer-weights',
      to: { 'ulr-ks': 1, 'tra-soc': '1' },
    });
    removeConsumer(d, 0);
    expect(d.consumers.map((c) => c.id)).toEqual(['tra-oms']);
    expect(d.volumes).toEqual({ anvandare: { 'tra-soc': '80' } });
    expect(d.services[3].allocate).toEqual({ method: 'consumer-weights', to: { 'tra-soc': '1' } });
    expect(d.services[0].allocate).toEqual({ method: 'weights', to: { servicedesk: 1, natverk: 3 } });
  });

  it('renames a driver in its volumes and in the services it spreads', () => {
    const d = document();
    renameDriver(d, 'anvandare', 'konton');
    expect(d.volumes).toEqual({ konton: { 'ulr-ks': 120, 'tra-oms': '80' } });
    expect(servicesUsing(d, 'konton').map((s) => s.id)).toEqual(['servicedesk']);
    expect(servicesUsing(d, 'anvandare')).toEqual([]);
  });

  it('starts a new way of spreading empty, a driver at the first one', () => {
    const d = document();
    expect(allocationFor('driver', d)).toEqual({ method: 'driver', driver: 'anvandare' });
    expect(allocationFor('proportional', d)).toEqual({ method: 'proportional', to: [] });
    expect(allocationFor('consumer-weights', d)).toEqual({ method: 'consumer-weights', to: {} });
  });
});
