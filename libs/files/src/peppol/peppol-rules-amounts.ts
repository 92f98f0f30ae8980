import { Dec, Rounding } from '@it-samverkan/domain';
import type { RuleContext } from './peppol-rules';
import { all, at, attr, decimal, textAt } from './peppol-xml';

const CATEGORIES = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O', 'L', 'M', 'B'];
const SWEDISH_STANDARD_RATES = ['25', '12', '6'];
const ZERO = new Dec(0);

/** An amount at `path`, checked for at most two decimals (BR-DEC-*); zero when absent. */
function amountAt(ctx: RuleContext, node: unknown, path: string, where: string, decRule?: string): Dec {
  const raw = textAt(node, path);
  if (raw === undefined) return ZERO;
  const value = decimal(raw);
  if (value === null) {
    ctx.add('UBL', where, `"${raw}" är inget belopp`);
    return ZERO;
  }
  if (decRule && value.decimalPlaces() > 2)
    ctx.add(decRule, where, `Beloppet ${raw} har fler än två decimaler`);
  return value;
}

const sum = (values: Dec[]) => values.reduce((a, b) => a.plus(b), ZERO);
const percentKey = (raw: string | undefined) => (decimal(raw) ?? new Dec(-1)).toString();

/**
 * The arithmetic of EN 16931: line nets, document totals (BR-CO-10/13/14/15/16), the VAT
 * breakdown per category (BR-S-08/09, BR-E-08/09/10) and Sweden's VAT rates (SE-R-006).
 * VAT per category must be the taxable amount × rate half-up to öre, exactly (DOMAIN.md 7).
 */
export function checkAmounts(ctx: RuleContext): void {
  const { root, add } = ctx;
  if (all(root, 'AllowanceCharge').length > 0)
    add('ITS-R-006', 'AllowanceCharge', 'Rabatter och tillägg på dokumentnivå stöds inte');
  const swedishSeller =
    textAt(root, 'AccountingSupplierParty/Party/PostalAddress/Country/IdentificationCode') === 'SE' &&
    all(at(root, 'AccountingSupplierParty/Party'), 'PartyTaxScheme').some(
      (s) => textAt(s, 'TaxScheme/ID') === 'VAT' && (textAt(s, 'CompanyID') ?? '').startsWith('SE'),
    );

  // Lines: mandatory fields, net = quantity × price, category per line.
  const lineNets = new Map<string, Dec>(); // key `${category}/${percent}`
  const nets: Dec[] = [];
  ctx.lines.forEach((line, i) => {
    const path = `${ctx.lineName}[${i + 1}]`;
    if (!textAt(line, 'ID')) add('BR-21', path, 'Raden saknar radnummer');
    const quantityNode = at(line, ctx.quantityName);
    const quantity = decimal(textAt(line, ctx.quantityName));
    if (quantity === null) add('BR-22', `${path}/${ctx.quantityName}`, 'Raden saknar antal');
    if (quantityNode !== undefined && !attr(quantityNode, 'unitCode'))
      add('BR-23', `${path}/${ctx.quantityName}`, 'Raden saknar enhet');
    if (textAt(line, 'LineExtensionAmount') === undefined) add('BR-24', path, 'Raden saknar belopp');
    const net = amountAt(ctx, line, 'LineExtensionAmount', `${path}/LineExtensionAmount`, 'BR-DEC-23');
    nets.push(net);
    if (!textAt(line, 'Item/Name')) add('BR-25', `${path}/Item`, 'Raden saknar benämning');
    const priceRaw = textAt(line, 'Price/PriceAmount');
    if (priceRaw === undefined) add('BR-26', `${path}/Price`, 'Raden saknar à-pris');
    const price = amountAt(ctx, line, 'Price/PriceAmount', `${path}/Price/PriceAmount`);
    if (price.isNegative()) add('BR-27', `${path}/Price/PriceAmount`, 'À-priset får inte vara negativt');
    const baseQuantity = decimal(textAt(line, 'Price/BaseQuantity')) ?? new Dec(1);
    if (quantity !== null && priceRaw !== undefined && !baseQuantity.isZero()) {
      const expected = quantity.times(price).dividedBy(baseQuantity);
      if (expected.minus(net).abs().greaterThan('0.02')) {
        add(
          'PEPPOL-EN16931-R120',
          `${path}/LineExtensionAmount`,
          `Radbeloppet ${net} är inte antal × à-pris (${expected.toFixed(2)})`,
        );
      }
    }
    const category = textAt(line, 'Item/ClassifiedTaxCategory/ID');
    const percent = textAt(line, 'Item/ClassifiedTaxCategory/Percent');
    if (!category) {
      add('BR-CO-04', `${path}/Item`, 'Raden saknar momskategori');
      return;
    }
    const where = `${path}/Item/ClassifiedTaxCategory`;
    if (category === 'S' && !(decimal(percent)?.greaterThan(0) ?? false))
      add('BR-S-05', where, 'Standardmoms kräver en momssats över noll');
    if (category === 'E' && !(decimal(percent)?.isZero() ?? false))
      add('BR-E-05', where, 'Momsfri rad ska ha momssats 0');
    if (category === 'S' && swedishSeller && !SWEDISH_STANDARD_RATES.includes(percentKey(percent))) {
      add('SE-R-006', where, `Momssatsen ${percent} % finns inte i Sverige (25, 12 eller 6)`);
    }
    const key = `${category}/${percentKey(percent)}`;
    lineNets.set(key, (lineNets.get(key) ?? ZERO).plus(net));
  });

  // Document totals.
  const total = at(root, 'LegalMonetaryTotal');
  const t = 'LegalMonetaryTotal';
  const present = (name: string, rule: string, label: string) => {
    if (textAt(total, name) === undefined) add(rule, `${t}/${name}`, `${label} saknas`);
  };
  present('LineExtensionAmount', 'BR-12', 'Summa radbelopp');
  present('TaxExclusiveAmount', 'BR-13', 'Summa exklusive moms');
  present('TaxInclusiveAmount', 'BR-14', 'Summa inklusive moms');
  present('PayableAmount', 'BR-15', 'Att betala');
  const lineExtension = amountAt(ctx, total, 'LineExtensionAmount', `${t}/LineExtensionAmount`, 'BR-DEC-09');
  const taxExclusive = amountAt(ctx, total, 'TaxExclusiveAmount', `${t}/TaxExclusiveAmount`, 'BR-DEC-12');
  const taxInclusive = amountAt(ctx, total, 'TaxInclusiveAmount', `${t}/TaxInclusiveAmount`, 'BR-DEC-14');
  const payable = amountAt(ctx, total, 'PayableAmount', `${t}/PayableAmount`, 'BR-DEC-18');
  const allowances = amountAt(ctx, total, 'AllowanceTotalAmount', `${t}/AllowanceTotalAmount`, 'BR-DEC-10');
  const charges = amountAt(ctx, total, 'ChargeTotalAmount', `${t}/ChargeTotalAmount`, 'BR-DEC-11');
  const prepaid = amountAt(ctx, total, 'PrepaidAmount', `${t}/PrepaidAmount`, 'BR-DEC-16');
  const rounding = amountAt(ctx, total, 'PayableRoundingAmount', `${t}/PayableRoundingAmount`, 'BR-DEC-17');

  if (!lineExtension.equals(sum(nets))) {
    add(
      'BR-CO-10',
      `${t}/LineExtensionAmount`,
      `Summa radbelopp ${lineExtension} är inte summan av raderna ${sum(nets)}`,
    );
  }
  if (!taxExclusive.equals(lineExtension.minus(allowances).plus(charges))) {
    add(
      'BR-CO-13',
      `${t}/TaxExclusiveAmount`,
      `Summa exklusive moms ${taxExclusive} är inte summa radbelopp ${lineExtension}`,
    );
  }

  // VAT breakdown.
  const taxTotals = all(root, 'TaxTotal').filter((tt) => all(tt, 'TaxSubtotal').length > 0);
  if (taxTotals.length !== 1)
    add('PEPPOL-EN16931-R053', 'TaxTotal', 'Exakt en momssammanställning med delsummor krävs');
  const taxTotal = taxTotals[0];
  const totalVat = amountAt(ctx, taxTotal, 'TaxAmount', 'TaxTotal/TaxAmount', 'BR-DEC-13');
  const subtotals = all(taxTotal, 'TaxSubtotal');
  if (subtotals.length === 0) add('BR-CO-18', 'TaxTotal', 'Momssammanställning per kategori saknas');
  const subtotalVats: Dec[] = [];
  const seen = new Set<string>();
  subtotals.forEach((sub, i) => {
    const path = `TaxTotal/TaxSubtotal[${i + 1}]`;
    const base = amountAt(ctx, sub, 'TaxableAmount', `${path}/TaxableAmount`, 'BR-DEC-19');
    const vat = amountAt(ctx, sub, 'TaxAmount', `${path}/TaxAmount`, 'BR-DEC-20');
    subtotalVats.push(vat);
    const category = textAt(sub, 'TaxCategory/ID') ?? '';
    const percent = textAt(sub, 'TaxCategory/Percent');
    const key = `${category}/${percentKey(percent)}`;
    seen.add(key);
    if (!CATEGORIES.includes(category))
      add('BR-CL-18', `${path}/TaxCategory/ID`, `Okänd momskategori "${category}"`);
    const linesBase = lineNets.get(key) ?? ZERO;
    if (category === 'S') {
      if (swedishSeller && !SWEDISH_STANDARD_RATES.includes(percentKey(percent))) {
        add(
          'SE-R-006',
          `${path}/TaxCategory/Percent`,
          `Momssatsen ${percent} % finns inte i Sverige (25, 12 eller 6)`,
        );
      }
      if (!base.equals(linesBase))
        add(
          'BR-S-08',
          `${path}/TaxableAmount`,
          `Underlaget ${base} är inte radernas ${linesBase} vid ${percent} %`,
        );
      const rate = decimal(percent) ?? ZERO;
      const expected = base.times(rate).dividedBy(100).toDecimalPlaces(2, Rounding.halfUp);
      if (!vat.equals(expected))
        add('BR-S-09', `${path}/TaxAmount`, `Momsen ${vat} är inte ${base} × ${percent} % = ${expected}`);
    } else if (category === 'E') {
      if (!base.equals(linesBase))
        add(
          'BR-E-08',
          `${path}/TaxableAmount`,
          `Underlaget ${base} är inte de momsfria radernas ${linesBase}`,
        );
      if (!vat.isZero()) add('BR-E-09', `${path}/TaxAmount`, 'Momsfri kategori ska ha moms 0');
      if (
        !textAt(sub, 'TaxCategory/TaxExemptionReason') &&
        !textAt(sub, 'TaxCategory/TaxExemptionReasonCode')
      ) {
        add('BR-E-10', `${path}/TaxCategory`, 'Momsfri kategori kräver ett skäl för undantaget');
      }
    }
  });
  for (const key of lineNets.keys()) {
    if (seen.has(key)) continue;
    const [category, percent] = key.split('/');
    const rule = category === 'S' ? 'BR-S-08' : category === 'E' ? 'BR-E-08' : 'BR-CO-18';
    add(rule, 'TaxTotal', `Rader med kategori ${category} och ${percent} % saknas i momssammanställningen`);
  }
  if (!totalVat.equals(sum(subtotalVats))) {
    add(
      'BR-CO-14',
      'TaxTotal/TaxAmount',
      `Total moms ${totalVat} är inte summan per kategori ${sum(subtotalVats)}`,
    );
  }
  if (!taxInclusive.equals(taxExclusive.plus(totalVat))) {
    add(
      'BR-CO-15',
      `${t}/TaxInclusiveAmount`,
      `Summa inklusive moms ${taxInclusive} är inte ${taxExclusive} + ${totalVat}`,
    );
  }
  if (!payable.equals(taxInclusive.minus(prepaid).plus(rounding))) {
    add(
      'BR-CO-16',
      `${t}/PayableAmount`,
      `Att betala ${payable} är inte summa inklusive moms ${taxInclusive}`,
    );
  }
}
