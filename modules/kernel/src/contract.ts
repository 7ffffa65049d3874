import 'reflect-metadata';
/**
 * The kernel's public face: everything a module may use. Modules import
 * `@motcua/kernel/contract` and nothing deeper.
 */
export { uuid7, isUuid } from './ids/uuid7.js';
export { type Clock, systemClock, FixedClock } from './clock/clock.js';
export { ERROR_CATALOG, type ErrorCode, type Bilingual, type ErrorParams, messagesFor } from './errors/catalog.js';
export { AppError, type ErrorDetails } from './errors/app-error.js';
export {
  type AppAbility,
  type AbilityBuilderFor,
  newAbilityBuilder,
  emptyAbility,
  asSubject,
  accessibleWhere,
} from './authz/ability.js';
export { type GrantScope, type Grant, type UnitFields, GLOBAL_SCOPE, withinScope } from './authz/scope.js';
export { requirePrincipal, ensureCan } from './authz/guards.js';
export { abilityFactory, ALL_PERMISSIONS } from './authz/build-ability.js';
export { type RequestContext, type Principal, type PrincipalKind, type Language, type RuleContext, type PlatformSettings, Loaders } from './context/request-context.js';
export {
  defineModule,
  type ModuleDefinition,
  type PermissionDefinition,
  type EventHandlerDefinition,
  type JobDefinition,
  type WorkContext,
  type DeliveredEvent,
  type SeedContext,
  type StartContext,
  type HttpRouteDefinition,
  type Authenticator,
} from './module/define-module.js';
export { PageInfo, PageArgs, Connection, pageWindow, toConnection, encodeCursor, decodeCursor, type Window, type ConnectionResult, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination/connection.js';
export { defineEvent, publish, type EventType } from './outbox/events.js';
export { OutboxDispatcher, type DispatcherOptions } from './outbox/dispatcher.js';
export { enqueueJob, JobRunner, type JobRunnerOptions, type EnqueueOptions } from './jobs/job-runner.js';
export { appendAudit, verifyAuditChain, auditHash, canonicalJson, type AuditEntry, type AuditVerification, GENESIS_HASH } from './audit/audit-log.js';
export { isPostgres } from './db/dialect.js';
export { epochMs } from './db/columns.js';
export { OutboxEvent } from './outbox/outbox-event.entity.js';
export { InboxReceipt } from './outbox/inbox-receipt.entity.js';
export { Job } from './jobs/job.entity.js';
export { AuditRecord } from './audit/audit-record.entity.js';
export { foldVietnamese, escapeLike } from './text/fold.js';
export { containsFolded, startsWith } from './text/like.js';
export { SortDirection } from './pagination/sort.js';
export { asDate, asOptionalDate, asBoolean, asJson, relationId } from './db/rows.js';
export { readPage, readOne, byKeys } from './db/page-query.js';
export { readByIds, queryPrepared } from './db/prepared.js';
export { type BlobStore, type StoredBlob, blobAddress, isBlobAddress } from './blobs/blob-store.js';
export { LocalDirectoryBlobStore } from './blobs/local-directory.js';
