import { DataSource, In } from 'typeorm';
import {
  computeServiceLevels,
  DomainError,
  formatLocalDateTime,
  MeasureResult,
  parseTertial,
  selectSurveyTickets,
  ServiceLevelCounts,
  SupportCalendar,
  SURVEY_INTERVAL,
  Tertial,
  tertialInstants,
} from '@it-samverkan/domain';
import {
  MunicipalityEntity,
  PhoneCallEntity,
  SurveyAnswerEntity,
  TicketEntity,
} from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { ServiceLevelTargetsView, targetsOfYear } from './service-level-targets.service';

/** A municipality's (or the total's) row of the report, with its name. */
export interface MunicipalityReportView {
  municipality: string;
  name: string;
  counts: ServiceLevelCounts;
  measures: MeasureResult[];
}

/** The tertial report of IT-forum drift (DOMAIN.md 8.1). */
export interface ServiceLevelReportView {
  tertial: string;
  firstDay: string;
  lastDay: string;
  /** When the figures were taken (open tickets are judged against it). */
  asOf: string;
  /** The local date the report was made, printed on files. */
  generatedOn: string;
  targets: ServiceLevelTargetsView;
  municipalities: MunicipalityReportView[];
  total: MunicipalityReportView;
  /** How the figures are counted, in Swedish, for readers of the report. */
  rules: string[];
}

/** The survey selection of a tertial: every 4th ticket resolved in it. */
export interface SurveySelectionView {
  tertial: string;
  interval: number;
  /** Tickets resolved in the tertial, all municipalities (the order the selection counts in). */
  closedTickets: number;
  selected: {
    position: number;
    ticketId: string;
    municipality: string;
    resolved: string;
    resolvedLocal: string;
    answered: boolean;
    satisfied: boolean | null;
  }[];
}

export const SERVICE_LEVEL_RULES = [
  'Ärenden räknas i den tertial de öppnades (lokal tid i supportkalenderns tidszon).',
  'Första linjen: ärenden lösta i första linjen av de stängda ärendena; öppna ärenden räknas inte.',
  'En arbetsdag: ett normalärende är löst inom en arbetsdag om det löstes innan supporten stängde första arbetsdagen efter startdagen (startdagen är öppningsdagen om den är en arbetsdag och ärendet öppnades före stängning, annars nästa arbetsdag). Ett öppet normalärende vars tidsgräns passerat räknas som inte löst i tid; ett vars gräns inte passerat räknas inte ännu.',
  'Samtal: besvarade inom 10 (60) sekunders väntan av alla samtal i tertialen; obesvarade samtal ingår i nämnaren.',
  'Nöjdhet: nöjda svar av enkätsvar lämnade i tertialen.',
  `Enkäturval: ärenden lösta i tertialen (alla kommuner), ordnade efter lösningstid och sedan id; vart ${SURVEY_INTERVAL}:e (plats ${SURVEY_INTERVAL}, ${2 * SURVEY_INTERVAL}, ${3 * SURVEY_INTERVAL} …) får enkäten.`,
  'Andelar i procent med en decimal (avrundat half-up); målet jämförs med den exakta andelen. Utan underlag (nämnare 0) anges ingen andel.',
];

/** The service-level follow-up per tertial and municipality, and the survey selection. */
export class ServiceLevelReportService {
  constructor(private readonly dataSource: DataSource) {}

  /** The report of a tertial ('2025-T1'); `municipality` limits it to one, a scoped principal sees only its own. */
  async report(
    tertialKey: string,
    filter: { municipality?: string },
    actor: Actor,
    now: Date,
  ): Promise<ServiceLevelReportView> {
    const tertial = parseTertial(tertialKey);
    const targets = await targetsOfYear(this.dataSource, tertial.year);
    const calendar = new SupportCalendar(targets.calendar);
    const { start, end } = tertialInstants(tertial, calendar.zone);
    const names = await this.municipalityNames();
    const asked = this.municipalityAsked(filter.municipality, actor, names);

    const tickets = await this.dataSource
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      .where(
        '(t.openedAt >= :start AND t.openedAt < :end) OR (t.resolvedAt >= :start AND t.resolvedAt < :end)',
        {
          start: new Date(start),
          end: new Date(end),
        },
      )
      .getMany();
    const calls = await this.inRange(PhoneCallEntity, 'calledAt', start, end, asked);
    const answers = await this.inRange(SurveyAnswerEntity, 'answeredAt', start, end, asked);
    const municipalities =
      asked ??
      [
        ...new Set([
          ...tickets
            .filter((t) => t.openedAt.getTime() >= start && t.openedAt.getTime() < end)
            .map((t) => t.municipalityId),
          ...calls.map((c) => c.municipalityId),
          ...answers.map((a) => a.municipalityId),
        ]),
      ].sort();

    const result = computeServiceLevels({
      tertial,
      targets,
      asOf: now.getTime(),
      municipalities,
      tickets: tickets.map((t) => ({
        id: t.id,
        municipality: t.municipalityId,
        opened: t.openedAt.getTime(),
        resolved: t.resolvedAt === null ? null : t.resolvedAt.getTime(),
        line: t.supportLine as 1 | 2 | 3,
        firstLine: t.firstLine,
        ordinary: t.ordinary,
      })),
      calls: calls.map((c) => ({
        municipality: c.municipalityId,
        time: c.calledAt.getTime(),
        waitSeconds: c.waitSeconds,
        answered: c.answered,
      })),
      answers: answers.map((a) => ({
        municipality: a.municipalityId,
        answeredAt: a.answeredAt.getTime(),
        satisfied: a.satisfied,
      })),
    });
    const named = (row: { municipality: string; counts: ServiceLevelCounts; measures: MeasureResult[] }) => ({
      ...row,
      name: names.get(row.municipality) ?? (row.municipality === 'alla' ? 'Samtliga' : row.municipality),
    });
    return {
      tertial: result.tertial,
      firstDay: result.firstDay,
      lastDay: result.lastDay,
      asOf: now.toISOString(),
      generatedOn: calendar.localDateOf(now),
      targets,
      municipalities: result.municipalities.map(named),
      total: named(result.total),
      rules: SERVICE_LEVEL_RULES,
    };
  }

  /** The tickets chosen for the survey in a tertial, with whether each has answered; a scoped principal sees its own. */
  async surveySelection(tertialKey: string, actor: Actor): Promise<SurveySelectionView> {
    const tertial: Tertial = parseTertial(tertialKey);
    const targets = await targetsOfYear(this.dataSource, tertial.year);
    const zone = new SupportCalendar(targets.calendar).zone;
    const { start, end } = tertialInstants(tertial, zone);
    const closed = await this.dataSource
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      .select(['t.id', 't.municipalityId', 't.resolvedAt'])
      .where('t.resolvedAt >= :start AND t.resolvedAt < :end', { start: new Date(start), end: new Date(end) })
      .getMany();
    const scope = actor.principal.scope;
    const selected = selectSurveyTickets(
      closed.map((t) => ({
        id: t.id,
        resolved: (t.resolvedAt as Date).getTime(),
        municipality: t.municipalityId,
      })),
    ).filter((s) => scope === null || s.ticket.municipality === scope);
    const answers = new Map<string, boolean>();
    const ids = selected.map((s) => s.ticket.id);
    for (let i = 0; i < ids.length; i += 200) {
      for (const a of await this.dataSource
        .getRepository(SurveyAnswerEntity)
        .findBy({ ticketId: In(ids.slice(i, i + 200)) })) {
        answers.set(a.ticketId, a.satisfied);
      }
    }
    return {
      tertial: tertial.key,
      interval: SURVEY_INTERVAL,
      closedTickets: closed.length,
      selected: selected.map(({ position, ticket }) => ({
        position,
        ticketId: ticket.id,
        municipality: ticket.municipality,
        resolved: new Date(ticket.resolved).toISOString(),
        resolvedLocal: formatLocalDateTime(new Date(ticket.resolved), targets.calendar.timezone),
        answered: answers.has(ticket.id),
        satisfied: answers.get(ticket.id) ?? null,
      })),
    };
  }

  private async municipalityNames(): Promise<Map<string, string>> {
    const rows = await this.dataSource
      .getRepository(MunicipalityEntity)
      .find({ select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The one municipality asked for (or the scope's), or null for every municipality with data. */
  private municipalityAsked(
    municipality: string | undefined,
    actor: Actor,
    names: Map<string, string>,
  ): string[] | null {
    const scope = actor.principal.scope;
    if (municipality !== undefined && !names.has(municipality)) {
      throw new DomainError('MUNICIPALITY_NOT_FOUND', `Kommunen ${municipality} finns inte`, 'not-found');
    }
    if (scope !== null && municipality !== undefined && municipality !== scope) {
      throw new DomainError(
        'FORBIDDEN',
        `Din token gäller ${scope} och visar inte ${municipality}s uppföljning`,
        'forbidden',
      );
    }
    const one = municipality ?? scope;
    return one === null ? null : [one];
  }

  private async inRange<E extends PhoneCallEntity | SurveyAnswerEntity>(
    entity: new () => E,
    column: 'calledAt' | 'answeredAt',
    start: number,
    end: number,
    municipalities: string[] | null,
  ): Promise<E[]> {
    const qb = this.dataSource
      .getRepository(entity)
      .createQueryBuilder('r')
      .where(`r.${column} >= :start AND r.${column} < :end`, { start: new Date(start), end: new Date(end) });
    if (municipalities) qb.andWhere('r.municipalityId IN (:...municipalities)', { municipalities });
    return qb.getMany();
  }
}
