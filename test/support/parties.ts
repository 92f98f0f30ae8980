import { DEMO_MUNICIPALITIES } from '@it-samverkan/config/demo/organisation';
import type { TestApp } from './test-app';

/**
 * Adds a demo municipality to a test app's organisation through the API, so grants may be scoped
 * to it (a scope names a real party: DOMAIN 3, issue 12 item 4).
 */
export async function addDemoMunicipality(
  t: TestApp,
  id: (typeof DEMO_MUNICIPALITIES)[number]['id'],
): Promise<void> {
  const { bankgiro, ...party } = DEMO_MUNICIPALITIES.find((m) => m.id === id)!;
  await t.http
    .post('/api/v1/organisation/municipalities')
    .set(t.auth())
    .send(bankgiro ? { ...party, bankgiro } : party)
    .expect(201);
}
