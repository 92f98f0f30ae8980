import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { FormEvent, useState } from 'react';
import { api } from '../api/client';
import { todayInSweden } from '../api/format';
import type { Invoice } from '../api/types';
import { FormProblems, problemsByField } from '../components/form-problems';

/** Issues drafts (one, or every draft of a period) with one invoice date, by default today in Sweden. */
export function IssueForm({ drafts, onIssued }: { drafts: Invoice[]; onIssued: (text: string) => void }) {
  const [invoiceDate, setInvoiceDate] = useState(todayInSweden());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function issue(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const numbers: string[] = [];
    try {
      for (const draft of drafts) {
        const issued = await api.post<Invoice>(
          `/invoices/${draft.id}/issue`,
          { invoiceDate },
          { idempotencyKey: crypto.randomUUID() },
        );
        numbers.push(issued.number ?? '');
      }
      onIssued(
        numbers.length === 1
          ? `Utfärdad med fakturadatum ${invoiceDate}: nummer ${numbers[0]}.`
          : `${numbers.length} fakturor utfärdade med fakturadatum ${invoiceDate}: nummer ${numbers.join(', ')}.`,
      );
    } catch (e) {
      setError(e);
      if (numbers.length > 0)
        onIssued(`${numbers.length} fakturor hann utfärdas: nummer ${numbers.join(', ')}.`);
    } finally {
      setBusy(false);
    }
  }

  const fields = problemsByField(error);
  return (
    <form onSubmit={issue} noValidate className="stack issue-form" aria-labelledby="utfarda-rubrik">
      <Heading level={3} data-size="sm" id="utfarda-rubrik">
        {drafts.length === 1 ? 'Utfärda' : 'Utfärda utkasten'}
      </Heading>
      <FormProblems error={error} fieldIds={{ invoiceDate: 'issue-date' }} />
      <div className="row">
        <Textfield
          id="issue-date"
          label="Fakturadatum"
          description="ÅÅÅÅ-MM-DD. Bokföringsdagen följer av datumet och perioden."
          value={invoiceDate}
          onChange={(e) => setInvoiceDate(e.target.value)}
          error={fields.invoiceDate}
        />
        <Button type="submit" loading={busy}>
          {drafts.length === 1 ? 'Utfärda utkastet' : `Utfärda ${drafts.length} utkast`}
        </Button>
      </div>
    </form>
  );
}
