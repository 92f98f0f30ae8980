import { DomainError, Money } from '@it-samverkan/domain';
import { InvoiceFile } from '../types';

/**
 * Each line's part of the invoice's VAT, so that a table of lines adds up to the invoice. VAT is
 * computed per rate on the sum of the lines (DOMAIN.md 7), so a line has no VAT of its own: its
 * part is its net × rate, whole öre taken down, and the öre left to reach the invoice's VAT for
 * that rate go one each to the lines with the largest fractions (ties to the first line). The
 * domain's `allocate` splits by non-negative weights; this works on the lines' own VAT instead,
 * because a correction line may have a negative net.
 */
export function lineVatShares(invoice: InvoiceFile): Money[] {
  const shares = invoice.lines.map(() => 0n);
  for (const b of invoice.vatBreakdown) {
    const indexes = invoice.lines.flatMap((l, i) => (l.vatRate === b.rate ? [i] : []));
    const rate = BigInt(b.rate);
    // Exact VAT in hundredths of an öre, its floor in öre and the fraction left over.
    const parts = indexes.map((i) => {
      const exact = invoice.lines[i].net.ore * rate;
      const floor = exact >= 0n ? exact / 100n : -((-exact + 99n) / 100n);
      return { i, floor, fraction: exact - floor * 100n };
    });
    let left = b.vat.ore - parts.reduce((s, p) => s + p.floor, 0n);
    if (left < 0n || left > BigInt(parts.length)) {
      throw new DomainError(
        'INVOICE_VAT_INCONSISTENT',
        `Momsen ${b.vat} för ${b.rate} % stämmer inte med raderna`,
        'unprocessable',
      );
    }
    const order = [...parts].sort((x, y) =>
      x.fraction === y.fraction ? x.i - y.i : x.fraction > y.fraction ? -1 : 1,
    );
    for (const p of parts) shares[p.i] = p.floor;
    for (const p of order) {
      if (left === 0n) break;
      shares[p.i] += 1n;
      left -= 1n;
    }
  }
  return shares.map((ore) => Money.ofOre(ore));
}
