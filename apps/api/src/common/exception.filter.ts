import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '@it-samverkan/domain';
import type { AppRequest } from './request';

const STATUS_OF_KIND: Record<string, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  unprocessable: 422,
  'too-many': 429,
  unavailable: 503,
};

const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
};

const MESSAGE_OF_STATUS: Record<number, string> = {
  404: 'Resursen finns inte',
  413: 'Förfrågan är för stor',
  429: 'För många förfrågningar; försök igen om en stund',
};

export interface ErrorBody {
  error: string;
  message: string;
  details: { path: string; message: string }[];
  correlationId: string | null;
}

/** Maps every error to the one error body; a 500 is logged with its correlation id and shows nothing internal. */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Fel');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<AppRequest>();
    const response = http.getResponse<Response>();
    const { status, body } = toErrorBody(exception, request?.correlationId ?? null);
    if (status >= 500) {
      this.logger.error(
        `${body.correlationId} ${request?.method} ${request?.url}`,
        (exception as Error)?.stack,
      );
    }
    response.status(status).json(body);
  }
}

/** The HTTP status and body for any thrown value. */
export function toErrorBody(
  exception: unknown,
  correlationId: string | null,
): { status: number; body: ErrorBody } {
  if (exception instanceof DomainError) {
    const status = STATUS_OF_KIND[exception.kind] ?? 422;
    return {
      status,
      body: { error: exception.code, message: exception.message, details: exception.details, correlationId },
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const raw = exception.getResponse();
    const text =
      typeof raw === 'string' ? raw : ((raw as { message?: unknown }).message ?? exception.message);
    const message = MESSAGE_OF_STATUS[status] ?? (Array.isArray(text) ? text.join('; ') : String(text));
    if (status === 400 && /JSON/i.test(message)) {
      return {
        status,
        body: {
          error: 'MALFORMED_JSON',
          message: 'Förfrågans JSON kunde inte läsas',
          details: [],
          correlationId,
        },
      };
    }
    return {
      status,
      body: { error: CODE_OF_STATUS[status] ?? 'HTTP_ERROR', message, details: [], correlationId },
    };
  }
  // Two requests racing for the same unique key, or a deadlock the database broke: the request
  // changed nothing (its transaction rolled back) and can simply be sent again.
  const driverCode = (exception as { driverError?: { code?: string } })?.driverError?.code ?? '';
  if (
    /^(ER_DUP_ENTRY|SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)|ER_LOCK_DEADLOCK|ER_LOCK_WAIT_TIMEOUT|SQLITE_BUSY)$/.test(
      driverCode,
    )
  ) {
    return {
      status: 409,
      body: {
        error: 'CONCURRENT_CHANGE',
        message: 'En samtidig ändring hindrade begäran; inget sparades. Försök igen.',
        details: [],
        correlationId,
      },
    };
  }
  const typed = exception as { type?: string; status?: number };
  if (typed?.type === 'entity.too.large') {
    return {
      status: 413,
      body: { error: 'PAYLOAD_TOO_LARGE', message: MESSAGE_OF_STATUS[413], details: [], correlationId },
    };
  }
  if (typed?.type === 'entity.parse.failed') {
    return {
      status: 400,
      body: {
        error: 'MALFORMED_JSON',
        message: 'Förfrågans JSON kunde inte läsas',
        details: [],
        correlationId,
      },
    };
  }
  return {
    status: 500,
    body: {
      error: 'INTERNAL_ERROR',
      message: 'Ett oväntat fel inträffade. Ange korrelations-id:t om du kontaktar support.',
      details: [],
      correlationId,
    },
  };
}
