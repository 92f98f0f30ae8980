import fc from 'fast-check';
import { isValidBankgiro, isValidOrgNo, isValidSwedishVatNo, luhnValid, vatNoOf } from '@it-samverkan/domain';
import {
  ALL_SAMPLE_ORG_NOS,
  ULRICEHAMN_BANKGIRO,
  sampleEnergi,
  sampleLonenamnd,
  sampleSeller,
  sampleTranemo,
} from '../../../test/factories/invoice-files';
import { bankgiroDigits, luhnCheckDigit, orgNoDigits } from './identifiers';

describe('check digits of the sample’s identifiers', () => {
  it('Ulricehamn 212000-1561: weights 2,1,2,… give 4+1+4+0+0+0+2+5+3 = 19, check digit 1', () => {
    expect(luhnCheckDigit('212000156')).toBe(1);
    expect(isValidOrgNo('212000-1561')).toBe(true);
  });

  it('every org no the sample invents has a valid check digit', () => {
    expect(ALL_SAMPLE_ORG_NOS).toEqual(['212000-1561', '212000-1538', '556417-4521', '212000-1496']);
    for (const orgNo of ALL_SAMPLE_ORG_NOS) expect(isValidOrgNo(orgNo)).toBe(true);
    // Tranemo 212000153: 4+1+4+0+0+0+2+5+6 = 22 → 8; Energi 556417452: 1+5+3+4+2+7+8+5+4 = 39 → 1;
    // the payroll committee's host 212000149: 4+1+4+0+0+0+2+4+9 = 24 → 6.
    expect(['212000153', '556417452', '212000149'].map(luhnCheckDigit)).toEqual([8, 1, 6]);
  });

  it('every VAT number of the sample is SE + its org no + 01, and the Bankgiro number is valid', () => {
    for (const party of [sampleSeller(), sampleTranemo(), sampleEnergi(), sampleLonenamnd()]) {
      expect(party.vatNo).toBe(vatNoOf(party.orgNo));
      expect(isValidSwedishVatNo(party.vatNo as string)).toBe(true);
    }
    expect(luhnCheckDigit('591234')).toBe(0);
    expect(isValidBankgiro(ULRICEHAMN_BANKGIRO)).toBe(true);
  });

  it('a check digit computed here always validates, and a changed digit never does (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{9}$/),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (body, position, delta) => {
          const valid = body + luhnCheckDigit(body);
          const changed =
            valid.slice(0, position) + ((Number(valid[position]) + delta) % 10) + valid.slice(position + 1);
          return luhnValid(valid) && !luhnValid(changed);
        },
      ),
    );
  });
});

describe('digits as the file formats write them', () => {
  it('org no: 10 digits, with or without the hyphen after the sixth', () => {
    expect(orgNoDigits('212000-1561')).toBe('2120001561');
    expect(orgNoDigits('2120001561')).toBe('2120001561');
    for (const bad of ['2120001-561', '212000-156', '21200O-1561', '']) expect(orgNoDigits(bad)).toBeNull();
  });

  it('Bankgiro: 7 or 8 digits, hyphen before the last four', () => {
    expect(bankgiroDigits('591-2340')).toBe('5912340');
    expect(bankgiroDigits('5050-1055')).toBe('50501055');
    for (const bad of ['59-12340', '12345-6789', '591 2340']) expect(bankgiroDigits(bad)).toBeNull();
  });
});
