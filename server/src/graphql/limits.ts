import type { ApolloServerPlugin } from '@apollo/server';
import { type FragmentDefinitionNode, Kind, type OperationDefinitionNode, type SelectionSetNode, type GraphQLSchema, type DocumentNode } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '@motcua/kernel/contract';
import { graphqlError } from './errors.js';

/** Depth of the deepest field path, not counting introspection (`__schema`, `__type`). */
export function queryDepth(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const below = selection.selectionSet ? queryDepth(selection.selectionSet, fragments, seen) : 0;
      deepest = Math.max(deepest, 1 + below);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, queryDepth(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue; // cycles are a validation error already
      deepest = Math.max(deepest, queryDepth(fragment.selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return deepest;
}

/**
 * Complexity: each field costs 1 plus its children; a list field taking `first`/`limit`
 * multiplies its children by the page size asked for (default page size otherwise).
 */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const size = Number(args.first ?? args.limit ?? (childComplexity > 0 && ('offset' in args || 'after' in args) ? DEFAULT_PAGE_SIZE : 1));
  return 1 + childComplexity * (Number.isFinite(size) && size > 0 ? size : 1);
};

/**
 * Refuses operations deeper or more complex than configured, before any resolver runs, with
 * QUERY_TOO_DEEP / QUERY_TOO_COMPLEX and HTTP 400.
 */
export function limitsPlugin(schema: GraphQLSchema, limits: { maxDepth: number; maxComplexity: number }): ApolloServerPlugin {
  // Apollo caches parsed documents, so the same query arrives as the same object: measure it
  // once per document and variables.
  const measured = new WeakMap<DocumentNode, Map<string, { depth: number; complexity: number }>>();
  const measure = (document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, operationName?: string) => {
    const perDocument = measured.get(document) ?? new Map<string, { depth: number; complexity: number }>();
    measured.set(document, perDocument);
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables)}`;
    let result = perDocument.get(key);
    if (!result) {
      const depth = queryDepth(operation.selectionSet, fragmentsOf(document));
      result = { depth, complexity: depth > limits.maxDepth ? 0 : complexityOf(schema, document, variables, operationName) };
      if (perDocument.size >= 64) perDocument.clear();
      perDocument.set(key, result);
    }
    return result;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const { depth, complexity } = measure(document, operation, request.variables ?? {}, request.operationName);
          if (depth > limits.maxDepth) throw graphqlError('QUERY_TOO_DEEP', { depth, max: limits.maxDepth }, 400);
          if (complexity > limits.maxComplexity) throw graphqlError('QUERY_TOO_COMPLEX', { complexity, max: limits.maxComplexity }, 400);
        },
      };
    },
  };
}

function complexityOf(schema: GraphQLSchema, query: DocumentNode, variables: Record<string, unknown>, operationName?: string): number {
  try {
    return getComplexity({ schema, query, variables, operationName, estimators: [pagedEstimator] });
  } catch {
    return 0; // variables that do not coerce: execution reports them as BAD_USER_INPUT
  }
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return fragments;
}

