/** The demo's agreements: the cooperation agreement (since 2023) and the separate agreements with bolag and lönenämnd. */
export const DEMO_COOPERATION = {
  name: 'Samverkansavtal IT Ulricehamn–Tranemo',
  hostId: 'ulricehamn',
  parties: [
    {
      municipalityId: 'ulricehamn',
      role: 'host' as const,
      frequency: 'quarter' as const,
      itUnitId: 'ulr-it',
      hourlyRate: '950.00',
    },
    {
      municipalityId: 'tranemo',
      role: 'partner' as const,
      buyerReference: 'IT-samverkan 1000',
      vatRate: '25',
      frequency: 'quarter' as const,
      paymentTermsDays: 30,
      hourlyRate: '950.00',
    },
  ],
  validFrom: '2023-01-01',
  noticeMonths: 12,
  costPrinciple:
    'Kostnaderna fördelas enligt den av IT-styrgruppen godkända tjänstefieringsmodellen för respektive år',
};

export const DEMO_SERVICE_AGREEMENTS = [
  {
    name: 'IT-tjänster Ulricehamns Energi AB 2025',
    partyKind: 'company' as const,
    partyId: 'bolag-ue',
    services: ['arbetsplats', 'servicedesk'],
    priceModel: 'fixed-yearly' as const,
    yearlyFee: '480000.00',
    frequency: 'quarter' as const,
    vatRate: '25',
    buyerReference: 'UE-4711',
    paymentTermsDays: 30,
    validFrom: '2025-01-01',
    indexation: {},
  },
  {
    name: 'IT-tjänster Lönenämnden 2025',
    partyKind: 'joint-committee' as const,
    partyId: 'lonenamnd',
    services: ['arbetsplats'],
    priceModel: 'unit-price' as const,
    unitPrice: '4200.00',
    volume: '35',
    frequency: 'quarter' as const,
    vatRate: '25',
    buyerReference: 'Lönenämnden LN-200',
    paymentTermsDays: 30,
    validFrom: '2025-01-01',
    indexation: {},
  },
];
