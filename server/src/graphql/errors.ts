import { unwrapResolverError } from '@apollo/server/errors';
import { AppError, type Bilingual, type ErrorCode, type Language, messagesFor } from '@motcua/kernel/contract';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Apollo's own error codes, mapped onto ours. */
const APOLLO_CODES: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_REQUEST',
  OPERATION_RESOLUTION_FAILURE: 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_REQUEST',
};

/** Client errors; anything else is logged as an internal error. */
export const CLIENT_ERROR = (code: string) => code !== 'INTERNAL_SERVER_ERROR';

export interface FormattedAppError {
  code: ErrorCode;
  messages: Bilingual;
  details?: Record<string, unknown>;
}

/** The code and bilingual messages of any error thrown while serving a request. */
export function describeError(formatted: GraphQLFormattedError, error: unknown): FormattedAppError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) return { code: original.code, messages: original.messages, details: original.details };
  const ourCode = formatted.extensions?.motcuaCode as ErrorCode | undefined;
  if (ourCode) return { code: ourCode, messages: formatted.extensions!.messages as Bilingual };
  const apolloCode = APOLLO_CODES[String(formatted.extensions?.code)];
  if (apolloCode) return { code: apolloCode, messages: messagesFor(apolloCode, { reason: formatted.message }) };
  if (original instanceof GraphQLError && !original.originalError) {
    // graphql-js errors without a code: argument coercion inside execution, etc.
    return { code: 'BAD_USER_INPUT', messages: messagesFor('BAD_USER_INPUT', { reason: formatted.message }) };
  }
  return { code: 'INTERNAL_SERVER_ERROR', messages: messagesFor('INTERNAL_SERVER_ERROR') };
}

/**
 * Apollo `formatError`: every error leaves with a typed `extensions.code`, the message in the
 * caller's language and both messages in `extensions.messages`. Internal errors never show
 * their text; stack traces only outside production.
 */
export function formatErrorFor(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const described = describeError(formatted, error);
    const lang = ((formatted.extensions?.lang as Language | undefined) ?? 'vi') satisfies Language;
    const extensions: Record<string, unknown> = { code: described.code, messages: described.messages };
    if (described.details && Object.keys(described.details).length) extensions.details = described.details;
    if (!production && formatted.extensions?.stacktrace) extensions.stacktrace = formatted.extensions.stacktrace;
    return { message: described.messages[lang], locations: formatted.locations, path: formatted.path, extensions };
  };
}

/** A GraphQLError carrying one of our codes, for errors raised outside resolvers (limits). */
export function graphqlError(code: ErrorCode, params: Record<string, string | number>, httpStatus: number): GraphQLError {
  const messages = messagesFor(code, params);
  return new GraphQLError(messages.en, { extensions: { motcuaCode: code, messages, http: { status: httpStatus } } });
}
