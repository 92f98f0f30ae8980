/** The split result document of DOMAIN.md 5.4 for the model of 5.1, written out in full with the figures of 5.3. */
export const EXAMPLE_SPLIT_RESULT = {
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
};
