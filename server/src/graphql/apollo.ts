import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { RequestContext } from '@motcua/kernel/contract';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config.js';
import { describeError, formatErrorFor } from './errors.js';
import { limitsPlugin } from './limits.js';

/**
 * Logs exactly one line per failed operation: `warn` for client errors (with the typed code),
 * `error` with the stack for internal ones. Successful operations log at `debug`.
 */
const errorLogPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors, operationName }) {
        const described = errors.map((error) => ({ error, ...describeError(error.toJSON(), error) }));
        const internal = described.find((d) => d.code === 'INTERNAL_SERVER_ERROR');
        const codes = described.map((d) => d.code);
        if (internal) contextValue.log.error({ err: internal.error.originalError ?? internal.error, codes, operationName }, 'operation failed');
        else contextValue.log.warn({ codes, operationName, message: described[0]?.messages.en }, 'operation refused');
      },
    };
  },
};

/** Tags the caller's language on every error so `formatError` can pick the message. */
const languagePlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors }) {
        for (const error of errors) (error.extensions as Record<string, unknown>).lang = contextValue.lang;
      },
    };
  },
};

/** The Apollo server for a schema, with limits, error formatting and logging. */
export function createApollo(schema: GraphQLSchema, config: Config): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !config.production,
    formatError: formatErrorFor(config.production),
    csrfPrevention: true,
    // The server stops Apollo itself (app.stop); Apollo's own signal handlers made a second
    // stop() wait forever, so SIGTERM ended in the 15 s forced exit.
    stopOnTerminationSignals: false,
    plugins: [
      // Per-field cache hints cost ~5 % of a list query; responses are `no-store` anyway.
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin(schema, config.limits),
      languagePlugin,
      errorLogPlugin,
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
}
