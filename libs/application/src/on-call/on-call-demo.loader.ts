import { DataSource } from 'typeorm';
import { DEMO_ON_CALL_INCIDENTS, DEMO_ON_CALL_TARIFF } from '@it-samverkan/config/demo/on-call';
import { Actor } from '../common/principal';
import { OnCallIncidentService } from './incident.service';
import { OnCallTariffService } from './on-call-tariff.service';

/** Demo loader: stores the demo on-call tariff and bills the demo incidents, audited like any change. */
export async function loadOnCallDemo(dataSource: DataSource, actor: Actor, now: Date): Promise<void> {
  await new OnCallTariffService(dataSource).create(DEMO_ON_CALL_TARIFF, actor, now);
  const incidents = new OnCallIncidentService(dataSource);
  for (const incident of DEMO_ON_CALL_INCIDENTS) await incidents.record(incident, actor, now);
}
