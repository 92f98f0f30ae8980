/** Luhn (mod 10) check over a string of digits, as used for Swedish organisation numbers and Bankgiro. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A Swedish organisation number: 10 digits (NNNNNN-NNNN) with a valid Luhn check digit. */
export function isValidOrgNo(value: string): boolean {
  const m = /^(\d{6})-?(\d{4})$/.exec(value);
  return m !== null && luhnValid(m[1] + m[2]);
}

/** The canonical form NNNNNN-NNNN of a valid organisation number. */
export function normaliseOrgNo(value: string): string {
  const digits = value.replace('-', '');
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** The Swedish VAT number of an organisation: SE + 10 digits + 01. */
export function vatNoOf(orgNo: string): string {
  return `SE${orgNo.replace('-', '')}01`;
}

export function isValidSwedishVatNo(value: string): boolean {
  const m = /^SE(\d{10})01$/.exec(value);
  return m !== null && luhnValid(m[1]);
}

/** The Peppol participant id of a Swedish organisation: 0007:<10 digits>. */
export function peppolIdOf(orgNo: string): string {
  return `0007:${orgNo.replace('-', '')}`;
}

/** A Bankgiro number: 7 or 8 digits (NNN-NNNN or NNNN-NNNN) with a Luhn check digit. */
export function isValidBankgiro(value: string): boolean {
  const digits = value.replace('-', '');
  return /^\d{7,8}$/.test(digits) && luhnValid(digits);
}
