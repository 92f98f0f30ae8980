import {
  Alert,
  Button,
  Field,
  Input,
  Label,
  Paragraph,
  Select,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import { RowProblems } from '../components/row-problems';
import { FormStatus, useSubmit } from '../components/use-form';

/** The CSV imports of IT-forum drift (DOMAIN.md 8.1) and the on-call incidents (6), with their API paths. */
export const DRIFT_IMPORTS = [
  {
    kind: 'tickets',
    label: 'Ärenden från ärendesystemet',
    path: '/drift/imports/tickets',
    header: 'id,opened,resolved,municipality,line,firstLine,ordinary',
  },
  {
    kind: 'calls',
    label: 'Samtal från telefonisystemet',
    path: '/drift/imports/calls',
    header: 'id,time,municipality,waitSeconds,answered',
  },
  {
    kind: 'survey-answers',
    label: 'Kundenkätens svar',
    path: '/drift/imports/survey-answers',
    header: 'id,ticketId,satisfied,answeredAt',
  },
  {
    kind: 'incidents',
    label: 'Beredskapsärenden',
    path: '/on-call/incidents/import',
    header: 'id,start,end,consumer,system,description',
  },
] as const;

type Kind = (typeof DRIFT_IMPORTS)[number]['kind'];

function summaryOf(kind: Kind, result: Record<string, unknown>): string {
  if (kind === 'incidents')
    return `${String(result.imported)} beredskapsärenden inlästa, ${String(result.skipped)} fanns redan.`;
  return `${String(result.rows)} rader lästa: ${String(result.inserted)} nya, ${String(result.updated)} ändrade, ${String(
    result.unchanged,
  )} oförändrade.`;
}

/** Upload one CSV: every bad row shown by row and field with nothing saved; success says what was read. */
export function ImportSection({ onImported }: { onImported: () => void }) {
  const [kind, setKind] = useState<Kind>('tickets');
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  const chosen = DRIFT_IMPORTS.find((i) => i.kind === kind)!;
  const upload = useSubmit(async () => {
    if (!file) {
      setFileProblem('Välj en CSV-fil att läsa in');
      return;
    }
    setFileProblem(null);
    const result = await api.upload<Record<string, unknown>>(chosen.path, file, 'text/csv');
    onImported();
    return `${file.name}: ${summaryOf(kind, result)}`;
  });
  const error = upload.error;
  useEffect(() => {
    if (error) errorBox.current?.focus();
  }, [error]);

  const details = error instanceof ApiError ? error.details : [];
  return (
    <form onSubmit={upload.submit} noValidate className="stack" aria-label="Läs in fil">
      <Field>
        <Label htmlFor="import-kind">Vad filen innehåller</Label>
        <Select id="import-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {DRIFT_IMPORTS.map((i) => (
            <Select.Option key={i.kind} value={i.kind}>
              {i.label}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor="import-file">CSV-fil</Label>
        <Paragraph data-size="sm" id="import-file-help">
          Rubrikraden {chosen.header}; komma eller semikolon. Allt eller inget: en fil med fel sparar
          ingenting.
        </Paragraph>
        <Input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby={fileProblem ? 'import-file-help import-file-problem' : 'import-file-help'}
          aria-invalid={fileProblem ? true : undefined}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        {fileProblem && <ValidationMessage id="import-file-problem">{fileProblem}</ValidationMessage>}
      </Field>
      <div>
        <Button type="submit" loading={upload.busy}>
          Läs in filen
        </Button>
      </div>
      <FormStatus status={upload.status} />
      {error !== null && (
        <div ref={errorBox} tabIndex={-1} role="alert" className="stack">
          <Alert data-color="danger">
            <Paragraph>
              {error instanceof Error ? error.message : String(error)} Ingenting har sparats; rätta filen och
              läs in den igen.
            </Paragraph>
          </Alert>
          <RowProblems problems={details} />
        </div>
      )}
    </form>
  );
}
