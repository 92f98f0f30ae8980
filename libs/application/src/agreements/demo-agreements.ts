import { DataSource } from 'typeorm';
import { DEMO_COOPERATION, DEMO_SERVICE_AGREEMENTS } from '@it-samverkan/config/demo/agreements';
import { Actor } from '../common/principal';
import { AgreementService } from './agreements.service';

/** Loads the demo's cooperation agreement and service agreements. */
export async function loadDemoAgreements(db: DataSource, actor: Actor, now: Date): Promise<void> {
  const service = new AgreementService(db);
  await service.addCooperationVersion(DEMO_COOPERATION, actor, now);
  for (const agreement of DEMO_SERVICE_AGREEMENTS)
    await service.createServiceAgreement(agreement, actor, now);
}
