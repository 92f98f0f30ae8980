import type { FieldProblem } from '../api/client';
import { DataTable } from './data-table';

/** A row problem from the API's path "line 7.opened" and message "Rad 7: …". */
export function rowProblemOf(problem: FieldProblem) {
  const match = /^line (\d+)(?:\.(.+))?$/.exec(problem.path);
  return {
    line: match ? Number(match[1]) : null,
    field: match?.[2] ?? null,
    message: problem.message.replace(/^Rad \d+: /, ''),
  };
}

/** Whether an API problem belongs to a row of an uploaded file (path "line N…"). */
export const isRowProblem = (problem: FieldProblem) => /^line \d+/.test(problem.path);

/** Every problem of an uploaded file at its row and field, in a table. */
export function RowProblems({ problems }: { problems: readonly FieldProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <DataTable
      caption="Fel i filen, per rad och fält"
      rows={problems.map(rowProblemOf)}
      rowKey={(r) => `${r.line}:${r.field}:${r.message}`}
      columns={[
        { header: 'Rad', numeric: true, cell: (r) => r.line ?? '–' },
        { header: 'Fält', cell: (r) => r.field ?? 'hela raden' },
        { header: 'Fel', cell: (r) => r.message },
      ]}
    />
  );
}
