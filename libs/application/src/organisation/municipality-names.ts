import { DataSource } from 'typeorm';
import { ScenarioChangesDocument } from '@it-samverkan/domain';
import { MunicipalityEntity } from '@it-samverkan/persistence';

/** A municipality's name by its id. */
export type MunicipalityNamer = (id: string) => string;

/** An id capitalised ("mark" → "Mark"): the last resort for a municipality nobody has named. */
export const capitalisedId: MunicipalityNamer = (id) => `${id.charAt(0).toUpperCase()}${id.slice(1)}`;

/**
 * Municipalities by name: the organisation's own, then (for scenarios) the name a joining
 * municipality's `add-consumers` change carries (`municipalityName`), and for one nobody names its
 * id capitalised. The organisation's name wins over a scenario's.
 */
export async function municipalityNamer(
  db: DataSource,
  changes: readonly ScenarioChangesDocument[] = [],
): Promise<MunicipalityNamer> {
  const names = new Map<string, string>();
  for (const doc of changes)
    for (const change of doc.changes ?? [])
      if (change.type === 'add-consumers')
        for (const c of change.consumers)
          if (c.municipalityName?.trim() && !names.has(c.municipality))
            names.set(c.municipality, c.municipalityName.trim());
  for (const m of await db.getRepository(MunicipalityEntity).find({ select: { id: true, name: true } }))
    names.set(m.id, m.name);
  return (id) => names.get(id) ?? capitalisedId(id);
}

/** The names of the given municipality ids, as a record the API answers with. */
export function municipalityNamesOf(ids: Iterable<string>, name: MunicipalityNamer): Record<string, string> {
  const record: Record<string, string> = {};
  for (const id of ids) record[id] = name(id);
  return record;
}
