import { createHash } from 'node:crypto';
import type { CostModelDocument } from '@it-samverkan/domain';
import { closingChecksumLine, encodeSie } from '@it-samverkan/files';
import { cloneDocument, exampleModel } from './cost-model';

/**
 * A hand-made ledger of the IT department (ansvar 1150) for 2025, for the pools of the model of
 * DOMAIN.md 5.1, with its totals worked out by hand:
 * - personal 1 100 000.00 = 5010 600 000.00 (A 1) + 5010 237 500.00 (A 2) + 5410 262 500.00 (A 2)
 * - licenser 300 000.00 = 6540 310 000.00 (L 1) − 10 000.00 (L 2, a #RTRANS with its 4B copy;
 *   the #BTRANS of −20 000.00 does not count)
 * - lokaler 100 000.00 = 6110 100 000.00 (L 3)
 * - unmapped −9 250.00 = 3590 −12 500.00 (F 1, revenue) + 6071 3 250.00 (L 4, representation)
 * - scope total 1 490 750.00 (mapped 1 500 000.00 + unmapped −9 250.00); outside the scope 8 rows,
 *   −1 490 750.00 (bank, payables and 5010 on unit 2200); 2 rows of 2024 (A 0) left out, 0.00.
 */
export const EXAMPLE_LEDGER_LINES = [
  '#FLAGGA 0',
  '#KSUMMA',
  '#PROGRAM "Raindance" "5.2"',
  '#FORMAT PC8',
  '#GEN 20260112',
  '#SIETYP 4',
  '#FNAMN "Ulricehamns kommun"',
  '#ORGNR 212000-1561',
  '#RAR 0 20250101 20251231',
  '#RAR -1 20240101 20241231',
  '#KONTO 1930 "Bank"',
  '#KONTO 2440 "Leverantörsskulder"',
  '#KONTO 3590 "Övriga försäljningsintäkter"',
  '#KONTO 5010 "Månadslön"',
  '#KONTO 5410 "Sociala avgifter"',
  '#KONTO 6071 "Representation"',
  '#KONTO 6110 "Lokalhyra"',
  '#KONTO 6540 "IT-licenser"',
  '#DIM 1 "Ansvar"',
  '#OBJEKT 1 "1150" "IT-avdelningen"',
  '#OBJEKT 1 "2200" "Gatuavdelningen"',
  '#RES 0 5010 877500.00',
  '#VER A 0 20241220 "Löner december 2024"',
  '{',
  '   #TRANS 5010 {1 "1150"} 99000.00',
  '   #TRANS 1930 {} -99000.00',
  '}',
  '#VER A 1 20250125 "Löner januari"',
  '{',
  '   #TRANS 5010 {1 "1150"} 600000.00',
  '   #TRANS 5010 {1 "2200"} 40000.00',
  '   #TRANS 1930 {} -640000.00',
  '}',
  '#VER A 2 20250625 "Löner juni med sociala avgifter"',
  '{',
  '   #TRANS 5010 {1 "1150"} 237500.00',
  '   #TRANS 5410 {1 "1150"} 262500.00',
  '   #TRANS 1930 {} -500000.00',
  '}',
  '#VER L 1 20250210 "Microsoft 365, årslicens"',
  '{',
  '   #TRANS 6540 {1 "1150"} 310000.00',
  '   #TRANS 2440 {} -310000.00',
  '}',
  '#VER L 2 20250301 "Kreditering licenser"',
  '{',
  '   #BTRANS 6540 {1 "1150"} -20000.00 20250302 "Fel belopp"',
  '   #RTRANS 6540 {1 "1150"} -10000.00 20250302 "Rättat belopp"',
  '   #TRANS 6540 {1 "1150"} -10000.00 20250302 "Rättat belopp"',
  '   #TRANS 2440 {} 10000.00',
  '}',
  '#VER L 3 20250102 "Lokalhyra 2025"',
  '{',
  '   #TRANS 6110 {1 "1150"} 100000.00',
  '   #TRANS 2440 {} -100000.00',
  '}',
  '#VER F 1 20250930 "Försäljning av begagnade datorer"',
  '{',
  '   #TRANS 3590 {1 "1150"} -12500.00',
  '   #TRANS 1930 {} 12500.00',
  '}',
  '#VER L 4 20251115 "Representation"',
  '{',
  '   #TRANS 6071 {1 "1150"} 3250.00',
  '   #TRANS 2440 {} -3250.00',
  '}',
];

/** The ledger as the ERP exports it: PC8 bytes with a #KSUMMA. */
export function exampleLedgerSie(lines: readonly string[] = EXAMPLE_LEDGER_LINES): Buffer {
  return encodeSie([...lines, closingChecksumLine(lines.slice(2))]);
}

/** The same rows of 2025 as the semicolon CSV (decimal comma, thousands with spaces). */
export const EXAMPLE_LEDGER_CSV = [
  'Konto;Ansvar;Verksamhet;Belopp;Datum;Verifikation;Text',
  '5010;1150;;600 000,00;2025-01-25;A 1;Löner januari',
  '5010;2200;;40 000,00;2025-01-25;A 1;Löner januari',
  '5010;1150;;237 500,00;2025-06-25;A 2;Löner juni',
  '5410;1150;;262 500,00;2025-06-25;A 2;Sociala avgifter juni',
  '6540;1150;;310 000,00;2025-02-10;L 1;Microsoft 365, årslicens',
  '6540;1150;;-10 000,00;2025-03-02;L 2;Rättat belopp',
  '6110;1150;;100000.00;2025-01-02;L 3;Lokalhyra 2025',
  '3590;1150;;-12 500,00;2025-09-30;F 1;Försäljning av begagnade datorer',
  '6071;1150;;3 250,00;2025-11-15;L 4;Representation',
  '5010;1150;;99 000,00;2024-12-20;A 0;Löner december 2024',
].join('\r\n');

/** The pool mapping of the example model: IT's ansvar 1150, personnel 5xxx, licences 654x, premises 611x. */
export const EXAMPLE_LEDGER_MAPPING: NonNullable<CostModelDocument['ledgerMapping']> = {
  responsibilityDimension: 1,
  scope: { accounts: ['3000-8999'], responsibility: ['1150'] },
  rules: [
    { accounts: ['5000-5999'], responsibility: ['1150'], pool: 'personal' },
    { accounts: ['6540-6549'], responsibility: ['1150'], pool: 'licenser' },
    { accounts: ['6110-6119'], pool: 'lokaler' },
  ],
};

/** The example model as a draft actual 2025 with the pool mapping (pool amounts as in 5.1). */
export function exampleActualWithMapping(): CostModelDocument {
  const doc = cloneDocument(exampleModel());
  doc.name = 'Tjänstefiering 2025, utfall';
  doc.ledgerMapping = cloneDocument(EXAMPLE_LEDGER_MAPPING);
  return doc;
}

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
