import { Paragraph } from '@digdir/designsystemet-react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { decimal, percent, sek } from '../api/format';
import { DataTable } from '../components/data-table';
import { FileButton } from '../components/file-button';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useApi } from '../components/use-api';

/** GET /price-lists/{year} (it-samverkan/price-list@1). */
export interface PriceList {
  title: string;
  year: number;
  generatedOn: string;
  model: { id: string; name: string };
  decision: { reference: string; subject: string; date: string; forumName: string; paragraph: string } | null;
  previous: { id: string; name: string; year: number } | null;
  lines: {
    serviceId: string;
    name: string;
    description: string | null;
    driverName: string;
    unit: string;
    volume: string;
    unitPrice: string;
    previousUnitPrice: string | null;
    change: string | null;
    changePercent: string | null;
    isNew: boolean;
  }[];
}

type Line = PriceList['lines'][number];

const signed = (text: string) => (text.startsWith('-') ? text : `+${text}`);

/** "Prislista IT-tjänster 2026": unit prices of the approved budget, against last year, with downloads. */
export function PriceListPage() {
  const { year = '' } = useParams();
  const list = useApi(() => api.get<PriceList>(`/price-lists/${encodeURIComponent(year)}`), [year]);
  return (
    <Page title={`Prislista IT-tjänster ${year}`}>
      <LoadState loaded={list} what="prislistan">
        {(p) => (
          <>
            <dl className="facts">
              <dt>Beslut</dt>
              <dd>{p.decision ? `${p.decision.reference}: ${p.decision.subject}` : 'Inget beslut'}</dd>
              <dt>Modell</dt>
              <dd>
                <Link to={`/tjanstefiering/modeller/${p.model.id}`}>{p.model.name}</Link>
              </dd>
              <dt>Jämförs med</dt>
              <dd>
                {p.previous ? p.previous.name : `Ingen godkänd budget ${p.year - 1}: alla tjänster är nya`}
              </dd>
              <dt>Skapad</dt>
              <dd>{p.generatedOn}</dd>
            </dl>
            <Section id="priser" title="À-priser per tjänst">
              <DataTable<Line>
                caption={`À-priser ${p.year} och förändring mot ${p.year - 1}`}
                rows={p.lines}
                rowKey={(l) => l.serviceId}
                empty="Modellen har inga tjänster som fördelas med en fördelningsnyckel."
                columns={[
                  { header: 'Tjänst', cell: (l) => l.name },
                  { header: 'Vad ingår', cell: (l) => l.description ?? '–' },
                  { header: 'Enhet', cell: (l) => `kr/${l.unit} (${l.driverName})` },
                  { header: 'Volym', numeric: true, cell: (l) => decimal(l.volume) },
                  { header: `À-pris ${p.year}`, numeric: true, cell: (l) => sek(l.unitPrice) },
                  {
                    header: `À-pris ${p.year - 1}`,
                    numeric: true,
                    cell: (l) => (l.isNew ? 'ny' : sek(l.previousUnitPrice)),
                  },
                  {
                    header: 'Förändring',
                    numeric: true,
                    cell: (l) => (l.change === null ? 'ny' : `${signed(l.change.replace('.', ','))} kr`),
                  },
                  {
                    header: 'Förändring %',
                    numeric: true,
                    cell: (l) =>
                      l.isNew ? 'ny' : l.changePercent === null ? '–' : percent(signed(l.changePercent)),
                  },
                ]}
              />
              <Paragraph data-size="sm">
                À-pris = tjänstens kostnad i den godkända budgeten delad med fördelningsnyckelns totala volym,
                avrundat till öre.
              </Paragraph>
              <div className="files">
                <FileButton label="Prislistan som PDF" path={`/price-lists/${p.year}/pdf`} />
                <FileButton label="Prislistan som XLSX" path={`/price-lists/${p.year}/xlsx`} />
              </div>
            </Section>
          </>
        )}
      </LoadState>
    </Page>
  );
}
