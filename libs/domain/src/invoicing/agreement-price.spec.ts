import { Money } from '../money/money';
import { periodOf } from './period';
import { AgreementPrice, agreementFeeOfPeriod, agreementYearlyAmount } from './agreement-price';

const fee = (yearly: string, indexation: Record<string, string> = {}): AgreementPrice => ({
  priceModel: 'fixed-yearly',
  yearlyFee: Money.parse(yearly),
  unitPrice: null,
  volume: null,
  indexation,
});

describe('pricing a line from its agreement (DOMAIN.md 4)', () => {
  it('a fixed yearly fee by quarter: 480 000.00 / 4 = 120 000.00', () => {
    const line = agreementFeeOfPeriod(fee('480000.00'), periodOf('quarter', 2025, 1));
    expect([line.quantity, line.unitPrice.toString(), line.net.toString()]).toEqual([
      '1',
      '120000.00',
      '120000.00',
    ]);
  });

  it('unit price × volume: 35 × 4 200.00 = 147 000.00 a year, 36 750.00 a quarter', () => {
    const a: AgreementPrice = {
      priceModel: 'unit-price',
      yearlyFee: null,
      unitPrice: Money.parse('4200.00'),
      volume: '35',
      indexation: {},
    };
    expect(agreementYearlyAmount(a, 2025).toString()).toBe('147000.00');
    expect(agreementFeeOfPeriod(a, periodOf('quarter', 2025, 4)).net.toString()).toBe('36750.00');
  });

  it('indexation carries into later years, each year half-up to öre', () => {
    const a = fee('480000.00', { '2026': '3.5', '2027': '2' });
    expect(agreementYearlyAmount(a, 2025).toString()).toBe('480000.00');
    expect(agreementYearlyAmount(a, 2026).toString()).toBe('496800.00'); // 480 000 × 1.035
    expect(agreementYearlyAmount(a, 2027).toString()).toBe('506736.00'); // 496 800 × 1.02
    // 1 000.01 × 1.035 = 1 035.01035 → 1 035.01; by month 103 501 öre = 12 × 8 625 + 1: January takes the öre.
    const small = fee('1000.01', { '2026': '3.5' });
    expect(agreementYearlyAmount(small, 2026).toString()).toBe('1035.01');
    expect(agreementFeeOfPeriod(small, periodOf('month', 2026, 5)).net.toString()).toBe('86.25');
    expect(agreementFeeOfPeriod(small, periodOf('month', 2026, 1)).net.toString()).toBe('86.26');
  });

  it('an hourly agreement has no fee: it is billed by reported hours', () => {
    const a: AgreementPrice = {
      priceModel: 'hourly',
      yearlyFee: null,
      unitPrice: null,
      volume: null,
      indexation: {},
    };
    expect(agreementYearlyAmount(a, 2025).isZero()).toBe(true);
  });
});
