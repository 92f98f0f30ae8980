import type { Invoice } from '../api/types';

export function invoiceTitle(invoice: Pick<Invoice, 'kind' | 'status' | 'number'>): string {
  const what = invoice.kind === 'credit-note' ? 'Kreditfaktura' : 'Faktura';
  return invoice.status === 'draft' ? `${what}, utkast` : `${what} ${invoice.number}`;
}

export function statusLabel(status: Invoice['status']): string {
  return status === 'draft' ? 'Utkast' : 'Utfärdad';
}

export const PERIOD_PATTERN = /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|T[1-3]))?$/;
