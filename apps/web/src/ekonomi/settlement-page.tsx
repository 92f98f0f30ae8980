import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { loadDirectory } from '../api/directory';
import { sek, sumAmounts } from '../api/format';
import { may } from '../api/permissions';
import type { SettlementRunResult } from '../api/types';
import { DataTable } from '../components/data-table';
import { FormProblems } from '../components/form-problems';
import { useForm } from '../components/use-form';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useSession } from '../components/session';
import { useApi } from '../components/use-api';

const BOOKED: Record<SettlementRunResult['lines'][number]['booked'], string> = {
  invoice: 'Rad på fakturautkast',
  'internal-charge': 'Interndebitering',
  report: 'Endast rapport',
  already: 'Redan avräknad',
};

const FIELD_IDS = { year: 'avrakning-ar', period: 'avrakning-period' };

/**
 * Final settlement (slutavräkning, DOMAIN.md 5.6) from the page: the issuer's finance settles a
 * year against the approved actual model; what each consumer paid, its actual share and the
 * difference are shown, with the drafts made. Who may run it is the domain's policy's answer.
 */
export function SettlementPage() {
  const { me } = useSession();
  const directory = useApi(loadDirectory, []);
  const [result, setResult] = useState<SettlementRunResult | null>(null);
  const mayRun =
    directory.data !== null && may(me, 'run-invoices', { type: 'invoicing' }, directory.data.hostId);
  const run = useForm({ year: '2025', period: '2026-01' }, FIELD_IDS, async ({ year, period }) => {
    setResult(null);
    setResult(
      await api.post<SettlementRunResult>('/invoice-runs/settlement', {
        year: Number(year.trim()),
        period: period.trim(),
      }),
    );
  });
  const error = run.error;

  return (
    <Page
      title="Slutavräkning"
      intro={
        <Paragraph>
          Efter årets slut jämförs det varje förbrukare betalat under året med dess andel enligt den godkända
          utfallsmodellen. Skillnaden blir en slutfaktura, en kreditering eller en interndebitering.{' '}
          <Link to="/ekonomi">Tillbaka till Ekonomi</Link>
        </Paragraph>
      }
    >
      <LoadState loaded={directory} what="organisationen">
        {(dir) =>
          mayRun ? (
            <>
              <FormProblems
                error={error}
                fieldIds={FIELD_IDS}
                heading={`Slutavräkningen kunde inte köras: ${(error as Error | null)?.message ?? ''}`}
              />
              <form onSubmit={run.submit} noValidate className="row" aria-label="Kör slutavräkning">
                <Textfield label="År som avräknas" {...run.field('year')} />
                <Textfield
                  label="Bokas i period"
                  description="En öppen period efter årets slut, till exempel 2026-01"
                  {...run.field('period')}
                />
                <Button type="submit" loading={run.busy}>
                  Kör slutavräkning för {run.values.year.trim() || 'året'}
                </Button>
              </form>
            </>
          ) : (
            <Alert data-color="info">
              <Paragraph>
                Slutavräkningen körs av den utfärdande kommunens ekonomi ({dir.name(dir.hostId)}). Du ser
                resultatet som fakturor och krediteringar under perioden där den bokas.
              </Paragraph>
            </Alert>
          )
        }
      </LoadState>
      {result && (
        <Section id="avrakning-resultat" title={`Slutavräkning ${result.year}, bokad i ${result.bookedIn}`}>
          <Paragraph role="status">
            Slutavräkningen är klar: {result.invoiceIds.length} fakturautkast i {result.bookedIn}, enligt{' '}
            {result.actualModel.name} (godkänd {result.decision.reference}).
          </Paragraph>
          <DataTable
            caption={`Betalt, utfall och skillnad per förbrukare ${result.year}`}
            rows={result.lines}
            rowKey={(l) => l.consumerId}
            columns={[
              { header: 'Förbrukare', cell: (l) => directory.data?.name(l.consumerId) ?? l.consumerId },
              { header: 'Betalt under året', numeric: true, cell: (l) => sek(l.charged) },
              { header: 'Utfall', numeric: true, cell: (l) => sek(l.actual) },
              { header: 'Skillnad', numeric: true, cell: (l) => sek(l.difference) },
              { header: 'Bokad som', cell: (l) => BOOKED[l.booked] },
            ]}
            footer={[
              'Summa',
              sek(sumAmounts(result.lines.map((l) => l.charged))),
              sek(sumAmounts(result.lines.map((l) => l.actual))),
              sek(sumAmounts(result.lines.map((l) => l.difference))),
              '',
            ]}
          />
          {result.invoiceIds.length > 0 && (
            <ul>
              {result.invoiceIds.map((id, i) => (
                <li key={id}>
                  <Link to={`/ekonomi/fakturor/${id}`}>Fakturautkast {i + 1} med slutavräkning</Link>
                </li>
              ))}
            </ul>
          )}
          <Paragraph>
            <Link to={`/ekonomi/perioder/${result.bookedIn}`}>Till perioden {result.bookedIn}</Link>
          </Paragraph>
        </Section>
      )}
    </Page>
  );
}
