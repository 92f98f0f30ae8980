import { DataSource } from 'typeorm';
import {
  DEMO_FORUM_TERTIAL,
  demoCallCsv,
  demoSurveyCsv,
  demoTicketCsv,
} from '@it-samverkan/config/demo/forums';
import { Actor } from '../common/principal';
import { ForumImportService } from './forum-import.service';
import { ServiceLevelReportService } from './service-level-report.service';

/** Demo loader: imports the demo's tickets and calls of 2025-T1 and answers to the tickets the survey selection chose. */
export async function loadDriftDemo(dataSource: DataSource, actor: Actor, now: Date): Promise<void> {
  const imports = new ForumImportService(dataSource);
  await imports.importTickets(demoTicketCsv(), actor, now);
  await imports.importCalls(demoCallCsv(), actor, now);
  const selection = await new ServiceLevelReportService(dataSource).surveySelection(
    DEMO_FORUM_TERTIAL,
    actor,
  );
  await imports.importSurveyAnswers(demoSurveyCsv(selection.selected), actor, now);
}
