import { Table } from '@digdir/designsystemet-react';
import { ReactNode } from 'react';

export interface Column<T> {
  header: string;
  /** Amounts and counts are right-aligned so digits line up. */
  numeric?: boolean;
  cell: (row: T) => ReactNode;
}

/** A table with a caption (its accessible name), header cells with scope, and an optional sum row. */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  footer,
  empty = 'Inget att visa.',
}: {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  footer?: ReactNode[];
  empty?: string;
}) {
  return (
    // a wide table scrolls sideways: the region takes focus so the keyboard can scroll it (WCAG 2.1.1)
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table zebra border data-size="sm">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            {columns.map((c) => (
              <Table.HeaderCell key={c.header} scope="col" className={c.numeric ? 'numeric' : undefined}>
                {c.header}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.length === 0 ? (
            <Table.Row>
              <Table.Cell colSpan={columns.length}>{empty}</Table.Cell>
            </Table.Row>
          ) : (
            rows.map((row) => (
              <Table.Row key={rowKey(row)}>
                {columns.map((c) => (
                  <Table.Cell key={c.header} className={c.numeric ? 'numeric' : undefined}>
                    {c.cell(row)}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))
          )}
        </Table.Body>
        {footer && (
          <Table.Foot>
            <Table.Row>
              {footer.map((cell, i) => (
                <Table.Cell key={i} className={columns[i]?.numeric ? 'numeric' : undefined}>
                  {cell}
                </Table.Cell>
              ))}
            </Table.Row>
          </Table.Foot>
        )}
      </Table>
    </div>
  );
}
