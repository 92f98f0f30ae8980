import { api } from '../api/client';
import type { ServiceLevelReport } from './drift-types';

/**
 * The newest tertial of a year (where follow-up is going on) that has tickets, with its report;
 * null when none has. The three tertials are asked for at once.
 */
export async function latestReportedTertial(year: number): Promise<ServiceLevelReport | null> {
  if (!year) return null;
  const reports = await Promise.all(
    [`${year}-T3`, `${year}-T2`, `${year}-T1`].map((t) => api.get<ServiceLevelReport>(`/drift/reports/${t}`)),
  );
  return reports.find((r) => r.municipalities.some((m) => m.counts.ticketsOpened > 0)) ?? null;
}

/** The newest year any model version is for: the year the forums follow up. */
export function newestYear(versions: { year: number }[]): number {
  return Math.max(0, ...versions.map((v) => v.year));
}
