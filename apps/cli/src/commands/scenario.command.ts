import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { FUNDING_MODE_NAMES, swedishDate } from '@it-samverkan/application';
import {
  CONSUMER_FUNDING_MODES,
  ComparedAmount,
  compareScenario,
  documentFundingSource,
  Money,
  ScenarioComparisonDocument,
} from '@it-samverkan/domain';
import { CliContext, printJson, printTable } from '../context';
import { InputError } from '../main';

/**
 * `scenario <model.json> <changes.json> [--json]`: applies a changes document to a cost model and
 * compares the two splits, without a database. Funding comes from the changes document's
 * `funding`, `host` and `frequency` (see documentFundingSource).
 */
export function registerScenarioCommands(program: Command, ctx: CliContext): void {
  program
    .command('scenario <model> <changes>')
    .description(
      'Jämför ett scenario (it-samverkan/scenario-changes@1) med en kostnadsmodell (it-samverkan/cost-model@1): ' +
        'per kommun, förbrukare och tjänst, och antal interndebiteringar och fakturor per år; ingen databas behövs',
    )
    .option('--json', 'skriv jämförelsen som ett JSON-dokument (it-samverkan/scenario-comparison@1)')
    .action((modelPath: string, changesPath: string, opts: { json?: boolean }) => {
      const model = readJson(modelPath);
      const changes = readJson(changesPath);
      const created = swedishDate(ctx.now());
      const { comparison } = compareScenario(model, changes, documentFundingSource, { created });
      if (opts.json) printJson(comparison);
      else printComparison(comparison);
    });
}

const kronor = (amount: string) => Money.parse(amount).toSwedish();
const percent = (p: string | null) => (p === null ? '–' : `${p.replace('.', ',')} %`);
const compared = (a: ComparedAmount) => [
  kronor(a.base),
  kronor(a.scenario),
  kronor(a.difference),
  percent(a.differencePercent),
];
const consumerCount = (load: ScenarioComparisonDocument['administrativeLoad']['base']) =>
  CONSUMER_FUNDING_MODES.reduce((n, mode) => n + load.byMode[mode].consumers, 0);
const HEADINGS = ['Bas', 'Scenario', 'Skillnad kr', 'Skillnad %'];

function printComparison(c: ScenarioComparisonDocument): void {
  const out = (text: string) => process.stdout.write(`${text}\n`);
  out(`Scenario: ${c.scenario} – jämfört med ${c.model} (${c.year})`);
  out(`Skapad ${c.created}`);
  out('');
  out('Per kommun');
  printTable(
    ['Kommun', ...HEADINGS],
    [...c.municipalities.map((m) => [m.id, ...compared(m)]), ['Totalt', ...compared(c.totals)]],
    [1, 2, 3, 4],
  );
  out('');
  out('Per förbrukare');
  printTable(
    ['Förbrukare', 'Kommun', ...HEADINGS],
    c.consumers.map((r) => [r.id, r.municipality, ...compared(r)]),
    [2, 3, 4, 5],
  );
  out('');
  out('Per tjänst (det som når förbrukarna)');
  printTable(
    ['Tjänst', 'Nyckel bas', 'Nyckel scenario', ...HEADINGS],
    c.services.map((s) => [s.id, s.driver.base ?? '–', s.driver.scenario ?? '–', ...compared(s)]),
    [3, 4, 5, 6],
  );
  out('');
  out('Debiteringar och fakturor per år');
  const { base, scenario } = c.administrativeLoad;
  printTable(
    [
      'Finansiering',
      'Förbrukare bas',
      'Förbrukare scenario',
      'Interndebiteringar bas',
      'Interndebiteringar scenario',
      'Fakturor bas',
      'Fakturor scenario',
    ],
    [
      ...CONSUMER_FUNDING_MODES.map((mode) => {
        const [b, s] = [base.byMode[mode], scenario.byMode[mode]];
        return [
          FUNDING_MODE_NAMES[mode],
          b.consumers,
          s.consumers,
          b.internalCharges,
          s.internalCharges,
          b.invoices,
          s.invoices,
        ];
      }),
      [
        'Totalt',
        consumerCount(base),
        consumerCount(scenario),
        base.internalCharges,
        scenario.internalCharges,
        base.invoices,
        scenario.invoices,
      ],
    ],
    [1, 2, 3, 4, 5, 6],
  );
  for (const s of c.fundingSwitches)
    out(
      `Byte: ${s.consumer} från ${FUNDING_MODE_NAMES[s.from].toLowerCase()} till ${FUNDING_MODE_NAMES[s.to].toLowerCase()}`,
    );
  out('');
  out('Antaganden');
  for (const a of c.administrativeLoad.assumptions) out(`- ${a}`);
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputError(
      code === 'ENOENT'
        ? `Filen ${path} finns inte`
        : `Filen ${path} går inte att läsa (${code ?? 'okänt fel'})`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${path} är inte giltig JSON: ${(error as Error).message}`);
  }
}
