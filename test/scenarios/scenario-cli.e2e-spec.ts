import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  CHANGE_DRIVER_MUNICIPALITIES,
  changesDoc,
  D_JOINS,
  threeMunicipalityModel,
} from './scenario-fixtures';

function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
    cwd: resolve(__dirname, '../..'),
    encoding: 'utf8',
    // The command needs no database: one that cannot be opened proves it never tries.
    env: {
      ...process.env,
      DATABASE_URL: 'sqlite:/nonexistent/dir/never-opened.sqlite',
      IT_SAMVERKAN_NOW: '2025-04-02T08:00:00Z',
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('CLI: scenario <model.json> <changes.json> [--json] (a contract, no database)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'its-scenario-'));
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  };
  const model = file('model.json', threeMunicipalityModel());
  const keyChange = file(
    'key.json',
    changesDoc('Arbetsplats per konto', [{ type: 'change-driver', service: 'arbetsplats', driver: 'users' }]),
  );
  const joins = file(
    'joins.json',
    changesDoc('D ansluter och A interndebiterar', [
      D_JOINS,
      { type: 'switch-funding', municipality: 'kommun-a', from: 'appropriation', to: 'internal-charge' },
    ]),
  );

  it('--json prints exactly the comparison document (hand figures of the key change)', () => {
    const { status, stdout, stderr } = runCli(['scenario', model, keyChange, '--json']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual([
      'format',
      'scenario',
      'model',
      'year',
      'created',
      'totals',
      'municipalities',
      'consumers',
      'services',
      'administrativeLoad',
      'fundingSwitches',
      'fundingMoves',
    ]);
    expect(doc).toMatchObject({
      format: 'it-samverkan/scenario-comparison@1',
      scenario: 'Arbetsplats per konto',
      model: 'Tre kommuner 2025, budget',
      year: 2025,
      created: '2025-04-02',
      totals: { base: '130000.00', scenario: '130000.00', difference: '0.00', differencePercent: '0.0' },
    });
    expect(doc.municipalities).toEqual(CHANGE_DRIVER_MUNICIPALITIES);
    expect(doc.consumers[2]).toEqual({
      id: 'b-ks',
      name: 'Kommun B kommunledning',
      municipality: 'kommun-b',
      base: '45000.00',
      scenario: '21666.67',
      difference: '-23333.33',
      differencePercent: '-51.9',
    });
    expect(doc.services[0]).toEqual({
      id: 'arbetsplats',
      name: 'Arbetsplatstjänst',
      base: '100000.00',
      scenario: '100000.00',
      difference: '0.00',
      differencePercent: '0.0',
      driver: { base: 'devices', scenario: 'users' },
      unitPrice: { base: '100.00', scenario: '166.67' },
    });
    expect(doc.administrativeLoad.base).toMatchObject({ internalCharges: 8, invoices: 8 });
    expect(doc.administrativeLoad.scenario).toMatchObject({ internalCharges: 8, invoices: 8 });
  });

  it('counts the administrative load from the changes document: D invoiced, A charged internally', () => {
    const { status, stdout } = runCli(['scenario', model, joins, '--json']);
    expect(status).toBe(0);
    const doc = JSON.parse(stdout);
    // a-ks joins a-skola on internal charge: 2 consumers × 2 services × 4 quarters; B, C and D invoiced each quarter.
    expect(doc.administrativeLoad.scenario).toMatchObject({ internalCharges: 16, invoices: 12 });
    expect(doc.fundingSwitches).toEqual([{ consumer: 'a-ks', from: 'appropriation', to: 'internal-charge' }]);
    expect(doc.municipalities.map((m: { id: string; scenario: string }) => [m.id, m.scenario])).toEqual([
      ['kommun-a', '44857.14'],
      ['kommun-b', '36285.72'],
      ['kommun-c', '24571.43'],
      ['kommun-d', '24285.71'],
    ]);
  });

  it('without --json prints Swedish tables per municipality, consumer and service', () => {
    const run = runCli(['scenario', model, joins]);
    expect(run.status).toBe(0);
    // Amounts are grouped with no-break spaces (Money.toSwedish); compare with plain ones.
    const stdout = run.stdout.replace(/\u00a0/g, ' ');
    expect(stdout).toContain(
      'Scenario: D ansluter och A interndebiterar – jämfört med Tre kommuner 2025, budget (2025)',
    );
    expect(stdout).toContain('Skapad 2025-04-02');
    for (const heading of ['Per kommun', 'Per förbrukare', 'Per tjänst', 'Debiteringar och fakturor per år'])
      expect(stdout).toContain(heading);
    expect(stdout).toMatch(/kommun-a\s+55 000,00\s+44 857,14\s+-10 142,86\s+-18,4 %/);
    expect(stdout).toMatch(/kommun-d\s+0,00\s+24 285,71\s+24 285,71\s+–/);
    expect(stdout).toMatch(/Interndebitering\s+1\s+2\s+8\s+16\s+0\s+0/);
  });

  it('invalid input: exit 2 and every problem on stderr, nothing on stdout', () => {
    const bad = file('bad.json', {
      format: 'it-samverkan/scenario-changes@1',
      name: 'Fel',
      changes: [
        { type: 'set-volume', driver: 'printers', consumer: 'a-ks', value: '-1' },
        { type: 'set-pool-amount', pool: 'personal', amount: '10.005' },
        { type: 'scale-volume', driver: 'devices', factor: '0' },
      ],
    });
    const { status, stdout, stderr } = runCli(['scenario', model, bad, '--json']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Fel (SCENARIO_INVALID): Scenariot är ogiltigt');
    expect(stderr).toContain("changes[0].driver: Okänd fördelningsnyckel 'printers'");
    expect(stderr).toContain('changes[0].value:');
    expect(stderr).toContain('changes[1].amount:');
    expect(stderr).toMatch(/ {2}model\.\S+: /);
  });

  it('a missing file, a broken JSON file or an invalid model: exit 2 with the reason', () => {
    expect(runCli(['scenario', join(dir, 'saknas.json'), keyChange]).stderr).toContain('finns inte');
    const broken = runCli(['scenario', model, file('broken.json', '{ "format": ')]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('inte giltig JSON');
    const invalidModel = runCli([
      'scenario',
      file('eur.json', { ...threeMunicipalityModel(), currency: 'EUR' }),
      keyChange,
    ]);
    expect(invalidModel.status).toBe(2);
    expect(invalidModel.stderr).toContain('currency:');
  });
});
