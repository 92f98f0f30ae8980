import { ValidationError } from '@it-samverkan/domain';
import { parseIncidentCsv } from './incident-csv';

const TZ = 'Europe/Stockholm';

function problemsOf(text: string, known?: Set<string>) {
  try {
    parseIncidentCsv(text, TZ, known);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).code).toBe('INCIDENT_CSV_INVALID');
    return (e as ValidationError).details;
  }
  throw new Error('accepted');
}

describe('parseIncidentCsv (DOMAIN.md 6.4)', () => {
  it('reads a comma-separated file with the header of 6.4', () => {
    const csv = [
      'id,start,end,consumer,system,description',
      'B-1,2025-03-11 16:00,2025-03-11 16:50,ulricehamn-it,Lön,Servern svarar inte',
      'B-2,2025-06-20T15:00:00+02:00,2025-06-20T17:10:00+02:00,tranemo-skola,"Wifi, skolan","Tappad ""uplink"""',
    ].join('\n');
    const { rows, delimiter } = parseIncidentCsv(csv, TZ);
    expect(delimiter).toBe(',');
    expect(rows).toEqual([
      {
        line: 2,
        id: 'B-1',
        start: new Date('2025-03-11T15:00:00Z'),
        end: new Date('2025-03-11T15:50:00Z'),
        consumer: 'ulricehamn-it',
        system: 'Lön',
        description: 'Servern svarar inte',
      },
      {
        line: 3,
        id: 'B-2',
        start: new Date('2025-06-20T13:00:00Z'),
        end: new Date('2025-06-20T15:10:00Z'),
        consumer: 'tranemo-skola',
        system: 'Wifi, skolan',
        description: 'Tappad "uplink"',
      },
    ]);
  });

  it('reads what Swedish Excel writes: BOM, semicolons, CRLF, columns in another order', () => {
    const csv =
      '\uFEFFID;Consumer;Start;End;System;Description;Kommentar\r\n' +
      'B-7;ulricehamn-it;2025-03-14 21:40;2025-03-15 00:20;Nät;"Brandvägg; omstart";\r\n\r\n';
    const { rows, delimiter } = parseIncidentCsv(csv, TZ);
    expect(delimiter).toBe(';');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      line: 2,
      id: 'B-7',
      consumer: 'ulricehamn-it',
      description: 'Brandvägg; omstart',
    });
    expect(rows[0].end.toISOString()).toBe('2025-03-14T23:20:00.000Z');
  });

  it('numbers lines as the file does, counting blank lines and line breaks inside quotes', () => {
    const csv = [
      'id;start;end;consumer;system;description',
      'A;2025-03-11 16:00;2025-03-11 17:00;x;s;"två',
      'rader"',
      '',
      'B;2025-03-11 16:00;2025-03-11 17:00;x;s;d',
    ].join('\r\n');
    expect(parseIncidentCsv(csv, TZ).rows.map((r) => [r.id, r.line])).toEqual([
      ['A', 2],
      ['B', 5],
    ]);
  });

  it('lists every bad row with its line number and reason, and returns nothing', () => {
    const csv = [
      'id,start,end,consumer,system,description',
      'B-1,2025-03-11 16:00,2025-03-11 16:50,ulricehamn-it,Lön,ok',
      ',2025-03-11 16:00,2025-03-11 16:50,ulricehamn-it,Lön,no id',
      'B-1,2025-03-11 16:00,2025-03-11 16:50,ulricehamn-it,Lön,duplicate id',
      'B-4,2025-03-30 02:30,2025-03-30 04:00,ulricehamn-it,Lön,time that does not exist',
      'B-5,2025-03-11 17:00,2025-03-11 16:00,ulricehamn-it,Lön,end before start',
      'B-6,2025-03-11 16:00,2025-03-11 16:00:30,,Lön,seconds and no consumer',
      'B-7,2025-03-11 16:00,2025-03-11 17:00,okänd,Lön,unknown consumer',
      'B-8,2025-03-11 16:00',
    ].join('\n');
    const problems = problemsOf(csv, new Set(['ulricehamn-it']));
    expect(problems).toEqual([
      { path: 'line 3.id', message: 'Rad 3: id saknas' },
      { path: 'line 4.id', message: 'Rad 4: id "B-1" finns redan på rad 2' },
      {
        path: 'line 5.start',
        message:
          'Rad 5: starttid: Tiden 2025-03-30 02:30 finns inte i Europe/Stockholm (sommartid börjar: klockan går från 02:00 till 03:00)',
      },
      {
        path: 'line 6.end',
        message: 'Rad 6: sluttiden 2025-03-11 16:00 måste vara efter starttiden 2025-03-11 17:00',
      },
      {
        path: 'line 7.end',
        message:
          'Rad 7: sluttid: Tiden "2025-03-11 16:00:30" har sekunder: tider anges på minuten, t.ex. 2025-06-20 15:00',
      },
      { path: 'line 7.consumer', message: 'Rad 7: förbrukare saknas' },
      { path: 'line 8.consumer', message: 'Rad 8: okänd förbrukare "okänd"' },
      { path: 'line 9', message: 'Rad 9: raden har 2 fält men rubrikraden har 6' },
    ]);
  });

  it('reports an ambiguous autumn time and an unreadable time', () => {
    const csv = 'id,start,end,consumer,system,description\nB-1,2025-10-26 02:30,i morgon,x,s,d\n';
    expect(problemsOf(csv).map((p) => p.path)).toEqual(['line 2.start', 'line 2.end']);
  });

  it('reports missing columns on line 1', () => {
    expect(problemsOf('id;start;stop;consumer\n1;2;3;4')).toEqual([
      {
        path: 'line 1',
        message:
          'Rad 1: kolumnen "end" saknas; rubrikraden ska vara id;start;end;consumer;system;description',
      },
      {
        path: 'line 1',
        message:
          'Rad 1: kolumnen "system" saknas; rubrikraden ska vara id;start;end;consumer;system;description',
      },
      {
        path: 'line 1',
        message:
          'Rad 1: kolumnen "description" saknas; rubrikraden ska vara id;start;end;consumer;system;description',
      },
    ]);
  });

  it('reports an empty file and a quote that never closes', () => {
    expect(problemsOf('')[0].path).toBe('line 1');
    const broken =
      'id,start,end,consumer,system,description\nB-1,2025-03-11 16:00,2025-03-11 17:00,x,s,"open\n';
    expect(problemsOf(broken)[0].message).toMatch(
      /^Rad \d+: filen går inte att läsa som CSV \(ett citattecken stängs aldrig\)/,
    );
  });

  it('accepts a file with only a header as no incidents', () => {
    expect(parseIncidentCsv('id,start,end,consumer,system,description\n', TZ).rows).toEqual([]);
  });
});
