import {
  Button,
  Field,
  Label,
  Paragraph,
  Radio,
  Fieldset,
  Tag,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import type { CostModelVersion, Page as ApiPage } from '../api/types';
import { DataTable } from '../components/data-table';
import { FileButton } from '../components/file-button';
import { FormProblems } from '../components/form-problems';
import { useSubmit } from '../components/use-form';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useApi } from '../components/use-api';
import { useMayOnShared } from '../components/use-may';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function kindLabel(kind: string): string {
  return kind === 'actual' ? 'Utfall' : 'Budget';
}

export function VersionStatus({ version }: { version: Pick<CostModelVersion, 'status'> }) {
  return version.status === 'approved' ? (
    <Tag data-color="success" data-size="sm">
      Godkänd
    </Tag>
  ) : (
    <Tag data-color="warning" data-size="sm">
      Utkast
    </Tag>
  );
}

/** A version's year, kind and status, at the top of the pages that work on it. */
export function VersionFacts({ version }: { version: Pick<CostModelVersion, 'year' | 'kind' | 'status'> }) {
  return (
    <dl className="facts">
      <dt>År och slag</dt>
      <dd>
        {version.year}, {kindLabel(version.kind)}
      </dd>
      <dt>Status</dt>
      <dd>
        <VersionStatus version={version} />
      </dd>
    </dl>
  );
}

/** Sends a model file as it is: JSON as JSON, XLSX as its bytes with the kind in the query. */
export function sendModelFile<T>(method: 'POST' | 'PUT', path: string, file: File, kind: string): Promise<T> {
  if (file.name.toLowerCase().endsWith('.json')) {
    return file.text().then((text) => {
      let document: unknown;
      try {
        document = JSON.parse(text);
      } catch {
        throw new Error(`${file.name} är inte giltig JSON`);
      }
      const body = { kind, document };
      return method === 'POST' ? api.post<T>(path, body) : api.put<T>(path, body);
    });
  }
  return api.upload<T>(`${path}?kind=${kind}`, file, XLSX_TYPE, method);
}

/** Tjänstefieringsgruppen: the model versions of every year, and a new version from a file. */
export function TjanstefieringPage() {
  const versions = useApi(() => api.get<ApiPage<CostModelVersion>>('/cost-models', { pageSize: 500 }), []);
  const mayImport = useMayOnShared('edit-model');
  return (
    <Page
      title="Tjänstefiering"
      intro={
        <Paragraph>
          Modellversioner per år (budget och utfall), fördelningar och prislista.{' '}
          <Link to="/tjanstefiering/budget-mot-utfall">Budget mot utfall per år</Link>
        </Paragraph>
      }
    >
      <Section id="versioner" title="Modellversioner">
        <LoadState loaded={versions} what="modellversionerna">
          {(page) => (
            <DataTable
              caption="Modellversioner, nyast först"
              rows={page.items}
              rowKey={(v) => v.id}
              empty="Inga modellversioner ännu."
              columns={[
                {
                  header: 'Version',
                  cell: (v) => <Link to={`/tjanstefiering/modeller/${v.id}`}>{v.name}</Link>,
                },
                { header: 'År', numeric: true, cell: (v) => v.year },
                { header: 'Slag', cell: (v) => kindLabel(v.kind) },
                { header: 'Status', cell: (v) => <VersionStatus version={v} /> },
                { header: 'Beslut', cell: (v) => v.decision?.reference ?? '–' },
              ]}
            />
          )}
        </LoadState>
        <div className="files">
          <FileButton label="Importmall (XLSX)" path="/cost-models/template.xlsx" />
        </div>
      </Section>
      <PriceLists versions={versions.data?.items ?? []} />
      {mayImport && <UploadModel />}
    </Page>
  );
}

/** A price list per year with an approved budget model (DOMAIN.md 5.6). */
function PriceLists({ versions }: { versions: readonly CostModelVersion[] }) {
  const years = [
    ...new Set(versions.filter((v) => v.kind === 'budget' && v.status === 'approved').map((v) => v.year)),
  ].sort((a, b) => b - a);
  if (years.length === 0) return null;
  return (
    <Section id="prislistor" title="Prislistor">
      <ul>
        {years.map((year) => (
          <li key={year}>
            <Link to={`/tjanstefiering/prislista/${year}`}>Prislista IT-tjänster {year}</Link>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function UploadModel() {
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState('budget');
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const upload = useSubmit(async () => {
    const file = input.current?.files?.[0];
    if (!file) {
      setFileProblem('Välj en fil (XLSX eller JSON)');
      return;
    }
    setFileProblem(null);
    const version = await sendModelFile<CostModelVersion>('POST', '/cost-models', file, kind);
    navigate(`/tjanstefiering/modeller/${version.id}`);
  });
  const fields = upload.problems;
  return (
    <Section id="ladda-upp" title="Ny modellversion från fil">
      <Paragraph>
        Filen kontrolleras helt innan något sparas. Varje fel visas med blad och rad; inget sparas förrän
        filen är felfri.
      </Paragraph>
      <form onSubmit={upload.submit} noValidate className="stack">
        <FormProblems
          error={upload.error}
          heading="Filen har fel och sparades inte:"
          fieldIds={{ kind: 'kind-budget' }}
        />
        <Field>
          <Label htmlFor="model-file">Modellfil (XLSX enligt mallen, eller JSON)</Label>
          <input
            id="model-file"
            ref={input}
            type="file"
            accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileProblem ? true : undefined}
            aria-describedby={fileProblem ? 'model-file-problem' : undefined}
          />
          {fileProblem && <ValidationMessage id="model-file-problem">{fileProblem}</ValidationMessage>}
        </Field>
        <Fieldset>
          <Fieldset.Legend>Slag</Fieldset.Legend>
          <Radio
            id="kind-budget"
            name="kind"
            label="Budget"
            value="budget"
            checked={kind === 'budget'}
            onChange={() => setKind('budget')}
          />
          <Radio
            name="kind"
            label="Utfall"
            value="actual"
            checked={kind === 'actual'}
            onChange={() => setKind('actual')}
          />
          {fields.kind && <ValidationMessage>{fields.kind}</ValidationMessage>}
        </Fieldset>
        <div>
          <Button type="submit" loading={upload.busy}>
            Ladda upp
          </Button>
        </div>
      </form>
    </Section>
  );
}
