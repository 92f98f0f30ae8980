import { OnCallTariff, validateOnCallTariff } from './on-call-tariff';

/** The tariff document of DOMAIN.md 6.1, for specs and the benchmark. */
export function exampleTariffDocument(): Record<string, unknown> {
  const weekday = ['07:30', '16:30'];
  return {
    format: 'it-samverkan/on-call-tariff@1',
    validFrom: '2025-01-01',
    timezone: 'Europe/Stockholm',
    supportHours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
    extraClosedDays: [],
    nightHours: ['22:00', '06:00'],
    rates: { evening: '900.00', night: '1200.00', weekend: '1200.00', holiday: '1800.00' },
    calloutFee: '500.00',
    roundUpMinutes: 30,
    minimumMinutes: 60,
  };
}

/** The DOMAIN.md 6.1 tariff, validated, with fields overridden. */
export function exampleTariff(overrides: Record<string, unknown> = {}): OnCallTariff {
  return validateOnCallTariff({ ...exampleTariffDocument(), ...overrides });
}
