import type { MeasureResult } from '@it-samverkan/domain';

/** The service-level report of a tertial (GET /api/v1/drift/reports/{tertial}); a measure is the domain's. */
export type Measure = MeasureResult;

export interface MunicipalityLevels {
  municipality: string;
  name: string;
  counts: { ticketsOpened: number; calls: number; surveyAnswers: number };
  measures: Measure[];
}

export interface ServiceLevelReport {
  tertial: string;
  firstDay: string;
  lastDay: string;
  generatedOn: string;
  municipalities: MunicipalityLevels[];
  total: MunicipalityLevels;
  rules: string[];
}

/** Every measure a municipality missed (its share below the target), for lists that name them. */
export function missesOf(report: ServiceLevelReport) {
  return report.municipalities.flatMap((m) =>
    m.measures
      .filter((x) => x.met === false)
      .map((x) => ({
        tertial: report.tertial,
        municipality: m.name,
        label: x.label,
        share: x.share ?? '–',
        target: x.target,
      })),
  );
}

/** The tertial before a tertial: 2025-T1 → 2024-T3. */
export function previousTertial(tertial: string): string {
  const [year, t] = tertial.split('-T').map(Number);
  return t === 1 ? `${year - 1}-T3` : `${year}-T${t - 1}`;
}
