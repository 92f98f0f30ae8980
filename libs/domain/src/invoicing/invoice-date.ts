import { checkLocalDate } from '../calendar/local-date';
import { Problem } from '../errors';

/**
 * The problems with an invoice date finance gives when issuing (DOMAIN.md 7 "Dates"): a real
 * date, not after today in Sweden, and never earlier than the last issued document of the same
 * series, so numbers and dates rise together.
 */
export function invoiceDateProblems(input: {
  invoiceDate: string;
  today: string;
  lastInSeries: { number: string; invoiceDate: string } | null;
  path?: string;
}): Problem[] {
  const path = input.path ?? 'invoiceDate';
  const bad = checkLocalDate(input.invoiceDate);
  if (bad) return [{ path, message: `Fakturadatum: ${bad}` }];
  const out: Problem[] = [];
  if (input.invoiceDate > input.today)
    out.push({ path, message: `Fakturadatum ${input.invoiceDate} ligger efter dagens datum ${input.today}` });
  const last = input.lastInSeries;
  if (last && input.invoiceDate < last.invoiceDate)
    out.push({
      path,
      message: `Fakturadatum ${input.invoiceDate} är tidigare än senast utfärdade ${last.number} (${last.invoiceDate}) i samma nummerserie`,
    });
  return out;
}
