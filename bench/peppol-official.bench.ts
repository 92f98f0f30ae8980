/**
 * What the official Peppol validation of the tests costs, `npm run bench -- peppol-official`.
 * Validates 1, 10 and 100 writer documents (the sample invoices with 0/6/25 % lines and the credit
 * note, cycled) per call: one xmllint per root element and one JVM running both schematrons.
 * The first call may compile the Peppol schematron into the temp-folder cache; it is reported on
 * its own. Baseline: the project's own encoded rules (`checkPeppolInvoice`) on the same documents.
 * Prints figures; asserts nothing. Needs java, Saxon HE and xmllint (test/peppol-official/README.md).
 */
import { checkPeppolInvoice, writePeppolInvoice } from '@it-samverkan/files';
import { sampleCreditNote, sampleInvoices } from '../test/factories/invoice-files';
import { missingOfficialTools, validateOfficially } from '../test/support/peppol-official';

const SIZES = [1, 10, 100];

function documents(count: number): { name: string; xml: string }[] {
  const written = [...sampleInvoices(), sampleCreditNote()].map((doc) => writePeppolInvoice(doc));
  return Array.from({ length: count }, (_, i) => ({
    name: `doc-${i + 1}`,
    xml: written[i % written.length],
  }));
}

async function timed(work: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function run(): Promise<void> {
  const missing = missingOfficialTools();
  if (missing.length > 0) {
    process.stdout.write(`skipped: missing ${missing.join(', ')}\n`);
    return;
  }
  const first = await timed(() => validateOfficially(documents(1)));
  process.stdout.write(
    `first call, 1 document (may include compiling the Peppol schematron): ${first.toFixed(0)} ms\n`,
  );
  process.stdout.write('documents  official ms  ms/document  encoded rules ms (baseline)\n');
  for (const size of SIZES) {
    const docs = documents(size);
    const official = await timed(async () => {
      const findings = await validateOfficially(docs);
      if (findings.some((f) => f.flag === 'fatal')) throw new Error('the samples must be valid');
    });
    const encoded = await timed(() => docs.forEach((d) => checkPeppolInvoice(d.xml)));
    process.stdout.write(
      `${String(size).padStart(9)}  ${official.toFixed(0).padStart(11)}  ${(official / size)
        .toFixed(1)
        .padStart(11)}  ${encoded.toFixed(1).padStart(27)}\n`,
    );
  }
}
