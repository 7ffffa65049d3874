import { type Bilingual, type ErrorCode, type ErrorParams, messagesFor } from './catalog.js';

/** Extra machine-readable facts about an error, e.g. which input field was wrong. */
export interface ErrorDetails {
  field?: string;
  [key: string]: unknown;
}

/**
 * An error meant for the client: a typed code plus a Vietnamese and an English message.
 * Anything thrown that is not an AppError reaches clients only as INTERNAL_SERVER_ERROR.
 * A param may differ per language: pass `{ vi, en }`.
 *
 * @example
 * throw new AppError('NOT_FOUND', { entity: { vi: 'Cơ quan', en: 'Agency' } }, { id });
 * throw AppError.badInput('code', { vi: 'Mã đã tồn tại', en: 'The code already exists' });
 */
export class AppError extends Error {
  readonly messages: Bilingual;

  constructor(
    readonly code: ErrorCode,
    params: ErrorParams = {},
    readonly details: ErrorDetails = {},
  ) {
    const messages = messagesFor(code, params);
    super(messages.en);
    this.name = 'AppError';
    this.messages = messages;
  }

  /** BAD_USER_INPUT about one input field, with the reason in both languages. */
  static badInput(field: string, reason: Bilingual): AppError {
    return new AppError('BAD_USER_INPUT', { reason }, { field });
  }

  /** CONFLICT with the reason in both languages. */
  static conflict(reason: Bilingual, details: ErrorDetails = {}): AppError {
    return new AppError('CONFLICT', { reason }, details);
  }

  /** NOT_FOUND naming the entity in both languages. */
  static notFound(entity: Bilingual, id?: string): AppError {
    return new AppError('NOT_FOUND', { entity }, id ? { id } : {});
  }

  /** FORBIDDEN, optionally saying which action on which subject was refused. */
  static forbidden(action?: string, subject?: string): AppError {
    return new AppError('FORBIDDEN', {}, action ? { action, subject } : {});
  }
}
