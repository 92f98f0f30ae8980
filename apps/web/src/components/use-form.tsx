import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { ChangeEvent, FormEvent, useRef, useState } from 'react';
import { problemsByField } from './form-problems';

export interface Submit<I = void> {
  /** The form's onSubmit: runs the action once, problems and status cleared first. */
  submit: (event?: FormEvent) => Promise<void>;
  /** Runs the action with an input (a second button of the same form: review or apply). */
  run: (input: I) => Promise<void>;
  /** True while the action runs (for the submit button's `loading`). */
  busy: boolean;
  /** What the last submit was refused with, for FormProblems; null when it went through. */
  error: unknown;
  /** Field path → message, for each field's `error` (which links it with aria-describedby/aria-invalid). */
  problems: Record<string, string>;
  /** What the last submit did, for the live region (FormStatus); null until one went through. */
  status: string | null;
  setStatus: (status: string | null) => void;
}

/**
 * One form's submit: `action` sends it and answers with the status to show (or nothing); what it throws
 * is shown by FormProblems at the top of the form and at each field. A second submit while one runs is
 * ignored.
 */
export function useSubmit<I = void>(action: (input: I) => Promise<string | null | void>): Submit<I> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const running = useRef(false);
  async function run(input: I) {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      setStatus((await action(input)) ?? null);
    } catch (e) {
      setError(e);
    } finally {
      running.current = false;
      setBusy(false);
    }
  }
  async function submit(event?: FormEvent) {
    event?.preventDefault();
    await run(undefined as I);
  }
  return { submit, run, busy, error, problems: problemsByField(error), status, setStatus };
}

/** The props that tie a value to its Textfield: id, value, change, and its problem (aria-invalid/-describedby). */
export interface FieldProps {
  id: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  error: string | undefined;
}

export interface Form<V extends Record<string, string>, I = void> extends Submit<I> {
  values: V;
  set: (name: keyof V, value: string) => void;
  /** Spread on the field's Textfield: `<Textfield label="…" {...form.field('name')} />`. */
  field: (name: keyof V & string) => FieldProps;
  /** API path → input id, for FormProblems' links. */
  fieldIds: Record<string, string>;
}

/**
 * A form of text fields and its submit: `ids` gives each value's input id, `action` sends the values as
 * useSubmit's action does. The API names a problem by the value's name, or `within.name` when the values
 * are sent as one object `within` (e.g. "decision.date").
 */
export function useForm<V extends Record<string, string>, I = void>(
  initial: V,
  ids: Record<keyof V, string>,
  action: (values: V, input: I) => Promise<string | null | void>,
  within?: string,
): Form<V, I> {
  const [values, setValues] = useState(initial);
  const submitting = useSubmit((input: I) => action(values, input));
  const path = (name: string) => (within ? `${within}.${name}` : name);
  const set = (name: keyof V, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const field = (name: keyof V & string): FieldProps => ({
    id: ids[name],
    value: values[name],
    onChange: (event) => set(name, event.target.value),
    error: submitting.problems[path(name)],
  });
  const fieldIds = Object.fromEntries(Object.entries(ids).map(([name, id]) => [path(name), id as string]));
  return { ...submitting, values, set, field, fieldIds };
}

/** A form's live region: what the last submit did, read out when it changes. */
export function FormStatus({ status }: { status: string | null }) {
  return (
    <div aria-live="polite">
      {status && (
        <Alert data-color="success">
          <Paragraph>{status}</Paragraph>
        </Alert>
      )}
    </div>
  );
}
