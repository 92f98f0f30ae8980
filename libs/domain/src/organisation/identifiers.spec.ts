import { isValidBankgiro, isValidOrgNo, isValidSwedishVatNo, peppolIdOf, vatNoOf } from './identifiers';

describe('Swedish identifiers', () => {
  it('accepts organisation numbers with a correct check digit', () => {
    expect(isValidOrgNo('212000-1561')).toBe(true); // Ulricehamns kommun (DOMAIN.md 3)
    expect(isValidOrgNo('2120001561')).toBe(true);
    expect(isValidOrgNo('212000-1562')).toBe(false);
    expect(isValidOrgNo('212000-156')).toBe(false);
  });
  it('derives VAT number and Peppol id', () => {
    expect(vatNoOf('212000-1561')).toBe('SE212000156101');
    expect(isValidSwedishVatNo('SE212000156101')).toBe(true);
    expect(isValidSwedishVatNo('SE212000156201')).toBe(false);
    expect(peppolIdOf('212000-1561')).toBe('0007:2120001561');
  });
  it('checks Bankgiro numbers', () => {
    expect(isValidBankgiro('5050-1055')).toBe(true);
    expect(isValidBankgiro('5050-1056')).toBe(false);
  });
});
