import fc from 'fast-check';
import { bookingDate, creditNotePeriod } from './booking-date';
import { invoiceDateProblems } from './invoice-date';
import { formatInvoiceNumber, invoicePrefixOf } from './invoice-number';
import { addDays, parsePeriod, periodOf } from './period';

describe('booking date (DOMAIN.md 7 "Dates"): a whole year billed quarterly, Q4 in arrears', () => {
  it('books each document on its invoice date when that lies in the period’s fiscal year', () => {
    // Q1 issued 2025-04-02, Q2 2025-07-03, Q3 2025-10-02: all in 2025 → the invoice date itself.
    expect(bookingDate({ invoiceDate: '2025-04-02', period: parsePeriod('2025-Q1') })).toBe('2025-04-02');
    expect(bookingDate({ invoiceDate: '2025-07-03', period: parsePeriod('2025-Q2') })).toBe('2025-07-03');
    expect(bookingDate({ invoiceDate: '2025-10-02', period: parsePeriod('2025-Q3') })).toBe('2025-10-02');
  });

  it('books Q4 issued on 2026-01-12 on the last day of Q4, in 2025', () => {
    expect(bookingDate({ invoiceDate: '2026-01-12', period: parsePeriod('2025-Q4') })).toBe('2025-12-31');
    // December billed monthly in arrears, a tertial and a year likewise.
    expect(bookingDate({ invoiceDate: '2026-01-05', period: parsePeriod('2025-12') })).toBe('2025-12-31');
    expect(bookingDate({ invoiceDate: '2026-02-01', period: parsePeriod('2025-T3') })).toBe('2025-12-31');
    expect(bookingDate({ invoiceDate: '2026-01-20', period: parsePeriod('2025') })).toBe('2025-12-31');
    // February of a leap year ends on the 29th.
    expect(bookingDate({ invoiceDate: '2025-01-03', period: parsePeriod('2024-02') })).toBe('2024-02-29');
  });

  it('books a period billed in advance on the period’s last day, never in the year before', () => {
    expect(bookingDate({ invoiceDate: '2025-12-15', period: parsePeriod('2026-Q1') })).toBe('2026-03-31');
  });

  it('a credit note issued in March 2026 for a 2025-Q1 invoice belongs to 2026-03 and books on its own date', () => {
    const period = creditNotePeriod('2026-03-10');
    expect(period.key).toBe('2026-03');
    expect(bookingDate({ invoiceDate: '2026-03-10', period })).toBe('2026-03-10');
  });

  it('property: the booking date lies in the period’s year, and equals the invoice date whenever it can', () => {
    const kinds = ['month', 'quarter', 'tertial', 'year'] as const;
    const perYear = { month: 12, quarter: 4, tertial: 3, year: 1 };
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -800, max: 800 }),
        (kind, year, index, offset) => {
          const period = periodOf(kind, year, ((index - 1) % perYear[kind]) + 1);
          const invoiceDate = addDays(period.lastDay, offset);
          const booked = bookingDate({ invoiceDate, period });
          expect(booked.slice(0, 4)).toBe(String(year));
          if (invoiceDate.startsWith(String(year))) expect(booked).toBe(invoiceDate);
          else expect(booked).toBe(period.lastDay);
        },
      ),
    );
  });
});

describe('invoice date given when issuing', () => {
  const last = { number: 'ULR-2026-00003', invoiceDate: '2026-01-12' };
  it('accepts a date on or after the last issued document of the series, up to today', () => {
    expect(
      invoiceDateProblems({ invoiceDate: '2026-01-12', today: '2026-01-20', lastInSeries: last }),
    ).toEqual([]);
    expect(
      invoiceDateProblems({ invoiceDate: '2026-01-20', today: '2026-01-20', lastInSeries: null }),
    ).toEqual([]);
  });
  it('refuses an earlier date than the series’ last, a future date and a non-date, naming the field', () => {
    expect(
      invoiceDateProblems({ invoiceDate: '2026-01-11', today: '2026-01-20', lastInSeries: last }),
    ).toEqual([
      {
        path: 'invoiceDate',
        message:
          'Fakturadatum 2026-01-11 är tidigare än senast utfärdade ULR-2026-00003 (2026-01-12) i samma nummerserie',
      },
    ]);
    expect(
      invoiceDateProblems({ invoiceDate: '2026-01-21', today: '2026-01-20', lastInSeries: null })[0].message,
    ).toBe('Fakturadatum 2026-01-21 ligger efter dagens datum 2026-01-20');
    expect(
      invoiceDateProblems({ invoiceDate: '2026-02-30', today: '2026-03-20', lastInSeries: null }),
    ).toHaveLength(1);
  });
});

describe('invoice numbers: one series per issuer', () => {
  it('prefixes the configured or derived issuer code', () => {
    expect(formatInvoiceNumber(invoicePrefixOf({ id: 'ulricehamn' }), 2025, 17)).toBe('ULR-2025-00017');
    expect(formatInvoiceNumber(invoicePrefixOf({ id: 'tranemo', invoicePrefix: 'tra' }), 2026, 1)).toBe(
      'TRA-2026-00001',
    );
    expect(invoicePrefixOf({ id: 'mark', invoicePrefix: ' MRK ' })).toBe('MRK');
  });
});
