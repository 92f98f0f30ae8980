import { Button } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { api, Query } from '../api/client';

/** Saves a file the API serves (with this session's authentication) under the name the API gives it. */
export async function saveFile(path: string, query?: Query): Promise<string> {
  const { blob, filename } = await api.file(path, query);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return filename;
}

/** One click to a file: SIE, Peppol, PDF, CSV or XLSX. Says what went wrong if the API refuses. */
export function FileButton({ path, query, label }: { path: string; query?: Query; label: string }) {
  const [state, setState] = useState<{ busy: boolean; message: string | null; failed: boolean }>({
    busy: false,
    message: null,
    failed: false,
  });
  return (
    <span className="file-button">
      <Button
        variant="secondary"
        data-size="sm"
        type="button"
        loading={state.busy}
        onClick={async () => {
          setState({ busy: true, message: null, failed: false });
          try {
            const name = await saveFile(path, query);
            setState({ busy: false, message: `Sparad: ${name}`, failed: false });
          } catch (error) {
            setState({ busy: false, message: `${label}: ${(error as Error).message}`, failed: true });
          }
        }}
      >
        {label}
      </Button>
      <span role="status" className={state.failed ? 'file-status failed' : 'file-status'}>
        {state.message}
      </span>
    </span>
  );
}
