/**
 * The demo on-call tariff (the document of DOMAIN.md 6.1, in force from 2025-01-01) and incidents
 * in 2025-01..2025-03 for demo consumers. They include the worked examples of DOMAIN.md 6.3
 * (the midsommarafton one is in June, as in 6.3) and the spring-forward night of 2025-03-30.
 * Times are local (Europe/Stockholm); the expected amount is noted for each.
 */
export const DEMO_ON_CALL_TARIFF = {
  format: 'it-samverkan/on-call-tariff@1',
  validFrom: '2025-01-01',
  timezone: 'Europe/Stockholm',
  supportHours: {
    mon: ['07:30', '16:30'],
    tue: ['07:30', '16:30'],
    wed: ['07:30', '16:30'],
    thu: ['07:30', '16:30'],
    fri: ['07:30', '16:30'],
  },
  extraClosedDays: [],
  nightHours: ['22:00', '06:00'],
  rates: { evening: '900.00', night: '1200.00', weekend: '1200.00', holiday: '1800.00' },
  calloutFee: '500.00',
  roundUpMinutes: 30,
  minimumMinutes: 60,
};

export const DEMO_ON_CALL_INCIDENTS = [
  // Saturday: weekend 75 → 90 min: 1 800.00 + 500.00 = 2 300.00
  {
    id: 'BER-2025-0001',
    start: '2025-01-04 10:00',
    end: '2025-01-04 11:15',
    consumer: 'tra-oms',
    system: 'Verksamhetssystem omsorg',
    description: 'Personalen kan inte logga in',
  },
  // Trettondedag jul (Monday): holiday 60 min: 1 800.00 + 500.00 = 2 300.00
  {
    id: 'BER-2025-0002',
    start: '2025-01-06 08:00',
    end: '2025-01-06 09:00',
    consumer: 'lonenamnd',
    system: 'Lönesystem',
    description: 'Lönekörning stoppad',
  },
  // Wednesday evening: evening 70 → 90 min: 1 350.00 + 500.00 = 1 850.00
  {
    id: 'BER-2025-0003',
    start: '2025-02-12 19:00',
    end: '2025-02-12 20:10',
    consumer: 'bolag-ue',
    system: 'Driftövervakning',
    description: 'Larm från fjärrvärmens styrsystem',
  },
  // Saturday night into Sunday: weekend 90 min: 1 800.00 + 500.00 = 2 300.00
  {
    id: 'BER-2025-0004',
    start: '2025-02-22 23:30',
    end: '2025-02-23 01:00',
    consumer: 'ulr-bou',
    system: 'Elevnätverk',
    description: 'Nätverket nere på gymnasiet',
  },
  // DOMAIN.md 6.3: evening 20 → 30, minimum 60: 900.00 + 500.00 = 1 400.00
  {
    id: 'BER-2025-0005',
    start: '2025-03-11 16:00',
    end: '2025-03-11 16:50',
    consumer: 'ulr-bou',
    system: 'Skolplattform',
    description: 'Schemat visas inte',
  },
  // DOMAIN.md 6.3: support hours only: 0.00, not billed
  {
    id: 'BER-2025-0006',
    start: '2025-03-12 09:00',
    end: '2025-03-12 10:00',
    consumer: 'lonenamnd',
    system: 'Lönesystem',
    description: 'Fråga om behörighet',
  },
  // DOMAIN.md 6.3: evening 30, night 120, weekend 30: 450 + 2 400 + 600 + 500 = 3 950.00
  {
    id: 'BER-2025-0007',
    start: '2025-03-14 21:40',
    end: '2025-03-15 00:20',
    consumer: 'tra-oms',
    system: 'Trygghetslarm',
    description: 'Larmmottagningen når inte larmen',
  },
  // Summer time begins: 01:30–03:30 is 60 real minutes, Sunday: weekend 60: 1 200.00 + 500.00 = 1 700.00
  {
    id: 'BER-2025-0008',
    start: '2025-03-30 01:30',
    end: '2025-03-30 03:30',
    consumer: 'bolag-ue',
    system: 'Driftövervakning',
    description: 'Tidssynkronisering fel efter sommartid',
  },
  // DOMAIN.md 6.3, midsommarafton: holiday 130 → 150 min: 4 500.00 + 500.00 = 5 000.00
  {
    id: 'BER-2025-0009',
    start: '2025-06-20 15:00',
    end: '2025-06-20 17:10',
    consumer: 'ulr-bou',
    system: 'Passersystem',
    description: 'Dörrarna till skolan går inte att låsa',
  },
];
