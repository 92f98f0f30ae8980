import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { api } from '../api/client';
import { todayInSweden } from '../api/format';
import type { Invoice } from '../api/types';
import { FormProblems } from '../components/form-problems';
import { useForm } from '../components/use-form';

/** Issues drafts (one, or every draft of a period) with one invoice date, by default today in Sweden. */
export function IssueForm({ drafts, onIssued }: { drafts: Invoice[]; onIssued: (text: string) => void }) {
  const issue = useForm(
    { invoiceDate: todayInSweden() },
    { invoiceDate: 'issue-date' },
    async ({ invoiceDate }) => {
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
      } catch (e) {
        if (numbers.length > 0)
          onIssued(`${numbers.length} fakturor hann utfärdas: nummer ${numbers.join(', ')}.`);
        throw e;
      }
      onIssued(
        numbers.length === 1
          ? `Utfärdad med fakturadatum ${invoiceDate}: nummer ${numbers[0]}.`
          : `${numbers.length} fakturor utfärdade med fakturadatum ${invoiceDate}: nummer ${numbers.join(', ')}.`,
      );
    },
  );

  return (
    <form onSubmit={issue.submit} noValidate className="stack issue-form" aria-labelledby="utfarda-rubrik">
      <Heading level={3} data-size="sm" id="utfarda-rubrik">
        {drafts.length === 1 ? 'Utfärda' : 'Utfärda utkasten'}
      </Heading>
      <FormProblems error={issue.error} fieldIds={issue.fieldIds} />
      <div className="row">
        <Textfield
          label="Fakturadatum"
          description="ÅÅÅÅ-MM-DD. Bokföringsdagen följer av datumet och perioden."
          {...issue.field('invoiceDate')}
        />
        <Button type="submit" loading={issue.busy}>
          {drafts.length === 1 ? 'Utfärda utkastet' : `Utfärda ${drafts.length} utkast`}
        </Button>
      </div>
    </form>
  );
}
