import { ValidationError } from '@it-samverkan/domain';
import { costModelFromXlsx } from './cost-model-xlsx-reader';
import type { CostModelInput } from './cost-model.service';

/**
 * The model document and kind of an upload, whatever its form: a workbook (XLSX bytes), an
 * envelope `{ "kind": "budget", "document": { … } }`, or the document itself (kind given apart,
 * e.g. as `?kind=`). The envelope's kind wins over the separate one.
 */
export async function costModelInputFrom(body: unknown, kind: string | undefined): Promise<CostModelInput> {
  if (Buffer.isBuffer(body)) return { document: await costModelFromXlsx(body), kind };
  if (typeof body === 'string') {
    throw new ValidationError(
      [{ path: '', message: 'Skicka modellen som JSON (application/json) eller som XLSX-arbetsbok' }],
      'Innehållstypen stöds inte',
      'UNSUPPORTED_CONTENT',
    );
  }
  if (
    body !== null &&
    typeof body === 'object' &&
    !Array.isArray(body) &&
    'document' in body &&
    !('format' in body)
  ) {
    const envelope = body as { document: unknown; kind?: unknown };
    const extra = Object.keys(body).filter((k) => k !== 'document' && k !== 'kind');
    if (extra.length) {
      throw new ValidationError(
        extra.map((k) => ({ path: k, message: 'Okänt fält; ange bara kind och document' })),
      );
    }
    return { document: envelope.document, kind: envelope.kind === undefined ? kind : String(envelope.kind) };
  }
  return { document: body, kind };
}
