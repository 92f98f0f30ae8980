import { spawnSync } from 'node:child_process';

/**
 * pdf-parse (pdf.js) loads its worker with a dynamic import, which Jest's module sandbox refuses
 * without --experimental-vm-modules; so the text is extracted by plain Node in a child process
 * (as libs/files/src/pdf/invoice-pdf.spec.ts does).
 */
const EXTRACT = `const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const result = await parser.getText();
  process.stdout.write(JSON.stringify({ text: result.text, pages: result.total }));
  await parser.destroy();
});`;

/** The text of a PDF and its number of pages; runs of spaces and no-break spaces become one space. */
export function pdfText(pdf: Buffer): { text: string; pages: number } {
  const run = spawnSync(process.execPath, ['-e', EXTRACT], {
    input: pdf,
    cwd: process.cwd(),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  const { text, pages } = JSON.parse(run.stdout);
  return { text: text.replace(/[\u00a0 ]+/g, ' '), pages };
}
