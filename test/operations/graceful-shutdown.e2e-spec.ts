import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { ApiTokenEntity, openDatabase } from '@it-samverkan/persistence';
import { ApiProcess, startApiProcess } from '../support/api-process';
import { freshDatabase } from '../support/database';
import { ADMIN_TOKEN } from '../support/test-app';

interface Answer {
  status: number;
  connection: string | undefined;
  body: { name?: string; token?: string };
}

/** A POST whose body arrives in two parts: until `finish` the request is in flight at the server. */
function slowPost(api: ApiProcess, agent: Agent, path: string, json: object) {
  const body = Buffer.from(JSON.stringify(json));
  const half = Math.floor(body.length / 2);
  const req = httpRequest(`${api.url}${path}`, {
    method: 'POST',
    agent,
    headers: {
      Authorization: `Bearer ${ADMIN_TOKEN}`,
      'Content-Type': 'application/json',
      'Content-Length': String(body.length),
    },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: JSON.parse(text) }),
      );
    });
    req.on('error', reject);
  });
  req.write(body.subarray(0, half));
  return { answer, finish: () => req.end(body.subarray(half)) };
}

/** Whether a new TCP connection to the port is refused. */
function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('graceful shutdown: on SIGTERM the API finishes what is in flight and accepts nothing new', () => {
  let db: { url: string; drop: () => Promise<void> };
  let api: ApiProcess;

  beforeAll(async () => {
    db = await freshDatabase();
    api = await startApiProcess({ DATABASE_URL: db.url, IT_SAMVERKAN_BOOTSTRAP_TOKEN: ADMIN_TOKEN });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('answers three slow requests begun before the signal, refuses new connections, and exits 0', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 10 });
    const names = ['avstängning-1', 'avstängning-2', 'avstängning-3'];
    const slow = names.map((name) => slowPost(api, agent, '/api/v1/tokens', { name, role: 'readonly' }));
    // A quick request after them: once it is answered, the server has read the slow ones' headers.
    const health = await fetch(`${api.url}/health`);
    expect(health.status).toBe(200);

    api.child.kill('SIGTERM');
    await api.waitForOutput('SIGTERM: tar inte emot nya anslutningar; väntar på 3 pågående förfrågningar.');
    expect(await connectionRefused(api.port)).toBe(true);
    expect(api.child.exitCode).toBeNull();

    for (const s of slow) s.finish();
    const answers = await Promise.all(slow.map((s) => s.answer));
    expect(answers.map((a) => [a.status, a.body.name, a.connection])).toEqual(
      names.map((name) => [201, name, 'close']),
    );
    expect(await api.exited).toBe(0);
    expect(api.output()).toContain('Avstängd.');
    agent.destroy();

    // What the three requests did is stored.
    const reopened = await openDatabase(db.url);
    try {
      const stored = await reopened.getRepository(ApiTokenEntity).findBy(names.map((name) => ({ name })));
      expect(stored.map((t) => t.name).sort()).toEqual(names);
    } finally {
      await reopened.destroy();
    }
  });
});
