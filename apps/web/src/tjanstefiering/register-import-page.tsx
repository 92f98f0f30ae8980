import {
  Alert,
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { RefObject, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import { dateTime, decimal, sumDecimals, todayInSweden } from '../api/format';
import type { CostModelVersion, ModelDocument, Page as ApiPage } from '../api/types';
import { DataTable } from '../components/data-table';
import { FormProblems } from '../components/form-problems';
import { PageNav, usePageNumber } from '../components/page-nav';
import { useForm } from '../components/use-form';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { isRowProblem, RowProblems } from '../components/row-problems';
import { useApi } from '../components/use-api';
import { VersionFacts, XLSX_TYPE } from './tjanstefiering-page';
import { useMayOnShared } from '../components/use-may';

type Version = CostModelVersion & { document: ModelDocument };

interface MappingRule {
  match: Record<string, string>;
  consumer: string;
}

interface RegisterMapping {
  id: string;
  name: string;
  rules: MappingRule[];
}

interface RegisterImport {
  id: string | null;
  driver: string;
  kind: RegisterKind;
  asOf: string;
  fileName: string;
  mapping: { id: string; name: string };
  totalRows: number;
  countedRows: number;
  volumes: { consumer: string; volume: string; rows: number }[];
  consumersWithoutRows: string[];
  unmatched: { line: number; value: string; reason: string }[];
  totalVolume: string;
  previous: { consumer: string; volume: string }[];
  applied: boolean;
  createdAt: string;
  createdBy: string;
}

type RegisterKind = 'devices' | 'accounts' | 'licences';

const KINDS: { kind: RegisterKind; label: string; help: string }[] = [
  { kind: 'devices', label: 'Inventarielista (datorer)', help: 'en rad är en enhet' },
  { kind: 'accounts', label: 'Export av användarkonton', help: 'en rad är ett konto; inaktiva räknas inte' },
  { kind: 'licences', label: 'Licenslista', help: 'raderna räknas med sitt antal' },
];

export const kindName = (kind: string) => KINDS.find((k) => k.kind === kind)?.label ?? kind;

const FIELD_IDS: Record<string, string> = {
  driver: 'reg-driver',
  kind: 'reg-kind-devices',
  asOf: 'reg-asof',
  mapping: 'reg-mapping',
  file: 'reg-file',
  fileName: 'reg-file',
  quantityColumn: 'reg-quantity',
  statusColumn: 'reg-status',
};

/** Volumes from registers: a device inventory, account export or licence list counted through a mapping. */
export function RegisterImportPage() {
  const { id = '' } = useParams();
  const version = useApi(() => api.get<Version>(`/cost-models/${id}`), [id]);
  const mappings = useApi(
    () => api.get<ApiPage<RegisterMapping>>('/register-mappings', { pageSize: 500 }).then((p) => p.items),
    [],
  );
  const importsPage = usePageNumber(IMPORTS_PER_PAGE);
  const imports = useApi(
    () => api.get<ApiPage<RegisterImport>>(`/cost-models/${id}/register-imports`, importsPage.query),
    [id, importsPage.page],
  );
  const mayImport = useMayOnShared('edit-model');

  return (
    <LoadState loaded={version} what="modellversionen">
      {(v) => (
        <Page title={`Register: ${v.name}`}>
          <Paragraph>
            <Link to={`/tjanstefiering/modeller/${v.id}`}>Tillbaka till versionen</Link>
            {v.status === 'draft' && (
              <>
                {' · '}
                <Link to={`/tjanstefiering/modeller/${v.id}/redigera`}>Redigera utkastet</Link>
              </>
            )}
          </Paragraph>
          <VersionFacts version={v} />
          <Paragraph>
            Ett register (inventarielista, kontoexport eller licenslista som CSV eller XLSX) räknas genom en
            mappning (ansvar, förvaltning eller kostnadsställe → förbrukare) till en fördelningsnyckels
            volymer per förbrukare. Granska först; att tillämpa ersätter nyckelns volymer i utkastet.
          </Paragraph>
          <LoadState loaded={mappings} what="registermappningarna">
            {(list) =>
              mayImport ? (
                <RegisterWork
                  version={v}
                  mappings={list}
                  onMappingsChanged={mappings.reload}
                  onApplied={() => {
                    // the new snapshot is the newest: show the first page
                    importsPage.setPage(1);
                    imports.reload();
                    version.reload();
                  }}
                />
              ) : (
                <Alert data-color="info">
                  <Paragraph>Tjänstefieringsgruppen läser in registren.</Paragraph>
                </Alert>
              )
            }
          </LoadState>
          <Section id="tidigare" title="Registerimporter till versionen">
            <LoadState loaded={imports} what="registerimporterna">
              {(list) => (
                <>
                  <DataTable
                    caption="Registerimporter, nyast först"
                    rows={list.items}
                    rowKey={(r) => r.id ?? r.createdAt}
                    empty="Inga register har lästs in till versionen."
                    columns={[
                      { header: 'Registrets datum', cell: (r) => r.asOf },
                      { header: 'Nyckel', cell: (r) => driverName(v.document, r.driver) },
                      { header: 'Register', cell: (r) => kindName(r.kind) },
                      { header: 'Fil', cell: (r) => r.fileName },
                      { header: 'Mappning', cell: (r) => r.mapping.name },
                      {
                        header: 'Räknade rader',
                        numeric: true,
                        cell: (r) => `${r.countedRows} av ${r.totalRows}`,
                      },
                      { header: 'Summa volym', numeric: true, cell: (r) => decimal(r.totalVolume) },
                      { header: 'Inläst', cell: (r) => `${dateTime(r.createdAt)} av ${r.createdBy}` },
                    ]}
                  />
                  <PageNav
                    list={list}
                    label="Sidor med registerimporter"
                    noun="registerimporter"
                    onPage={importsPage.setPage}
                  />
                </>
              )}
            </LoadState>
          </Section>
        </Page>
      )}
    </LoadState>
  );
}

/** Imports are listed ten to a page, newest first. */
const IMPORTS_PER_PAGE = 10;

const driverName = (doc: ModelDocument, id: string) => doc.drivers.find((d) => d.id === id)?.name ?? id;
const consumerName = (doc: ModelDocument, id: string) => doc.consumers.find((c) => c.id === id)?.name ?? id;

function RegisterWork({
  version,
  mappings,
  onMappingsChanged,
  onApplied,
}: {
  version: Version;
  mappings: RegisterMapping[];
  onMappingsChanged: () => void;
  onApplied: () => void;
}) {
  const doc = version.document;
  const [mappingId, setMappingId] = useState(mappings[0]?.id ?? '');
  const [editing, setEditing] = useState<'new' | 'edit' | null>(null);
  const chosen = mappings.find((m) => m.id === mappingId) ?? null;
  return (
    <>
      <Section id="mappning" title="Mappning till förbrukare">
        <Field>
          <Label htmlFor="reg-mapping">Registermappning</Label>
          <Select id="reg-mapping" value={mappingId} onChange={(e) => setMappingId(e.target.value)}>
            <Select.Option value="">Välj en mappning</Select.Option>
            {mappings.map((m) => (
              <Select.Option key={m.id} value={m.id}>
                {m.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {chosen && editing === null && (
          <DataTable
            caption={`Reglerna i ${chosen.name}, i ordning`}
            rows={chosen.rules.map((r, i) => ({ ...r, i }))}
            rowKey={(r) => String(r.i)}
            columns={[
              { header: 'Regel', numeric: true, cell: (r) => r.i + 1 },
              {
                header: 'Villkor',
                cell: (r) =>
                  Object.entries(r.match)
                    .map(([c, value]) => `${c} = ${value}`)
                    .join(' och '),
              },
              { header: 'Förbrukare', cell: (r) => consumerName(doc, r.consumer) },
            ]}
          />
        )}
        {editing === null ? (
          <div className="files">
            <Button type="button" variant="secondary" onClick={() => setEditing('new')}>
              Ny mappning
            </Button>
            {chosen && (
              <Button type="button" variant="secondary" onClick={() => setEditing('edit')}>
                Redigera mappningen
              </Button>
            )}
          </div>
        ) : (
          <MappingForm
            key={editing === 'edit' ? chosen?.id : 'new'}
            mapping={editing === 'edit' ? chosen : null}
            doc={doc}
            onCancel={() => setEditing(null)}
            onSaved={(saved) => {
              setMappingId(saved.id);
              setEditing(null);
              onMappingsChanged();
            }}
          />
        )}
      </Section>
      <ImportForm version={version} mappingId={mappingId} onApplied={onApplied} />
    </>
  );
}

interface RuleRow {
  values: Record<string, string>;
  consumer: string;
}

const ruleValueField = (rule: number, column: number) => `rule-${rule}-value-${column}`;
const ruleConsumerField = (rule: number) => `rule-${rule}-consumer`;

function columnsOf(rules: readonly MappingRule[]): string[] {
  const seen: string[] = [];
  for (const r of rules) for (const c of Object.keys(r.match)) if (!seen.includes(c)) seen.push(c);
  return seen;
}

/** Create or edit a register mapping: its columns, then one rule per row (values → consumer). */
function MappingForm({
  mapping,
  doc,
  onCancel,
  onSaved,
}: {
  mapping: RegisterMapping | null;
  doc: ModelDocument;
  onCancel: () => void;
  onSaved: (saved: RegisterMapping) => void;
}) {
  const [rules, setRules] = useState<RuleRow[]>(
    mapping
      ? mapping.rules.map((r) => ({ values: { ...r.match }, consumer: r.consumer }))
      : [{ values: {}, consumer: '' }],
  );
  const save = useForm(
    {
      name: mapping?.name ?? '',
      columnsText: mapping ? columnsOf(mapping.rules).join(', ') : 'Kommun, Ansvar',
    },
    { name: 'mapping-name', columnsText: 'mapping-columns' },
    async ({ name }) => {
      const body = {
        name,
        rules: rules.map((r) => ({
          match: Object.fromEntries(
            columns.filter((c) => (r.values[c] ?? '').trim() !== '').map((c) => [c, r.values[c]]),
          ),
          consumer: r.consumer,
        })),
      };
      const saved = mapping
        ? await api.put<RegisterMapping>(`/register-mappings/${mapping.id}`, body)
        : await api.post<RegisterMapping>('/register-mappings', body);
      onSaved(saved);
    },
  );
  const columns = save.values.columnsText
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const fieldIds: Record<string, string> = { name: 'mapping-name', rules: 'mapping-columns' };
  rules.forEach((_, i) => {
    fieldIds[`rules[${i}]`] = ruleValueField(i, 0);
    fieldIds[`rules[${i}].match`] = ruleValueField(i, 0);
    fieldIds[`rules[${i}].consumer`] = ruleConsumerField(i);
    columns.forEach((c, k) => (fieldIds[`rules[${i}].match.${c}`] = ruleValueField(i, k)));
  });
  const setRule = (i: number, edit: (r: RuleRow) => RuleRow) =>
    setRules(rules.map((r, k) => (k === i ? edit(r) : r)));

  const fields = save.problems;

  const ruleProblem = (i: number) =>
    [fields[`rules[${i}]`], fields[`rules[${i}].match`]].filter(Boolean).join(' ') || undefined;
  return (
    <form onSubmit={save.submit} noValidate className="stack" aria-labelledby="mapping-form-heading">
      <Heading level={3} data-size="sm" id="mapping-form-heading">
        {mapping ? `Redigera ${mapping.name}` : 'Ny mappning'}
      </Heading>
      <FormProblems
        error={save.error}
        fieldIds={fieldIds}
        heading="Mappningen sparades inte. Rätta följande:"
      />
      <Textfield label="Mappningens namn" {...save.field('name')} />
      <Textfield
        label="Registrets kolumner som avgör förbrukaren"
        description="Kommaseparerade, till exempel Kommun, Ansvar eller Förvaltning eller Kostnadsställe"
        {...save.field('columnsText')}
        error={fields.rules}
      />
      <DataTable
        caption="Regler, i ordning: den första vars värden alla stämmer avgör förbrukaren (tomt värde jämförs inte)"
        rows={rules.map((r, i) => ({ r, i }))}
        rowKey={({ i }) => String(i)}
        columns={[
          { header: 'Regel', numeric: true, cell: ({ i }) => i + 1 },
          ...columns.map((c, k) => ({
            header: c,
            cell: ({ r, i }: { r: RuleRow; i: number }) => (
              <Textfield
                id={ruleValueField(i, k)}
                aria-label={`Regel ${i + 1}: ${c}`}
                data-size="sm"
                value={r.values[c] ?? ''}
                onChange={(e) => setRule(i, (x) => ({ ...x, values: { ...x.values, [c]: e.target.value } }))}
                error={fields[`rules[${i}].match.${c}`] ?? (k === 0 ? ruleProblem(i) : undefined)}
              />
            ),
          })),
          {
            header: 'Förbrukare',
            cell: ({ r, i }) => (
              <Field>
                <Select
                  id={ruleConsumerField(i)}
                  aria-label={`Regel ${i + 1}: förbrukare`}
                  data-size="sm"
                  value={r.consumer}
                  onChange={(e) => setRule(i, (x) => ({ ...x, consumer: e.target.value }))}
                  aria-invalid={fields[`rules[${i}].consumer`] ? true : undefined}
                >
                  <Select.Option value="">Välj förbrukare</Select.Option>
                  {doc.consumers.map((c) => (
                    <Select.Option key={c.id} value={c.id}>
                      {c.name}
                    </Select.Option>
                  ))}
                  {r.consumer !== '' && !doc.consumers.some((c) => c.id === r.consumer) && (
                    <Select.Option value={r.consumer}>{r.consumer} (finns inte i versionen)</Select.Option>
                  )}
                </Select>
                {fields[`rules[${i}].consumer`] && (
                  <ValidationMessage>{fields[`rules[${i}].consumer`]}</ValidationMessage>
                )}
              </Field>
            ),
          },
          {
            header: 'Ta bort',
            cell: ({ i }) => (
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                onClick={() => setRules(rules.filter((_, k) => k !== i))}
              >
                Ta bort regel {i + 1}
              </Button>
            ),
          },
        ]}
      />
      <div className="files">
        <Button
          type="button"
          variant="secondary"
          onClick={() => setRules([...rules, { values: {}, consumer: '' }])}
        >
          Lägg till regel
        </Button>
        <Button type="submit" loading={save.busy}>
          Spara mappningen
        </Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          Avbryt
        </Button>
      </div>
    </form>
  );
}

/** Choose driver, register kind and snapshot date, upload the file; review (nothing saved) or apply. */
function ImportForm({
  version,
  mappingId,
  onApplied,
}: {
  version: Version;
  mappingId: string;
  onApplied: () => void;
}) {
  const doc = version.document;
  const input = useRef<HTMLInputElement>(null);
  const [driver, setDriver] = useState(doc.drivers[0]?.id ?? '');
  const [kind, setKind] = useState<RegisterKind>('devices');
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [result, setResult] = useState<RegisterImport | null>(null);
  const [applying, setApplying] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  const send = useForm(
    { asOf: todayInSweden(), quantityColumn: 'Antal', statusColumn: '' },
    { asOf: 'reg-asof', quantityColumn: 'reg-quantity', statusColumn: 'reg-status' },
    async ({ asOf, quantityColumn, statusColumn }, dryRun: boolean = true) => {
      setResult(null);
      const file = input.current?.files?.[0];
      if (!file) {
        setFileProblem('Välj registret som CSV- eller XLSX-fil');
        return;
      }
      setFileProblem(null);
      setApplying(!dryRun);
      const query = new URLSearchParams({ driver, kind, asOf, mapping: mappingId, fileName: file.name });
      if (kind === 'licences' && quantityColumn.trim()) query.set('quantityColumn', quantityColumn);
      if (kind === 'accounts' && statusColumn.trim()) query.set('statusColumn', statusColumn);
      if (dryRun) query.set('dryRun', 'true');
      const isXlsx = /\.xlsx$/i.test(file.name);
      const view = await api.upload<RegisterImport>(
        `/cost-models/${version.id}/register-imports?${query.toString()}`,
        file,
        isXlsx ? XLSX_TYPE : 'text/csv',
      );
      setResult(view);
      if (!dryRun) onApplied();
    },
  );

  const fields = send.problems;
  const details = send.error instanceof ApiError ? send.error.details : [];
  const rowProblems = details.filter(isRowProblem);
  const rowsNote = rowProblems.length
    ? `${rowProblems.length} fel i filen, se tabellen Fel i filen ovan.`
    : null;
  const fileError = [fileProblem, fields.file, rowsNote].filter(Boolean).join(' ') || undefined;
  return (
    <Section id="las-in" title="Läs in ett register">
      <form onSubmit={send.submit} noValidate className="stack">
        <FormProblems
          error={send.error}
          fieldIds={FIELD_IDS}
          heading="Registret lästes inte in och ingenting sparades:"
        />
        <RowProblems problems={rowProblems} />
        <Field>
          <Label htmlFor="reg-driver">Fördelningsnyckel vars volymer ersätts</Label>
          <Select
            id="reg-driver"
            value={driver}
            onChange={(e) => setDriver(e.target.value)}
            aria-invalid={fields.driver ? true : undefined}
          >
            {doc.drivers.map((d) => (
              <Select.Option key={d.id} value={d.id}>
                {d.name} ({d.unit})
              </Select.Option>
            ))}
          </Select>
          {fields.driver && <ValidationMessage>{fields.driver}</ValidationMessage>}
        </Field>
        <Fieldset>
          <Fieldset.Legend>Slag av register</Fieldset.Legend>
          {KINDS.map((k) => (
            <Radio
              key={k.kind}
              id={`reg-kind-${k.kind}`}
              name="register-kind"
              label={`${k.label} (${k.help})`}
              value={k.kind}
              checked={kind === k.kind}
              onChange={() => setKind(k.kind)}
            />
          ))}
          {fields.kind && <ValidationMessage>{fields.kind}</ValidationMessage>}
        </Fieldset>
        {kind === 'licences' && <Textfield label="Kolumnen med antal" {...send.field('quantityColumn')} />}
        {kind === 'accounts' && (
          <Textfield
            label="Kolumnen med kontots status (valfri)"
            description="Konton som är inaktiva, avstängda eller spärrade räknas inte"
            {...send.field('statusColumn')}
          />
        )}
        <Textfield
          label="Registrets datum (ögonblicksbild)"
          description="ÅÅÅÅ-MM-DD, den dag registret togs ut"
          {...send.field('asOf')}
        />
        {fields.mapping && (
          <Alert data-color="danger">
            <Paragraph>
              <a href="#reg-mapping">Mappning</a>: {fields.mapping}
            </Paragraph>
          </Alert>
        )}
        <Field>
          <Label htmlFor="reg-file">Registerfil (CSV med semikolon eller komma, eller XLSX)</Label>
          <input
            id="reg-file"
            ref={input}
            type="file"
            accept={`.csv,.xlsx,text/csv,${XLSX_TYPE}`}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'reg-file-problem' : undefined}
          />
          {fileError && <ValidationMessage id="reg-file-problem">{fileError}</ValidationMessage>}
        </Field>
        <div className="files">
          <Button type="submit" variant="secondary" loading={send.busy && !applying}>
            Granska
          </Button>
          {version.status === 'draft' && (
            <Button type="button" loading={send.busy && applying} onClick={() => void send.run(false)}>
              Tillämpa på utkastet
            </Button>
          )}
        </div>
      </form>
      {result && <ImportResult result={result} doc={doc} heading={resultHeading} />}
    </Section>
  );
}

function ImportResult({
  result,
  doc,
  heading,
}: {
  result: RegisterImport;
  doc: ModelDocument;
  heading: RefObject<HTMLHeadingElement | null>;
}) {
  const counted = new Map(result.volumes.map((v) => [v.consumer, v]));
  const rows = doc.consumers.map((c) => ({
    id: c.id,
    name: c.name,
    before: result.previous.find((p) => p.consumer === c.id)?.volume ?? '0',
    after: counted.get(c.id)?.volume ?? '0',
    rows: counted.get(c.id)?.rows ?? 0,
  }));
  const driver = doc.drivers.find((d) => d.id === result.driver);
  return (
    <div className="stack" data-testid="register-result">
      <Heading level={3} data-size="sm" ref={heading} tabIndex={-1}>
        {result.applied ? 'Tillämpat på utkastet' : 'Granskning (ingenting sparat)'}
      </Heading>
      <Alert data-color={result.applied ? 'success' : 'info'}>
        <Paragraph>
          {result.fileName} ({kindName(result.kind)}, {result.asOf}) genom {result.mapping.name}:{' '}
          {result.countedRows} av {result.totalRows} rader räknade, {result.unmatched.length} utan förbrukare.{' '}
          {result.applied
            ? `${driver?.name ?? result.driver} har fått registrets volymer.`
            : 'Tillämpa för att ersätta nyckelns volymer i utkastet.'}
        </Paragraph>
      </Alert>
      <DataTable
        caption={`${driver?.name ?? result.driver} (${driver?.unit ?? ''}) per förbrukare ur registret`}
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { header: 'Förbrukare', cell: (r) => r.name },
          { header: 'Volym före', numeric: true, cell: (r) => decimal(r.before) },
          { header: 'Volym ur registret', numeric: true, cell: (r) => decimal(r.after) },
          { header: 'Räknade rader', numeric: true, cell: (r) => r.rows },
        ]}
        footer={[
          'Summa',
          decimal(sumDecimals(rows.map((r) => r.before))),
          decimal(result.totalVolume),
          result.countedRows,
        ]}
      />
      <DataTable
        caption="Rader utan förbrukare (räknas inte)"
        rows={result.unmatched}
        rowKey={(u) => String(u.line)}
        empty="Alla rader fick en förbrukare."
        columns={[
          { header: 'Rad', numeric: true, cell: (u) => u.line },
          { header: 'Värde', cell: (u) => u.value || '(tomt)' },
          { header: 'Orsak', cell: (u) => u.reason },
        ]}
      />
    </div>
  );
}
