/** The local date in Sweden of an instant, YYYY-MM-DD: accounting dates and "made on" dates are Swedish dates. */
export function swedishDate(instant: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
