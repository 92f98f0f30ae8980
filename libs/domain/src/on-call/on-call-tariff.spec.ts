import { DomainError, ValidationError } from '../errors';
import { selectTariff, validateOnCallTariff } from './on-call-tariff';
import { exampleTariff, exampleTariffDocument } from './on-call-tariff.fixture';

function problemsOf(doc: unknown) {
  try {
    validateOnCallTariff(doc);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).details;
  }
  throw new Error('accepted');
}

describe('validateOnCallTariff (DOMAIN.md 6.1)', () => {
  it('accepts the document of 6.1 and gives it back as JSON', () => {
    const tariff = exampleTariff();
    expect(tariff.rates.holiday.toString()).toBe('1800.00');
    expect(tariff.calloutFee.toString()).toBe('500.00');
    expect(Object.isFrozen(tariff)).toBe(true);
    expect(JSON.parse(JSON.stringify(tariff))).toEqual(exampleTariffDocument());
  });

  it('lists every problem with its path', () => {
    const doc = {
      ...exampleTariffDocument(),
      format: 'it-samverkan/on-call-tariff@2',
      validFrom: '2025-02-29',
      timezone: 'Stockholm',
      supportHours: { mon: ['07:30', '25:00'], sun: ['10:00', '12:00'] },
      extraClosedDays: ['igår'],
      nightHours: ['22:00', '22:00'],
      rates: { evening: '900,00', night: '-1.00', weekend: '1200.00', holday: '1800.00' },
      calloutFee: 500.001,
      roundUpMinutes: 0,
      minimumMinutes: 1.5,
      colour: 'blue',
    };
    expect(problemsOf(doc).map((p) => p.path)).toEqual([
      'colour',
      'format',
      'validFrom',
      'timezone',
      'supportHours.mon[1]',
      'supportHours.sun',
      'extraClosedDays[0]',
      'nightHours',
      'rates.holday',
      'rates.evening',
      'rates.night',
      'rates.holiday',
      'calloutFee',
      'roundUpMinutes',
      'minimumMinutes',
    ]);
  });

  it('says in Swedish what is wrong', () => {
    const problems = problemsOf({
      ...exampleTariffDocument(),
      rates: { ...(exampleTariffDocument().rates as object), night: '-1.00' },
    });
    expect(problems).toEqual([{ path: 'rates.night', message: 'Beloppet får inte vara negativt (-1.00)' }]);
  });

  it('rejects what is not an object', () => {
    expect(problemsOf(null)).toEqual([{ path: '', message: 'Beredskapstaxan måste vara ett JSON-objekt' }]);
  });
});

describe('selectTariff (DOMAIN.md 6.2 rule 7)', () => {
  const t2025 = exampleTariff();
  const t2026 = exampleTariff({ validFrom: '2026-01-01', calloutFee: '600.00' });

  it('takes the tariff in force on the local start date', () => {
    expect(selectTariff([t2026, t2025], new Date('2025-12-31T22:30:00Z'))).toBe(t2025);
    // 23:30Z on 31 December is 00:30 on 1 January in Stockholm.
    expect(selectTariff([t2025, t2026], new Date('2025-12-31T23:30:00Z'))).toBe(t2026);
  });

  it('fails clearly when no tariff is in force', () => {
    expect(() => selectTariff([t2025, t2026], new Date('2024-12-31T12:00:00Z'))).toThrow(
      new DomainError(
        'ON_CALL_TARIFF_MISSING',
        'Ingen beredskapstaxa gäller 2024-12-31: den tidigaste gäller från 2025-01-01',
      ),
    );
    expect(() => selectTariff([], new Date('2025-06-01T12:00:00Z'))).toThrow(
      'Det finns ingen beredskapstaxa',
    );
  });

  it('refuses two tariffs from the same date', () => {
    let error: unknown;
    try {
      selectTariff([t2025, exampleTariff()], new Date('2025-06-01T12:00:00Z'));
    } catch (e) {
      error = e;
    }
    expect((error as DomainError).code).toBe('ON_CALL_TARIFF_AMBIGUOUS');
  });
});
