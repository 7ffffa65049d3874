import { Channel as CatalogChannel } from '@motcua/catalog/contract';
import { queryPrepared, type RequestContext } from '@motcua/kernel/contract';
import { explainSubjectClock, readInstance, readSubjectClock, ZonedDateTime } from '@motcua/workflow/contract';
import { Channel, type Dossier, DossierDocument, ProcessLogLine } from '../dossier/dossier.entity.js';
import { allowedActions } from '../lifecycle/machine.js';
import type { DossierState } from '../lifecycle/states.js';
import { caseOf, offeringOf } from './intake.service.js';
import { clockKeyOf, lifecycleContext } from './lifecycle.service.js';

const TO_CATALOG: Record<Channel, CatalogChannel> = { [Channel.DIRECT]: CatalogChannel.DIRECT, [Channel.ONLINE]: CatalogChannel.ONLINE, [Channel.POSTAL]: CatalogChannel.POSTAL };

/** The catalog's channel name of a dossier's numeric channel (`KenhThucHien`). @example catalogChannelOf(Channel.ONLINE) // 'ONLINE' */
export function catalogChannelOf(channel: Channel): CatalogChannel {
  return TO_CATALOG[channel];
}

/** The dossier page's parts, each read when the query asks for it. */
export function dossierView(ctx: RequestContext, dossier: Dossier) {
  const documents = () => ctx.em.find(DossierDocument, { dossierId: dossier.id }, { orderBy: { componentCode: 'asc', attachedAt: 'asc' } });
  return {
    documents: async () => (await documents()).map(zoned),
    async components() {
      const item = caseOf(await offeringOf(ctx, dossier, dossier.receivedAt ?? ctx.clock.now()), dossier.caseCode);
      const attached = new Set((await documents()).map((d) => d.componentCode));
      return item.components.map((c) => ({ ...c, present: c.fromSharedDatabase || attached.has(c.code) }));
    },
    timeline: async () => (await ctx.em.find(ProcessLogLine, { dossierId: dossier.id }, { orderBy: { at: 'asc', id: 'asc' } })).map(zoned),
    async ledgerExplanation() {
      if (!(await readSubjectClock(ctx.em, clockKeyOf(dossier)))) return [];
      return (await explainSubjectClock(ctx.em, clockKeyOf(dossier))).map((line) => line[ctx.lang]);
    },
    async allowedActions() {
      return allowedActions(dossier.state as DossierState, await lifecycleContext(ctx, dossier));
    },
    async receivedAtUnitName() {
      if (!dossier.unitId) return null;
      const [row] = await queryPrepared<{ name: string }>(ctx.em, 'select name from identity_agency where id = ?', [dossier.unitId]);
      return row?.name ?? null;
    },
    async openTaskId() {
      if (!dossier.processInstanceId) return null;
      return (await readInstance(ctx.em, dossier.processInstanceId)).openTasks[0]?.id ?? null;
    },
  };
}

/** Zone the API writes instants in (the DateTime scalar wants a ZonedDateTime). */
const ZONE = 'Asia/Ho_Chi_Minh';
const RAW = Symbol('raw');

/**
 * A read-only view of a row whose Date properties read as `ZonedDateTime` (the shared
 * DateTime scalar); {@link rawOf} gives the row back to services.
 *
 * @example zoned(dossier).dueAt // ZonedDateTime(2026-03-09T02:00Z, 'Asia/Ho_Chi_Minh')
 */
export function zoned<T extends object>(row: T): T {
  return new Proxy(row, {
    get(target, key, receiver) {
      if (key === RAW) return target;
      const value = Reflect.get(target, key, receiver);
      return value instanceof Date ? new ZonedDateTime(value, ZONE) : value;
    },
  });
}

/** The row behind a {@link zoned} view (or the row itself). */
export function rawOf<T extends object>(view: T): T {
  return ((view as Record<symbol, unknown>)[RAW] as T | undefined) ?? view;
}
