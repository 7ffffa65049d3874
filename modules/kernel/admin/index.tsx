/**
 * The kernel's admin toolkit (`@motcua/kernel/admin`): what every module's admin plugin and
 * the admin host share — the plugin definition, permission checks, i18n and the GraphQL
 * data-provider conventions.
 */
export { default as gql } from 'graphql-tag';
export { defineAdminPlugin, permissionFor, type AdminMenuItem, type AdminPlugin, type AdminRoute, type DashboardWidget, type PermissionMap, type PublicRoute, type RequiredPermission } from './define-plugin';
export { ApiError, apiErrorFrom, isApiError, type Bilingual } from './errors';
export { createGraphqlDataProvider, filterInput, listVariables, MAX_PAGE_SIZE, pageInput, sortInput } from './data-provider';
export {
  createI18nProvider, createTranslator, getLanguage, interpolate, LANGUAGES, missingTranslations, setLanguage, useLanguage, useLocalized,
  type Dictionary, type Language, type Messages, type Translator,
} from './i18n';
export { ALL_PERMISSIONS, EVERYWHERE, grantsAllow, useCan, useGrants, type Grant, type UnitRef } from './permissions';
export { ErrorAlert } from './ErrorAlert';
export { useGqlMutation, useGqlQuery } from './graphql-hooks';
export { StaleVersionAlert } from './StaleVersionAlert';
export { foldVietnamese, matchesSearch } from './text';
