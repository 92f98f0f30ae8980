import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');

describe('API tokens belong to a person or a system, expire, and the audit trail names the person', () => {
  let t: TestApp;
  let annaId: string;
  const auditOf = async (entityType: string, entityId: string) =>
    (await t.http.get(`/api/v1/audit?entityType=${entityType}&entityId=${entityId}`).set(t.auth())).body
      .items;

  beforeAll(async () => {
    t = await startTestApp();
    annaId = await t.person({ username: 'anna.lind', displayName: 'Anna Lind', role: 'admin' });
  });
  afterAll(async () => t.close());

  it('a token owned by a person acts in her name: the audit trail names her and the token', async () => {
    const owned = await t.http
      .post('/api/v1/tokens')
      .set(t.auth())
      .send({ name: 'annas skript', role: 'admin', ownerUsername: 'anna.lind' })
      .expect(201);
    expect(owned.body).toMatchObject({
      owner: 'anna.lind',
      ownerKind: 'person',
      ownerPersonId: annaId,
      expiresAt: null,
    });
    const made = await t.http
      .post('/api/v1/tokens')
      .set(t.auth(owned.body.token))
      .send({ name: 'nattjobb', role: 'readonly', ownerSystem: 'ekonomisystemet' })
      .expect(201);
    const [entry] = await auditOf('api-token', made.body.id);
    expect(entry).toMatchObject({ actor: 'anna.lind', actorId: annaId, via: 'token:annas skript' });
    // A system's token: the audit names the system.
    const system = await t.http.post(`/api/v1/tokens/${owned.body.id}/revoke`).set(t.auth(made.body.token));
    expect(system.status).toBe(403);
    const revoked = await t.http.post(`/api/v1/tokens/${made.body.id}/revoke`).set(t.auth()).expect(200);
    expect(revoked.body.owner).toBe('ekonomisystemet');
    const [revokeEntry] = (await auditOf('api-token', made.body.id)).filter(
      (e: { action: string }) => e.action === 'revoke',
    );
    expect(revokeEntry).toMatchObject({ actor: 'bootstrap-admin', via: 'token:bootstrap-admin' });
  });

  it('lists owner and expiry; refuses an unknown owner, two owners and a past expiry', async () => {
    const list = await t.http.get('/api/v1/tokens').set(t.auth()).expect(200);
    const boot = list.body.items.find((x: { name: string }) => x.name === 'bootstrap-admin');
    expect(boot).toMatchObject({ owner: 'bootstrap-admin', ownerKind: 'system', expiresAt: null });
    const bad = await t.http.post('/api/v1/tokens').set(t.auth()).send({
      name: 'x',
      role: 'readonly',
      ownerUsername: 'ingen.sådan',
      ownerSystem: 'och ett system',
      expiresAt: '2025-04-01T00:00:00Z',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'expiresAt',
      'ownerSystem',
      'ownerUsername',
    ]);
  });

  it('an expired token is refused with 401 (fixed clock)', async () => {
    const created = await t.http
      .post('/api/v1/tokens')
      .set(t.auth())
      .send({ name: 'kvartalsjobb', role: 'readonly', expiresAt: '2025-04-02T09:00:00Z' })
      .expect(201);
    expect(created.body.expiresAt).toBe('2025-04-02T09:00:00.000Z');
    t.now.value = new Date('2025-04-02T08:59:59.999Z');
    await t.http.get('/api/v1/auth/me').set(t.auth(created.body.token)).expect(200);
    t.now.value = new Date('2025-04-02T09:00:00Z');
    const expired = await t.http.get('/api/v1/auth/me').set(t.auth(created.body.token));
    expect(expired.status).toBe(401);
    expect(expired.body.message).toBe('Ogiltig, utgången eller återkallad token');
    t.now.value = new Date('2025-04-02T08:00:00Z');
  });

  it("a deactivated person's token stops working", async () => {
    const bo = await t.person({ username: 'bo', role: 'readonly' });
    const tok = await t.http
      .post('/api/v1/tokens')
      .set(t.auth())
      .send({ name: 'bos', role: 'readonly', ownerUsername: 'bo' })
      .expect(201);
    await t.http.get('/api/v1/auth/me').set(t.auth(tok.body.token)).expect(200);
    await t.http.post(`/api/v1/persons/${bo}/deactivate`).set(t.auth()).expect(200);
    await t.http.get('/api/v1/auth/me').set(t.auth(tok.body.token)).expect(401);
  });

  describe('the command line', () => {
    const cli = (args: string[], env: Record<string, string> = {}, input?: string) => {
      const run = spawnSync(process.execPath, ['scripts/cli.js', ...args], {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: t.env.databaseUrl,
          IT_SAMVERKAN_NOW: '2025-04-02T08:00:00Z',
          ...env,
        },
        encoding: 'utf8',
        input,
      });
      return { status: run.status, stdout: run.stdout, stderr: run.stderr };
    };

    it('names the person given with --as, the owner of IT_SAMVERKAN_TOKEN, or cli:<user>', async () => {
      const asAnna = cli([
        '--as',
        'anna.lind',
        'token',
        'create',
        '--name',
        'via-cli',
        '--role',
        'readonly',
        '--json',
      ]);
      expect(asAnna.stderr).toBe('');
      const viaAs = JSON.parse(asAnna.stdout);
      expect((await auditOf('api-token', viaAs.id))[0]).toMatchObject({
        actor: 'anna.lind',
        actorId: annaId,
        via: 'cli',
      });

      const owned = await t.http
        .post('/api/v1/tokens')
        .set(t.auth())
        .send({ name: 'annas cli', role: 'admin', ownerUsername: 'anna.lind' })
        .expect(201);
      const withToken = cli(['token', 'create', '--name', 'via-token', '--role', 'readonly', '--json'], {
        IT_SAMVERKAN_TOKEN: owned.body.token,
      });
      const viaToken = JSON.parse(withToken.stdout);
      expect((await auditOf('api-token', viaToken.id))[0]).toMatchObject({
        actor: 'anna.lind',
        via: 'token:annas cli',
      });

      const plain = JSON.parse(
        cli(['token', 'create', '--name', 'via-user', '--role', 'readonly', '--json'], { USER: 'operatör' })
          .stdout,
      );
      expect((await auditOf('api-token', plain.id))[0]).toMatchObject({
        actor: 'cli:operatör',
        actorId: null,
        via: 'cli',
      });

      const unknown = cli(['--as', 'ingen.alls', 'token', 'create', '--name', 'x', '--role', 'readonly']);
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toContain('Personen "ingen.alls" finns inte');
      const badToken = cli(['token', 'list'], { IT_SAMVERKAN_TOKEN: 'its_no-such-token-0000000000000000' });
      // Reading a list needs no actor; a change with a bad token is refused.
      expect(badToken.status).toBe(0);
      const refused = cli(['token', 'create', '--name', 'x', '--role', 'readonly'], {
        IT_SAMVERKAN_TOKEN: 'its_no-such-token-0000000000000000',
      });
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('IT_SAMVERKAN_TOKEN: ogiltig, utgången eller återkallad token');
    });

    it('person create|list|password|deactivate, with the password from stdin or generated and printed once', async () => {
      const created = cli(
        [
          'person',
          'create',
          '--username',
          'cli.person',
          '--name',
          'Cli Person',
          '--role',
          'finance',
          '--scope',
          'tranemo',
          '--password-stdin',
        ],
        {},
        'ett-långt-lösenord-från-stdin\n',
      );
      expect(created.status).toBe(0);
      expect(created.stdout).toMatch(/^Person cli\.person skapad \(/);
      expect(created.stdout).not.toContain('Lösenord');
      await t.http
        .post('/api/v1/auth/login')
        .send({ username: 'cli.person', password: 'ett-långt-lösenord-från-stdin' })
        .expect(200);
      const generated = cli(['person', 'password', 'cli.person']);
      const password = /Lösenord \(visas bara nu\): (\S+)/.exec(generated.stdout)?.[1] ?? '';
      expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
      await t.http.post('/api/v1/auth/login').send({ username: 'cli.person', password }).expect(200);
      const list = JSON.parse(cli(['person', 'list', '--json']).stdout);
      expect(list.find((p: { username: string }) => p.username === 'cli.person')).toMatchObject({
        role: 'finance',
        scope: 'tranemo',
        active: true,
        hasPassword: true,
      });
      expect(cli(['person', 'deactivate', 'cli.person']).status).toBe(0);
      await t.http.post('/api/v1/auth/login').send({ username: 'cli.person', password }).expect(401);
      const invalid = cli([
        'person',
        'create',
        '--username',
        'X Y',
        '--name',
        'n',
        '--role',
        'kung',
        '--no-password',
      ]);
      expect(invalid.status).toBe(2);
      expect(invalid.stderr).toContain('username:');
      expect(invalid.stderr).toContain('role:');
    });
  });
});
