import type { HttpError } from '@refinedev/core';
import type { CombinedError } from '@urql/core';
import { getLanguage, interpolate, type Language } from './i18n';

/** A message in both languages, as the server sends it in `extensions.messages`. */
export type Bilingual = Record<Language, string>;

/** Failures that happen before the server answers in its own error shape. */
const CLIENT_MESSAGES = {
  NETWORK_ERROR: {
    vi: 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.',
    en: 'Cannot reach the server. Check the network and try again.',
  },
  SERVER_ERROR: {
    vi: 'Máy chủ đang gặp sự cố (HTTP {{status}}). Vui lòng thử lại sau.',
    en: 'The server is having trouble (HTTP {{status}}). Please try again later.',
  },
} satisfies Record<string, Bilingual>;

const STATUS_OF_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401, TOKEN_EXPIRED: 401, TOKEN_INVALID: 401, INVALID_CREDENTIALS: 401, ACCOUNT_LOCKED: 423, ACCOUNT_DISABLED: 403,
  FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, CONFLICT: 409, STALE_VERSION: 409, RATE_LIMITED: 429,
};

/** Codes meaning "your session is no longer valid": sign in again. */
const SESSION_CODES = new Set(['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'TOKEN_INVALID', 'ACCOUNT_DISABLED']);

/**
 * An error from the API with its typed `extensions.code` and the message in both languages.
 * It is a Refine `HttpError`, so Refine's notifications show `message` (in the language in
 * use when it happened); switch on `code` for special handling (e.g. `STALE_VERSION`).
 */
export class ApiError extends Error implements HttpError {
  readonly statusCode: number;
  /** Field errors for Refine forms (`BAD_USER_INPUT` naming a field), shown under that field. */
  readonly errors?: Record<string, string>;

  constructor(
    readonly code: string,
    readonly messages: Bilingual,
    statusCode?: number,
    readonly details?: unknown,
  ) {
    super(messages[getLanguage()]);
    this.name = 'ApiError';
    this.statusCode = statusCode ?? STATUS_OF_CODE[code] ?? 500;
    const field = (details as { field?: unknown } | undefined)?.field;
    if (typeof field === 'string') this.errors = { [field]: this.message };
  }

  /** The message in a given language. */
  messageIn(language: Language): string {
    return this.messages[language];
  }

  /** True when the session is gone (expired, revoked, account disabled): sign in again. */
  get endsSession(): boolean {
    return SESSION_CODES.has(this.code);
  }
}

function clientError(code: keyof typeof CLIENT_MESSAGES, status: number): ApiError {
  const { vi, en } = CLIENT_MESSAGES[code];
  return new ApiError(code, { vi: interpolate(vi, { status }), en: interpolate(en, { status }) }, status);
}

/** Turns urql's combined error into an ApiError (the first GraphQL error, else the transport failure). */
export function apiErrorFrom(error: CombinedError): ApiError {
  const status = (error.response as Response | undefined)?.status;
  const first = error.graphQLErrors[0];
  if (first) {
    const extensions = first.extensions as { code?: string; messages?: Bilingual; details?: unknown };
    const messages = extensions.messages ?? { vi: first.message, en: first.message };
    return new ApiError(extensions.code ?? 'INTERNAL_SERVER_ERROR', messages, status && status >= 400 ? status : undefined, extensions.details);
  }
  return status ? clientError('SERVER_ERROR', status) : clientError('NETWORK_ERROR', 0);
}

/** Whether an error (from Refine or anywhere) is an ApiError with one of the given codes. */
export function isApiError(error: unknown, ...codes: string[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}
