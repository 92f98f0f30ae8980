import { Alert, ErrorSummary, Paragraph } from '@digdir/designsystemet-react';
import type { DSErrorSummaryElement } from '@digdir/designsystemet-web';
import { useEffect, useRef } from 'react';
import { ApiError, FieldProblem } from '../api/client';

/** Field path → message(s), from the API's {details: [{path, message}]}; several problems on one field are joined. */
export function problemsByField(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const d of error.details) out[d.path] = out[d.path] ? `${out[d.path]} ${d.message}` : d.message;
  return out;
}

/**
 * Every problem the API named, as a summary with links to the fields (`fieldIds` maps an API path to
 * the id of its input), placed above the form and focused so it is read out. A refusal without
 * details (403, 409) is shown as an alert with the API's message.
 */
export function FormProblems({
  error,
  fieldIds = {},
  heading = 'Det gick inte att spara. Rätta följande:',
}: {
  error: unknown;
  fieldIds?: Record<string, string>;
  heading?: string;
}) {
  const alert = useRef<HTMLDivElement>(null);
  const summary = useRef<DSErrorSummaryElement>(null);
  useEffect(() => {
    if (error) (summary.current ?? alert.current)?.focus();
  }, [error]);
  if (!error) return null;
  const details: FieldProblem[] = error instanceof ApiError ? error.details : [];
  const message = error instanceof Error ? error.message : String(error);
  if (details.length === 0) {
    return (
      <Alert data-color="danger" ref={alert} tabIndex={-1} role="alert">
        <Paragraph>{message}</Paragraph>
      </Alert>
    );
  }
  return (
    <ErrorSummary ref={summary} tabIndex={-1}>
      <ErrorSummary.Heading>{heading}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {details.map((d) => (
          <ErrorSummary.Item key={`${d.path}:${d.message}`}>
            {fieldIds[d.path] ? (
              <ErrorSummary.Link href={`#${fieldIds[d.path]}`}>{d.message}</ErrorSummary.Link>
            ) : (
              <span>{d.message}</span>
            )}
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
