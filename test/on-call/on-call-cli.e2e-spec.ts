import { incidentCsv, runCli, tariffDocument, workedExampleRows, writeTempFiles } from './on-call-fixtures';

describe('CLI: on-call <tariff.json> <incidents.csv> [--json] (a contract, no database)', () => {
  const files = writeTempFiles({
    'tariff.json': JSON.stringify(tariffDocument(), null, 2),
    'examples.csv': incidentCsv(
      [
        ...workedExampleRows('EX', 'ulr-bou').slice(0, 2),
        [
          'EX-3',
          '2025-03-14 21:40',
          '2025-03-15 00:20',
          'tra-oms',
          'Trygghetslarm',
          '"Fredag kväll; till lördag"',
        ],
        ['EX-4', '2025-03-12 09:00', '2025-03-12 10:00', 'lonenamnd', 'Lönesystem', 'Inom supporttid'],
        ['DST-1', '2025-03-30 01:30', '2025-03-30 03:30', 'ulr-bou', 'Drift', 'Sommartid börjar'],
      ],
      { separator: ';', bom: true, crlf: true },
    ),
    'bad.csv': incidentCsv([
      ['OK-1', '2025-03-11 16:00', '2025-03-11 16:50', 'ulr-bou', 'X', 'ok'],
      ['BAD-1', '2025-03-30 02:30', '2025-03-30 03:30', 'ulr-bou', 'X', 'finns inte'],
      ['BAD-2', '2025-10-26 02:30', '2025-10-26 03:30', 'ulr-bou', 'X', 'finns två gånger'],
      ['BAD-3', '2025-03-11 16:00:30', '2025-03-11 16:50', 'ulr-bou', 'X', 'sekunder'],
      ['BAD-4', '2025-03-11 17:00', '2025-03-11 16:00', 'ulr-bou', 'X', 'slut före start'],
    ]),
    'broken-tariff.json': JSON.stringify(tariffDocument({ rates: { evening: '900.00' }, roundUpMinutes: 0 })),
    'not-json.json': '{ "format": ',
  });

  it('--json prints exactly the contract document for the worked examples of DOMAIN.md 6.3 and the DST night', () => {
    const { status, stdout, stderr } = runCli([
      'on-call',
      files['tariff.json'],
      files['examples.csv'],
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const none = { evening: 0, night: 0, weekend: 0, holiday: 0 };
    const expected = {
      incidents: [
        {
          id: 'EX-1',
          consumer: 'ulr-bou',
          minutes: { ...none, evening: 60 },
          billableMinutes: 60,
          amount: '1400.00',
        },
        {
          id: 'EX-2',
          consumer: 'ulr-bou',
          minutes: { ...none, holiday: 150 },
          billableMinutes: 150,
          amount: '5000.00',
        },
        {
          id: 'EX-3',
          consumer: 'tra-oms',
          minutes: { evening: 30, night: 120, weekend: 30, holiday: 0 },
          billableMinutes: 180,
          amount: '3950.00',
        },
        { id: 'EX-4', consumer: 'lonenamnd', minutes: none, billableMinutes: 0, amount: '0.00' },
        // 01:30–03:30 on 2025-03-30 is 60 real minutes on a Sunday: 60 × 1200/60 + 500 = 1 700.00
        {
          id: 'DST-1',
          consumer: 'ulr-bou',
          minutes: { ...none, weekend: 60 },
          billableMinutes: 60,
          amount: '1700.00',
        },
      ],
      // 1 400 + 5 000 + 1 700 = 8 100.00; keys in order of first appearance
      totals: { 'ulr-bou': '8100.00', 'tra-oms': '3950.00', lonenamnd: '0.00' },
    };
    const document = JSON.parse(stdout);
    expect(document).toEqual(expected);
    expect(Object.keys(document.totals)).toEqual(['ulr-bou', 'tra-oms', 'lonenamnd']);
    expect(Object.keys(document.incidents[0])).toEqual([
      'id',
      'consumer',
      'minutes',
      'billableMinutes',
      'amount',
    ]);
    expect(Object.keys(document.incidents[0].minutes)).toEqual(['evening', 'night', 'weekend', 'holiday']);
  });

  it('without --json prints a Swedish table of each incident and the totals per consumer', () => {
    const { status, stdout } = runCli(['on-call', files['tariff.json'], files['examples.csv']]);
    expect(status).toBe(0);
    expect(stdout).toContain('Ärende');
    expect(stdout).toContain('Summa per förbrukare');
    expect(stdout).toMatch(
      /EX-3\s+tra-oms\s+2025-03-14 21:40\s+2025-03-15 00:20\s+30\s+120\s+30\s+0\s+180\s+3\u00a0950,00/,
    );
    expect(stdout).toMatch(/EX-4 .*0,00\s+inom supporttid, faktureras inte/);
    expect(stdout).toMatch(/ulr-bou\s+3\s+8\u00a0100,00/);
    expect(stdout).toMatch(/Totalt\s+5\s+12\u00a0050,00/);
  });

  it('rejects an invalid file with exit code 2 and every bad line on stderr, printing nothing on stdout', () => {
    const { status, stdout, stderr } = runCli(['on-call', files['tariff.json'], files['bad.csv'], '--json']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'line 3.start: Rad 3: starttid: Tiden 2025-03-30 02:30 finns inte i Europe/Stockholm',
    );
    expect(stderr).toContain('line 4.start: Rad 4: starttid: Tiden 2025-10-26 02:30 finns två gånger');
    expect(stderr).toMatch(/line 5\.start: Rad 5: .*sekunder/);
    expect(stderr).toMatch(/line 6\.end: Rad 6: sluttiden .* måste vara efter starttiden/);
    expect(stderr).not.toContain('line 2');
  });

  it('rejects an invalid tariff with every problem, and unreadable files, with exit code 2', () => {
    const broken = runCli(['on-call', files['broken-tariff.json'], files['examples.csv']]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('rates.night');
    expect(broken.stderr).toContain('rates.weekend');
    expect(broken.stderr).toContain('rates.holiday');
    expect(broken.stderr).toContain('roundUpMinutes');
    const notJson = runCli(['on-call', files['not-json.json'], files['examples.csv']]);
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toContain('är inte giltig JSON');
    const missing = runCli(['on-call', files['tariff.json'], '/no/such/incidents.csv']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Filen /no/such/incidents.csv finns inte');
  });
});
