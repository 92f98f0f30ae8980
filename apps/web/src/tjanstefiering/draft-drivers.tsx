import { Button, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { DataTable } from '../components/data-table';
import { Section } from '../components/page';
import { DraftEdits, driverRowField, removeDriver, renameDriver, servicesUsing } from './draft-document';
import { IdCell } from './draft-tables';

/**
 * The drivers (fördelningsnycklar) with their unit; one is added here with its volumes below, and
 * removed only when no service is spread by it (the API refuses such a document too, at the service).
 */
export function DriversSection({ doc, added, at, change, add, remove }: DraftEdits) {
  const [refused, setRefused] = useState<{ index: number; message: string } | null>(null);
  const tryRemove = (i: number) => {
    const driver = doc.drivers[i];
    const users = servicesUsing(doc, driver.id);
    if (users.length > 0) {
      setRefused({
        index: i,
        message:
          `${driver.name || driver.id} används av ${users.map((s) => s.name || s.id).join(', ')} och kan inte ` +
          'tas bort. Välj först en annan fördelningsnyckel för tjänsten.',
      });
      return;
    }
    setRefused(null);
    remove('drivers', i, (d) => removeDriver(d, i));
  };
  return (
    <Section id="redigera-nycklar" title="Fördelningsnycklar">
      <Paragraph>
        En fördelningsnyckel (till exempel antal datorer) fördelar en tjänst på förbrukarna efter deras
        volymer, som anges under Volymer. Enheten visas i prislistan (till exempel st).
      </Paragraph>
      <DataTable
        caption="Fördelningsnycklar (id, namn och enhet)"
        rows={doc.drivers.map((d, i) => ({ d, i }))}
        rowKey={({ i }) => String(i)}
        columns={[
          {
            header: 'Id',
            cell: ({ d, i }) => (
              <IdCell
                id={driverRowField(i, 'id')}
                value={d.id}
                label={`Fördelningsnyckel ${i + 1}: id`}
                isNew={added.drivers[i]}
                error={at[driverRowField(i, 'id')]}
                onChange={(value) =>
                  change((next) => {
                    renameDriver(next, next.drivers[i].id, value);
                    next.drivers[i].id = value;
                  })
                }
              />
            ),
          },
          {
            header: 'Namn',
            cell: ({ d, i }) => (
              <Textfield
                id={driverRowField(i)}
                className="wide-input"
                aria-label={`Fördelningsnyckel ${i + 1}: namn`}
                data-size="sm"
                value={d.name}
                onChange={(e) => change((next) => (next.drivers[i].name = e.target.value))}
                error={at[driverRowField(i)]}
              />
            ),
          },
          {
            header: 'Enhet',
            cell: ({ d, i }) => (
              <Textfield
                id={driverRowField(i, 'unit')}
                aria-label={`${d.name || `Fördelningsnyckel ${i + 1}`}: enhet`}
                data-size="sm"
                value={d.unit}
                onChange={(e) => change((next) => (next.drivers[i].unit = e.target.value))}
                error={at[driverRowField(i, 'unit')]}
              />
            ),
          },
          {
            header: 'Fördelar',
            cell: ({ d }) =>
              servicesUsing(doc, d.id)
                .map((s) => s.name || s.id)
                .join(', ') || 'Ingen tjänst',
          },
          {
            header: 'Ta bort',
            cell: ({ d, i }) => (
              <>
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  aria-describedby={refused?.index === i ? driverRowField(i, 'refused') : undefined}
                  onClick={() => tryRemove(i)}
                >
                  Ta bort {d.name || `fördelningsnyckel ${i + 1}`}
                </Button>
                <div aria-live="polite">
                  {refused?.index === i && (
                    <ValidationMessage id={driverRowField(i, 'refused')}>{refused.message}</ValidationMessage>
                  )}
                </div>
              </>
            ),
          },
        ]}
      />
      <div>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setRefused(null);
            add('drivers', (d) => d.drivers.push({ id: '', name: '', unit: 'st' }));
          }}
        >
          Lägg till fördelningsnyckel
        </Button>
      </div>
    </Section>
  );
}
