/**
 * The prefix of an issuer's invoice numbers: the one configured on the municipality, otherwise
 * the first three letters of its id in capitals (ulricehamn → ULR). Each issuer's series is its
 * own, so a second issuing municipality's numbers never collide with the first's.
 */
export function invoicePrefixOf(issuer: { id: string; invoicePrefix?: string | null }): string {
  const configured = issuer.invoicePrefix?.trim();
  if (configured) return configured.toUpperCase();
  const letters = issuer.id
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toUpperCase();
  return letters.slice(0, 3) || 'FAK';
}

/** A number of the issuer's yearly series: `ULR-2025-00017`. */
export function formatInvoiceNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(5, '0')}`;
}
