import { seededRandom } from '@it-samverkan/config/seeded-random';

/** Demo consumers with on-call agreements the whole of 2025. */
const CONSUMERS = ['tra-oms', 'ulr-bou', 'bolag-ue', 'lonenamnd'];

/**
 * A large incident CSV for the demo (DOMAIN.md 6.4): `rows` incidents with ids `<prefix>-0…`,
 * seeded starts 2025-07-01 … 2025-10-15 (clear of the autumn DST change, so every local time
 * exists once), 10 min – 14 h each, the demo's on-call consumers in turn.
 */
export function largeIncidentCsv(rows: number, prefix: string, seed = 20_251_130): string {
  const random = seededRandom(seed);
  const first = Date.UTC(2025, 6, 1) / 60_000;
  const last = Date.UTC(2025, 9, 15) / 60_000;
  const local = (minute: number) => new Date(minute * 60_000).toISOString().slice(0, 16).replace('T', ' ');
  const lines = ['id,start,end,consumer,system,description'];
  for (let i = 0; i < rows; i++) {
    const start = first + Math.floor(random() * (last - first));
    const end = start + 10 + Math.floor(random() * (14 * 60 - 10));
    lines.push(`${prefix}-${i},${local(start)},${local(end)},${CONSUMERS[i % CONSUMERS.length]},Import,`);
  }
  return lines.join('\n') + '\n';
}
