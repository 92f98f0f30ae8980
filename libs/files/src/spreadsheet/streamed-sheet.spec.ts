import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { MAX_COLUMN_WIDTH } from './print-setup';
import { streamedBytes, streamedWorkbook, writeStreamedTable } from './streamed-sheet';
import { DATE_FORMAT, MONEY_FORMAT } from './xlsx-format';

const generatedOn = '2026-11-30';
const NAME = 'Bröd & smör <AB> "Åsa" \'Ödmjuk\' ä';
const LONG = 'Ett mycket långt textvärde som är bredare än den bredaste kolumnen får bli i utskriften';

async function written(): Promise<ExcelJS.Workbook> {
  const bytes = await streamedBytes(async (out) => {
    const wb = streamedWorkbook(out, generatedOn);
    await writeStreamedTable(wb, {
      name: 'Förbrukare',
      headers: ['Namn', 'Belopp', 'Datum', 'Volym', 'Text'],
      widths: [10, 12, 11, 8, 10],
      money: [1],
      rows: [
        [NAME, -1234.5, new Date(Date.UTC(2026, 1, 28)), 3, ' kant '],
        ['Tom rad', null, null, 0, LONG],
      ],
      print: {
        title: 'Spårning R&D',
        generatedOn,
        decision: 'IT-styrgruppen 2026-02-25 § 9',
        headingRow: 1,
        landscape: true,
      },
    });
    await writeStreamedTable(wb, {
      name: "Kund's pooler",
      headers: ['Pool'],
      widths: [10],
      rows: [['Drift']],
      print: { title: 'Pooler', generatedOn, headingRow: 1 },
    });
    await wb.commit();
  });
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as any);
  return wb;
}

describe('the streamed workbook (own sheet XML, own zip) read back by ExcelJS', () => {
  it('keeps text (escaped, å ä ö), money as numbers in the money format, dates as dates, a bold frozen heading row', async () => {
    const wb = await written();
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Förbrukare', "Kund's pooler"]);
    expect(wb.creator).toBe('it-samverkan');
    expect(wb.created).toEqual(new Date(Date.UTC(2026, 10, 30)));
    const sheet = wb.getWorksheet('Förbrukare')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Namn',
      'Belopp',
      'Datum',
      'Volym',
      'Text',
    ]);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').value).toBe(NAME);
    expect(sheet.getCell('E2').value).toBe(' kant ');
    const money = sheet.getCell('B2');
    expect(money.value).toBe(-1234.5);
    expect(money.numFmt).toBe(MONEY_FORMAT);
    const date = sheet.getCell('C2');
    expect(date.value).toEqual(new Date(Date.UTC(2026, 1, 28)));
    expect(date.numFmt).toBe(DATE_FORMAT);
    // a number outside the money columns keeps the general format
    expect(sheet.getCell('D2').value).toBe(3);
    expect(sheet.getCell('D3').value).toBe(0);
    expect(sheet.getCell('D2').numFmt).toBeUndefined();
    // nothing written where the value is missing
    expect(sheet.getCell('B3').value).toBeNull();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('sizes the columns from their values and wraps what is wider than the widest column', async () => {
    const sheet = (await written()).getWorksheet('Förbrukare')!;
    // A: the name is 33 characters, + 2 = 35 (wider than the chosen 10)
    expect(NAME.length).toBe(33);
    expect(sheet.getColumn(1).width).toBe(35);
    // B: "1234.50" is 7 digits, ceil(7 × 1.34) + 1 + 2 = 13 (wider than the chosen 12)
    expect(sheet.getColumn(2).width).toBe(13);
    // C: a date shows 10 characters, + 2 = 12
    expect(sheet.getColumn(3).width).toBe(12);
    // E: the long text is wider than MAX_COLUMN_WIDTH, so the column stops there and wraps
    expect(sheet.getColumn(5).width).toBe(MAX_COLUMN_WIDTH);
    expect(sheet.getColumn(5).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(sheet.getCell('E3').alignment).toMatchObject({ wrapText: true });
  });

  it('sets each sheet up to print: A4, one page wide, the heading row repeated, header and footer', async () => {
    const wb = await written();
    const sheet = wb.getWorksheet('Förbrukare')!;
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    expect(sheet.pageSetup.margins).toMatchObject({ left: 0.5, top: 0.75, header: 0.3 });
    // '&' in a title is doubled: it starts a code in a page header
    expect(sheet.headerFooter.oddHeader).toBe(`&L&BSpårning R&&D&RSkapad ${generatedOn}`);
    expect(sheet.headerFooter.oddFooter).toBe('&LBeslut: IT-styrgruppen 2026-02-25 § 9&RSida &P av &N');
    const pools = wb.getWorksheet("Kund's pooler")!;
    // one column of width 10: narrower than a portrait page
    expect(pools.pageSetup).toMatchObject({ orientation: 'portrait', printTitlesRow: '1:1' });
    expect(pools.headerFooter.oddFooter).toBe('&L&RSida &P av &N');
  });

  it('refuses a sheet name Excel cannot hold', async () => {
    await expect(
      streamedBytes(async (out) => {
        const wb = streamedWorkbook(out, generatedOn);
        try {
          await writeStreamedTable(wb, {
            name: 'Pool/tjänst',
            headers: ['A'],
            widths: [8],
            rows: [],
            print: { title: 'x', generatedOn, headingRow: 1 },
          });
        } finally {
          out.end();
        }
      }),
    ).rejects.toThrow('Pool/tjänst');
  });

  it('stops with an error, instead of waiting for ever, when the receiver is gone before the file is written', async () => {
    const out = new PassThrough();
    // the receiver goes as soon as the first bytes reach it (a client that hung up)
    out.once('readable', () => out.destroy());
    const wb = streamedWorkbook(out, generatedOn);
    const rows = Array.from({ length: 5000 }, (_, i) => [`${LONG} ${i}`, i]);
    await expect(
      (async () => {
        await writeStreamedTable(wb, {
          name: 'Stor',
          headers: ['Text', 'Tal'],
          widths: [10, 8],
          rows,
          print: { title: 'x', generatedOn, headingRow: 1 },
        });
        await wb.commit();
      })(),
    ).rejects.toThrow('Mottagaren stängdes innan arbetsboken var skriven');
  });
});
