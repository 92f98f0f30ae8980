import { Alert, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { ReactNode } from 'react';
import type { Loaded } from './use-api';

/** Shows a spinner while loading, the API's message on failure, otherwise the content. */
export function LoadState<T>({
  loaded,
  what,
  children,
}: {
  loaded: Loaded<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (loaded.error) {
    return (
      <Alert data-color="danger" role="alert">
        <Paragraph>
          Kunde inte hämta {what}: {loaded.error.message}
        </Paragraph>
      </Alert>
    );
  }
  if (loaded.data === null) return <Spinner aria-label={`Hämtar ${what}`} data-size="md" />;
  return <>{children(loaded.data)}</>;
}
