import 'reflect-metadata';
import type { ModuleDefinition } from '@motcua/kernel/contract';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, type MiddlewareFn } from 'type-graphql';

/**
 * Builds the GraphQL schema from every module's resolvers. `middlewares` wrap each field
 * (the mutation transaction).
 */
export async function buildAppSchema(modules: readonly ModuleDefinition[], middlewares: MiddlewareFn<any>[] = []): Promise<GraphQLSchema> {
  const resolvers = modules.flatMap((m) => m.resolvers);
  return buildSchema({
    resolvers: resolvers as unknown as [Function, ...Function[]],
    validate: false, // inputs are validated by the services, with bilingual messages
    globalMiddlewares: middlewares,
    emitSchemaFile: false,
  });
}

/** The SDL committed as `server/schema.graphql` (sorted, so diffs are meaningful). */
export function printAppSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
