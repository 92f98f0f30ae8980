import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import type { CostModelVersion, ModelDocument } from '../api/types';
import { FormProblems } from '../components/form-problems';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { useApi } from '../components/use-api';
import { FormStatus, useSubmit } from '../components/use-form';
import { Added, DraftEdits, noneAdded, Part, problemsAtFields } from './draft-document';
import { DriversSection } from './draft-drivers';
import { ServicesSection } from './draft-services';
import { ConsumersSection, PoolsSection, VolumesSection } from './draft-tables';

type Version = CostModelVersion & { document: ModelDocument };

/**
 * Tjänstefieringsgruppen edits a draft model version: consumers, drivers, pools and services added
 * and removed (with their weights and volumes), pool amounts, volumes, a service's driver; then splits it again.
 */
export function DraftEditPage() {
  const { id = '' } = useParams();
  const version = useApi(() => api.get<Version>(`/cost-models/${id}`), [id]);
  return (
    <LoadState loaded={version} what="modellversionen">
      {(v) => (
        <Page title={`Redigera: ${v.name}`}>
          <Paragraph>
            <Link to={`/tjanstefiering/modeller/${v.id}`}>Tillbaka till versionen</Link>
          </Paragraph>
          {v.status === 'approved' ? (
            <Alert data-color="info">
              <Paragraph>
                Versionen är godkänd ({v.decision?.reference ?? 'beslut finns'}) och kan inte ändras. En
                ändring görs som en ny version.
              </Paragraph>
            </Alert>
          ) : (
            <DraftForm version={v} onSaved={version.reload} />
          )}
        </Page>
      )}
    </LoadState>
  );
}

/**
 * The whole draft as one form: saved with one PUT (nothing saved until all of it is right, every
 * problem at its input), then split again, which the form's second button does once what it shows
 * is saved.
 */
function DraftForm({ version, onSaved }: { version: Version; onSaved: () => void }) {
  const navigate = useNavigate();
  const [doc, setDoc] = useState<ModelDocument>(() => structuredClone(version.document));
  const [added, setAdded] = useState<Added>(() => noneAdded(version.document));
  // whether the form holds what was last saved: only that may be split again
  const [saved, setSaved] = useState(false);
  const [splitting, setSplitting] = useState(false);
  useEffect(() => {
    setDoc(structuredClone(version.document));
    setAdded(noneAdded(version.document));
  }, [version]);

  const act = useSubmit(async (what: 'split' | void) => {
    setSplitting(what === 'split');
    if (what === 'split') {
      const run = await api.post<{ id: string }>(`/cost-models/${version.id}/splits`);
      navigate(`/tjanstefiering/fordelningar/${run.id}`);
      return;
    }
    await api.put(`/cost-models/${version.id}?kind=${version.kind}`, doc);
    setSaved(true);
    onSaved();
    return 'Utkastet är sparat. Fördela det igen för att se resultatet.';
  });
  const { at, fieldIds } = problemsAtFields(doc, added, act.problems);

  const change = (edit: (d: ModelDocument) => void) => {
    const next = structuredClone(doc);
    edit(next);
    setDoc(next);
    setSaved(false);
    act.setStatus(null);
  };
  const edits: DraftEdits = {
    doc,
    added,
    at,
    change,
    add: (section: Part, edit: (d: ModelDocument) => void) => {
      change(edit);
      setAdded({ ...added, [section]: [...added[section], true] });
    },
    remove: (section: Part, i: number, edit: (d: ModelDocument) => void) => {
      change(edit);
      setAdded({ ...added, [section]: added[section].filter((_, k) => k !== i) });
    },
  };

  return (
    <form onSubmit={act.submit} noValidate className="stack">
      <FormProblems error={act.error} fieldIds={fieldIds} heading="Utkastet sparades inte. Rätta följande:" />
      <FormStatus status={act.status} />
      <Paragraph>
        Ingenting sparas förrän hela utkastet är felfritt; formuläret behåller det du skrivit. Id används i
        filer och API och kan bara skrivas för det som läggs till här.
      </Paragraph>
      <ConsumersSection {...edits} />
      <PoolsSection {...edits} />
      <DriversSection {...edits} />
      <ServicesSection {...edits} />
      <VolumesSection {...edits} />
      <div className="files">
        <Button type="submit" loading={act.busy && !splitting}>
          Spara utkastet
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => void act.run('split')}
          disabled={!saved}
          loading={act.busy && splitting}
        >
          Fördela igen
        </Button>
      </div>
    </form>
  );
}
