import fc from 'fast-check';
import { ValidationError } from '../errors';
import {
  checkRegisterMapping,
  countRegister,
  RegisterMappingRule,
  RegisterRow,
  requiredRegisterColumns,
} from '.';

const CONSUMERS = ['ulr-ks', 'ulr-bou', 'tra-utb', 'tra-oms'];
const RULES: RegisterMappingRule[] = [
  { match: { Kommun: 'Ulricehamn', Ansvar: '1100' }, consumer: 'ulr-ks' },
  { match: { Kommun: 'Ulricehamn', Ansvar: '3000' }, consumer: 'ulr-bou' },
  { match: { Kommun: 'Tranemo', Ansvar: '3000' }, consumer: 'tra-utb' },
  { match: { Kommun: 'Tranemo', Ansvar: '5000' }, consumer: 'tra-oms' },
  { match: { Kommun: 'Tranemo', Ansvar: '9999' }, consumer: 'tra-nedlagd' },
];
const row = (line: number, fields: Record<string, string>): RegisterRow => ({ line, fields });

describe('counting a device inventory (one row = one device)', () => {
  const rows = [
    row(2, { Kommun: 'Ulricehamn', Ansvar: '1100', Serienummer: 'A1' }),
    row(3, { Kommun: 'tranemo', Ansvar: ' 3000 ', Serienummer: 'A2' }),
    row(4, { Kommun: 'Ulricehamn', Ansvar: '3000', Serienummer: 'A3' }),
    row(5, { Kommun: 'Tranemo', Ansvar: '3000', Serienummer: 'A4' }),
    row(6, { Kommun: 'Ulricehamn', Ansvar: '7777', Serienummer: 'A5' }),
    row(7, { Kommun: '', Ansvar: '', Serienummer: 'A6' }),
    row(8, { Kommun: 'Tranemo', Ansvar: '9999', Serienummer: 'A7' }),
    row(9, { Kommun: 'ULRICEHAMN', Ansvar: '1100', Serienummer: 'A8' }),
  ];
  const count = countRegister({ kind: 'devices', rows, rules: RULES, consumers: CONSUMERS });

  it('maps by municipality and code together, case and spaces aside; 3000 is two consumers', () => {
    expect(count.volumes).toEqual([
      { consumer: 'ulr-ks', volume: '2', rows: 2 },
      { consumer: 'ulr-bou', volume: '1', rows: 1 },
      { consumer: 'tra-utb', volume: '2', rows: 2 },
    ]);
    expect(count.totalVolume).toBe('5');
    expect(count.consumersWithoutRows).toEqual(['tra-oms']);
  });

  it('lists every row it did not count with its line, value and reason', () => {
    expect(count.unmatched).toEqual([
      { line: 6, value: 'Ulricehamn / 7777', reason: 'Ingen regel i mappningen passar värdet' },
      { line: 7, value: ' / ', reason: 'Raden saknar värde i Kommun, Ansvar' },
      {
        line: 8,
        value: 'Tranemo / 9999',
        reason: 'Regel 5 pekar på förbrukaren tra-nedlagd, som inte finns i modellversionen',
      },
    ]);
    expect(count.totalRows).toBe(8);
    expect(count.countedRows + count.unmatched.length).toBe(8);
  });
});

describe('counting accounts and licences', () => {
  const rules: RegisterMappingRule[] = [
    { match: { Förvaltning: 'Barn och utbildning' }, consumer: 'ulr-bou' },
    { match: { Förvaltning: 'Kommunstyrelsen' }, consumer: 'ulr-ks' },
  ];

  it('an account export counts active rows; inactive ones are listed', () => {
    const count = countRegister({
      kind: 'accounts',
      rules,
      consumers: CONSUMERS,
      statusColumn: 'Status',
      rows: [
        row(2, { Förvaltning: 'Barn och  utbildning', Status: 'Aktiv' }),
        row(3, { Förvaltning: 'Barn och utbildning', Status: 'Inaktiv' }),
        row(4, { Förvaltning: 'kommunstyrelsen', Status: '' }),
        row(5, { Förvaltning: 'Kommunstyrelsen', Status: 'Avstängd' }),
      ],
    });
    expect(count.volumes).toEqual([
      { consumer: 'ulr-ks', volume: '1', rows: 1 },
      { consumer: 'ulr-bou', volume: '1', rows: 1 },
    ]);
    expect(count.unmatched.map((u) => [u.line, u.reason])).toEqual([
      [3, 'Kontot är inte aktivt (Status = Inaktiv)'],
      [5, 'Kontot är inte aktivt (Status = Avstängd)'],
    ]);
  });

  it('a licence list sums its quantity column: 120 + 35,5 + 0 = 155.5 and 1 000', () => {
    const count = countRegister({
      kind: 'licences',
      rules,
      consumers: CONSUMERS,
      rows: [
        row(2, { Förvaltning: 'Barn och utbildning', Antal: '120' }),
        row(3, { Förvaltning: 'Barn och utbildning', Antal: '35,5' }),
        row(4, { Förvaltning: 'Barn och utbildning', Antal: '0' }),
        row(5, { Förvaltning: 'Kommunstyrelsen', Antal: '1 000' }),
      ],
    });
    expect(count.volumes).toEqual([
      { consumer: 'ulr-ks', volume: '1000', rows: 1 },
      { consumer: 'ulr-bou', volume: '155.5', rows: 3 },
    ]);
    expect(count.totalVolume).toBe('1155.5');
  });

  it('refuses a licence list whole, naming every unreadable quantity', () => {
    const attempt = () =>
      countRegister({
        kind: 'licences',
        rules,
        consumers: CONSUMERS,
        quantityColumn: 'Licenser',
        rows: [
          row(2, { Förvaltning: 'Barn och utbildning', Licenser: 'tio' }),
          row(3, { Förvaltning: 'Kommunstyrelsen', Licenser: '4' }),
          row(4, { Förvaltning: 'Kommunstyrelsen', Licenser: '-2' }),
        ],
      });
    expect(attempt).toThrow(ValidationError);
    try {
      attempt();
    } catch (e) {
      expect((e as ValidationError).code).toBe('REGISTER_UNREADABLE');
      expect((e as ValidationError).details.map((d) => d.path)).toEqual([
        'line 2.Licenser',
        'line 4.Licenser',
      ]);
    }
  });

  it('names the columns a file must have', () => {
    expect(requiredRegisterColumns({ kind: 'licences', rules })).toEqual(['Förvaltning', 'Antal']);
    expect(requiredRegisterColumns({ kind: 'accounts', rules, statusColumn: 'Status' })).toEqual([
      'Förvaltning',
      'Status',
    ]);
    expect(requiredRegisterColumns({ kind: 'devices', rules: RULES })).toEqual(['Kommun', 'Ansvar']);
  });
});

describe('mapping rules', () => {
  it('lists every problem with its path', () => {
    expect(
      checkRegisterMapping([
        { match: { Ansvar: '1100' }, consumer: 'ulr-ks' },
        { match: {}, consumer: '' },
        { match: { ansvar: '1100 ' }, consumer: 'ulr-bou' },
        { match: { Ansvar: 3 }, consumer: 'x', extra: 1 },
      ]),
    ).toEqual([
      { path: 'rules[1].consumer', message: 'Ange förbrukarens id' },
      { path: 'rules[1].match', message: 'Regeln behöver minst en kolumn att jämföra' },
      { path: 'rules[2].match', message: 'Samma villkor som regel 1' },
      { path: 'rules[3].extra', message: 'Okänt fält; ange match och consumer' },
      { path: 'rules[3].match.Ansvar', message: 'Värdet ska vara en icke-tom text' },
    ]);
    expect(checkRegisterMapping([])).toEqual([
      { path: 'rules', message: 'Mappningen behöver minst en regel' },
    ]);
  });
});

describe('properties', () => {
  const codes = ['1100', '3000', '5000', '7777', '', '9999'];
  const towns = ['Ulricehamn', 'Tranemo', 'tranemo', ''];
  const rowsArb = fc.array(
    fc.record({ Kommun: fc.constantFrom(...towns), Ansvar: fc.constantFrom(...codes), Antal: fc.nat(500) }),
    { maxLength: 60 },
  );

  it('counted rows + unmatched rows = all rows, and the volumes add up to the counted quantities', () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.constantFrom('devices', 'licences') as fc.Arbitrary<'devices' | 'licences'>,
        (raw, kind) => {
          const rows = raw.map((r, i) => row(i + 2, { ...r, Antal: String(r.Antal) }));
          const count = countRegister({ kind, rows, rules: RULES, consumers: CONSUMERS });
          expect(count.countedRows + count.unmatched.length).toBe(rows.length);
          expect(count.volumes.reduce((n, v) => n + v.rows, 0)).toBe(count.countedRows);
          const unmatchedLines = new Set(count.unmatched.map((u) => u.line));
          const counted = rows.filter((r) => !unmatchedLines.has(r.line));
          const expected = counted.reduce(
            (t, r) => t + (kind === 'licences' ? Number(r.fields.Antal) : 1),
            0,
          );
          expect(count.totalVolume).toBe(String(expected));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the order of the rows does not change the volumes', () => {
    fc.assert(
      fc.property(rowsArb, (raw) => {
        const rows = raw.map((r, i) => row(i + 2, { Kommun: r.Kommun, Ansvar: r.Ansvar }));
        const forward = countRegister({ kind: 'devices', rows, rules: RULES, consumers: CONSUMERS });
        const backward = countRegister({
          kind: 'devices',
          rows: [...rows].reverse(),
          rules: RULES,
          consumers: CONSUMERS,
        });
        expect(backward.volumes).toEqual(forward.volumes);
      }),
      { numRuns: 200 },
    );
  });
});
