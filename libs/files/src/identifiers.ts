import { luhnValid } from '@it-samverkan/domain';

/**
 * What the file writers need beyond the domain's identifier checks (isValidOrgNo,
 * isValidSwedishVatNo, isValidBankgiro, luhnValid in @it-samverkan/domain): the digits as the
 * formats write them, and the check digit itself, for building sample data.
 */

/** The Luhn check digit to append to a string of digits. */
export function luhnCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new RangeError(`Inte bara siffror: "${digits}"`);
  for (let d = 0; d <= 9; d++) if (luhnValid(`${digits}${d}`)) return d;
  throw new RangeError('Ingen kontrollsiffra'); // unreachable: one digit in ten always fits
}

/** The 10 digits of an org no written 'NNNNNN-NNNN' or 'NNNNNNNNNN', or null. */
export function orgNoDigits(value: string): string | null {
  const m = /^(\d{6})-?(\d{4})$/.exec(typeof value === 'string' ? value.trim() : '');
  return m ? m[1] + m[2] : null;
}

/** The 7 or 8 digits of a Bankgiro number written 'NNN-NNNN', 'NNNN-NNNN' or without hyphen, or null. */
export function bankgiroDigits(value: string): string | null {
  const m = /^(\d{3,4})-?(\d{4})$/.exec(typeof value === 'string' ? value.trim() : '');
  return m ? m[1] + m[2] : null;
}
