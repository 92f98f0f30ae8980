import { ValidationError } from '@it-samverkan/domain';
import { parseCallCsv, parseSurveyCsv, parseTicketCsv } from '.';

const options = { timezoneOf: () => 'Europe/Stockholm', municipalities: new Set(['ulricehamn', 'tranemo']) };

function rejection(read: () => unknown): ValidationError {
  try {
    read();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('ticket, call and survey CSV exports', () => {
  it('reads tickets with semicolons, BOM and CRLF, columns in any order and flags in Swedish or English', () => {
    const text =
      '\uFEFFmunicipality;id;opened;resolved;line;firstLine;ordinary;extra\r\n' +
      'ulricehamn;T-1;2025-03-14 16:00;2025-03-17 10:00:30;1;ja;Ja;x\r\n' +
      'tranemo;T-2;2025-03-14T16:00:00+01:00;;2;NEJ;yes;\r\n' +
      '\r\n';
    const { delimiter, rows } = parseTicketCsv(text, options);
    expect(delimiter).toBe(';');
    expect(rows).toEqual([
      {
        line: 2,
        id: 'T-1',
        opened: new Date('2025-03-14T15:00:00Z'),
        resolved: new Date('2025-03-17T09:00:30Z'),
        municipality: 'ulricehamn',
        supportLine: 1,
        firstLine: true,
        ordinary: true,
      },
      {
        line: 3,
        id: 'T-2',
        opened: new Date('2025-03-14T15:00:00Z'),
        resolved: null,
        municipality: 'tranemo',
        supportLine: 2,
        firstLine: false,
        ordinary: true,
      },
    ]);
  });

  it('rejects a file with bad rows, naming every line and field', () => {
    const text = [
      'id,opened,resolved,municipality,line,firstLine,ordinary',
      'T-1,2025-03-14 16:00,2025-03-17 10:00,ulricehamn,1,ja,ja',
      'T-2,2025-03-30 02:30,,ulricehamn,1,nej,ja',
      'T-3,2025-03-14 16:00,2025-03-13 10:00,mark,4,kanske,ja',
      'T-1,2025-03-14 16:00,,ulricehamn,2,ja,nej',
      '"T-5,2025-03-14 16:00',
    ].join('\n');
    const error = rejection(() => parseTicketCsv(text, options));
    expect(error.code).toBe('TICKET_CSV_INVALID');
    expect(error.details[0]).toEqual({
      path: 'line 6',
      message: 'Rad 6: filen går inte att läsa som CSV (ett citattecken stängs aldrig)',
    });
    const fixed = text.replace('\n"T-5,2025-03-14 16:00', '');
    const paths = rejection(() => parseTicketCsv(fixed, options)).details.map((d) => d.path);
    expect(paths).toEqual([
      'line 3.opened',
      'line 4.resolved',
      'line 4.municipality',
      'line 4.line',
      'line 4.firstLine',
      'line 5.id',
      'line 5.firstLine',
      'line 5.firstLine',
    ]);
    expect(rejection(() => parseTicketCsv(fixed, options)).message).toBe(
      'Filen har 8 fel och lästes inte in; ingen rad har sparats',
    );
  });

  it('reports a missing column and rows of the wrong width', () => {
    expect(
      rejection(() => parseTicketCsv('id,opened,resolved,municipality,line,firstLine\n', options)).details,
    ).toEqual([
      {
        path: 'line 1',
        message:
          'Rad 1: kolumnen "ordinary" saknas; rubrikraden ska vara id,opened,resolved,municipality,line,firstLine,ordinary',
      },
    ]);
    expect(
      rejection(() =>
        parseCallCsv(
          'id,time,municipality,waitSeconds,answered\nC-1,2025-01-08 08:00,ulricehamn,5\n',
          options,
        ),
      ).details,
    ).toEqual([{ path: 'line 2', message: 'Rad 2: raden har 4 fält men rubrikraden har 5' }]);
  });

  it('reads calls with whole seconds of waiting, and survey answers', () => {
    const calls = parseCallCsv(
      'id;time;municipality;waitSeconds;answered\nC-1;2025-01-08 08:00:05;ulricehamn;12;1\nC-2;2025-01-08 08:01;tranemo;40;0\n',
      options,
    );
    expect(calls.rows.map((c) => [c.id, c.time.toISOString(), c.waitSeconds, c.answered])).toEqual([
      ['C-1', '2025-01-08T07:00:05.000Z', 12, true],
      ['C-2', '2025-01-08T07:01:00.000Z', 40, false],
    ]);
    const bad = rejection(() =>
      parseCallCsv(
        'id,time,municipality,waitSeconds,answered\nC-1,2025-01-08 08:00,ulricehamn,4.5,ja\n',
        options,
      ),
    );
    expect(bad.details).toEqual([
      {
        path: 'line 2.waitSeconds',
        message: 'Rad 2: waitSeconds måste vara ett helt antal sekunder 0–86400, inte "4.5"',
      },
    ]);
    const answers = parseSurveyCsv(
      'id,ticketId,satisfied,answeredAt\nS-1,T-1,false,2025-01-09 10:00\nS-2,T-2,ja,2025-01-09 10:00\n',
      options,
    );
    expect(answers.rows.map((a) => [a.line, a.id, a.ticketId, a.satisfied])).toEqual([
      [2, 'S-1', 'T-1', false],
      [3, 'S-2', 'T-2', true],
    ]);
    const word = rejection(() =>
      parseSurveyCsv('id,ticketId,satisfied,answeredAt\nS-1,,nöjd,2025-01-09 10:00\n', options),
    );
    expect(word.code).toBe('SURVEY_CSV_INVALID');
    expect(word.details.map((d) => d.path)).toEqual(['line 2.ticketId', 'line 2.satisfied']);
  });
});
