/**
 * The demo's IT-forum data. Drift: tickets and calls of 2025-T1 (2 January – 31 March, generated
 * from a fixed seed so every load is identical), and survey answers for the tickets the survey
 * selection chose. Utveckling: two decisions of IT-forum utveckling and four development requests.
 * Times are local (Europe/Stockholm) wall-clock times; the skipped hour of 2025-03-30 is avoided.
 */

import { seededRandom } from '../seeded-random';

const SEED = 20_250_107;
const MS_PER_MINUTE = 60_000;
const FIRST_DAY = Date.UTC(2025, 0, 2);
const LAST_DAY = Date.UTC(2025, 2, 31);
const LATEST_RESOLVED = Date.UTC(2025, 3, 1, 12, 0);
const SKIPPED_HOUR = [Date.UTC(2025, 2, 30, 2, 0), Date.UTC(2025, 2, 30, 3, 0)];

export const DEMO_FORUM_TERTIAL = '2025-T1';
export const DEMO_TICKET_COUNT = 300;
export const DEMO_CALL_COUNT = 500;

/** A wall-clock time (ms of the same wall time in UTC) as 'YYYY-MM-DD HH:MM', moved out of the skipped hour. */
function wallText(wall: number): string {
  const shifted = wall >= SKIPPED_HOUR[0] && wall < SKIPPED_HOUR[1] ? wall + 60 * MS_PER_MINUTE : wall;
  return new Date(shifted).toISOString().slice(0, 16).replace('T', ' ');
}

function pick(random: () => number, from: number, to: number): number {
  return from + Math.floor(random() * (to - from + 1));
}

/** A weekday (most tickets and all calls) or, with `weekendShare`, any day of the demo range. */
function demoDay(random: () => number, weekendShare: number): number {
  const days = (LAST_DAY - FIRST_DAY) / 86_400_000;
  for (;;) {
    const day = FIRST_DAY + pick(random, 0, days) * 86_400_000;
    const weekday = new Date(day).getUTCDay();
    if ((weekday !== 0 && weekday !== 6) || random() < weekendShare) return day;
  }
}

const municipalityOf = (random: () => number) => (random() < 0.65 ? 'ulricehamn' : 'tranemo');

/** The ticket export: id;opened;resolved;municipality;line;firstLine;ordinary (semicolons, as Swedish Excel writes). */
export function demoTicketCsv(): string {
  const random = seededRandom(SEED);
  const lines = ['id;opened;resolved;municipality;line;firstLine;ordinary'];
  for (let i = 1; i <= DEMO_TICKET_COUNT; i++) {
    const opened = demoDay(random, 0.05) + pick(random, 7 * 60, 17 * 60 + 30) * MS_PER_MINUTE;
    const firstLine = random() < 0.58;
    const line = firstLine ? 1 : random() < 0.8 ? 2 : 3;
    const minutes = firstLine
      ? pick(random, 5, 180)
      : line === 2
        ? pick(random, 60, 3 * 1440)
        : pick(random, 1440, 15 * 1440);
    const resolved = opened + minutes * MS_PER_MINUTE;
    const open = resolved > LATEST_RESOLVED || random() < 0.01;
    const ordinary = random() < 0.85;
    lines.push(
      [
        `SD-2025-${String(i).padStart(4, '0')}`,
        wallText(opened),
        open ? '' : wallText(resolved),
        municipalityOf(random),
        String(line),
        firstLine && !open ? 'ja' : 'nej',
        ordinary ? 'ja' : 'nej',
      ].join(';'),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The phone system export: id,time,municipality,waitSeconds,answered. */
export function demoCallCsv(): string {
  const random = seededRandom(SEED + 1);
  const lines = ['id,time,municipality,waitSeconds,answered'];
  for (let i = 1; i <= DEMO_CALL_COUNT; i++) {
    const time = demoDay(random, 0) + pick(random, 7 * 60 + 30, 16 * 60 + 29) * MS_PER_MINUTE;
    const answered = random() < 0.94;
    const band = random();
    const wait = !answered
      ? pick(random, 20, 400)
      : band < 0.55
        ? pick(random, 0, 10)
        : band < 0.86
          ? pick(random, 11, 60)
          : pick(random, 61, 300);
    lines.push(
      [
        `TEL-2025-${String(i).padStart(5, '0')}`,
        wallText(time),
        municipalityOf(random),
        String(wait),
        answered ? 'ja' : 'nej',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Survey answers for most of the selected tickets, the day after each was resolved at 10:00; most are satisfied. */
export function demoSurveyCsv(selected: readonly { ticketId: string; resolvedLocal: string }[]): string {
  const random = seededRandom(SEED + 2);
  const lines = ['id,ticketId,satisfied,answeredAt'];
  for (const { ticketId, resolvedLocal } of selected) {
    const answers = random() < 0.85;
    const satisfied = random() < 0.94;
    if (!answers) continue;
    const [y, m, d] = resolvedLocal.slice(0, 10).split('-').map(Number);
    const answeredAt = wallText(Date.UTC(y, m - 1, d + 1, 10, 0));
    lines.push([`ENK-${ticketId}`, ticketId, satisfied ? 'ja' : 'nej', answeredAt].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Decisions of IT-forum utveckling the demo's requests cite. */
export const DEMO_DEVELOPMENT_DECISIONS = [
  {
    key: 'feb',
    date: '2025-02-12',
    paragraph: '§ 17',
    subject: 'Utvecklingsärenden: e-tjänst för skolskjuts och larmintegration beviljas som tilläggsuppdrag',
  },
  {
    key: 'feb-framework',
    date: '2025-02-12',
    paragraph: '§ 18',
    subject: 'Utvecklingsärende: digital signering genomförs inom ramuppdraget',
  },
] as const;

/** The demo's development requests: where each ends up, and the hours reported on the additional ones. */
export const DEMO_DEVELOPMENT_REQUESTS = [
  {
    unitId: 'ulr-bou',
    title: 'E-tjänst för ansökan om skolskjuts',
    need: 'Vårdnadshavare ska kunna ansöka om skolskjuts digitalt med BankID i stället för på papper.',
    estimateHours: '40',
    funding: 'additional',
    path: ['prioritised', 'decided', 'in-progress'],
    decision: 'feb',
    hours: [
      { hours: '6.5', reportedOn: '2025-02-20', note: 'Kravworkshop och formulär' },
      { hours: '8', reportedOn: '2025-03-05', note: 'Integration mot elevregistret' },
    ],
  },
  {
    unitId: 'tra-oms',
    title: 'Integration trygghetslarm – verksamhetssystem omsorg',
    need: 'Larm ska skapa en händelse i verksamhetssystemet så att dokumentation inte görs två gånger.',
    estimateHours: '24',
    funding: 'additional',
    path: ['prioritised', 'decided', 'in-progress'],
    decision: 'feb',
    hours: [{ hours: '4', reportedOn: '2025-03-10', note: 'Kartläggning av gränssnitt' }],
  },
  {
    unitId: 'ulr-vof',
    title: 'Digital signering av journalanteckningar',
    need: 'Legitimerad personal ska kunna signera anteckningar digitalt.',
    estimateHours: '16',
    funding: 'framework',
    path: ['prioritised', 'decided'],
    decision: 'feb-framework',
    hours: [],
  },
  {
    unitId: 'tra-utb',
    title: 'Ny elevportal',
    need: 'Utbildningssektionen vill samla schema, frånvaro och meddelanden i en portal.',
    estimateHours: '120.5',
    funding: 'framework',
    path: [],
    decision: null,
    hours: [],
  },
] as const;
