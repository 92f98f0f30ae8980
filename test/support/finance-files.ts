import { readSie4, SieDocument } from '@it-samverkan/files';
import type { OfficialDocument } from './peppol-official';
import type { TestApp } from './test-app';

/** Collects a file response as bytes (SIE is CP437, PDF and XLSX are binary). */
export const binaryBody = (res: any, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/**
 * The SIE 4 file of a period (or fiscal year) as finance downloads it, read back: the issuer's
 * ledger file, or with `buyer` that municipality's file of its purchases from the cooperation.
 */
export async function downloadSie(
  t: TestApp,
  token: string,
  period: string,
  buyer?: string,
): Promise<SieDocument> {
  const query = `period=${encodeURIComponent(period)}`;
  const res = await t.http
    .get(buyer ? `/api/v1/files/sie/purchases?${query}&buyer=${buyer}` : `/api/v1/files/sie?${query}`)
    .set(t.auth(token))
    .buffer(true)
    .parse(binaryBody)
    .expect(200);
  return readSie4(res.body as Buffer);
}

/** An issued document's Peppol file, named for the official validation's findings. */
export async function downloadPeppol(
  t: TestApp,
  token: string,
  doc: { id: string; number: string; kind: string; buyer: { id: string } },
): Promise<OfficialDocument> {
  const res = await t.http
    .get(`/api/v1/files/invoices/${doc.id}/peppol`)
    .set(t.auth(token))
    .buffer(true)
    .parse(binaryBody)
    .expect(200);
  return { name: `${doc.number} (${doc.kind}, ${doc.buyer.id})`, xml: (res.body as Buffer).toString('utf8') };
}

/**
 * The document a SIE voucher books: the issuer's "Faktura ULR-2025-00001 …", "Kreditfaktura
 * ULR-2026-00004 avser …", and the buyer's "Leverantörsfaktura …", "Leverantörskreditfaktura …".
 */
export function voucherDocumentNumber(text: string): string | undefined {
  return /^(?:leverantörs)?(?:kredit)?faktura (\S+)/i.exec(text)?.[1];
}
