import { Channel as CatalogChannel } from '@motcua/catalog/contract';
import type { RequestContext } from '@motcua/kernel/contract';
import { explainSubjectClock, readInstance, readSubjectClock } from '@motcua/workflow/contract';
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
    documents,
    async components() {
      const item = caseOf(await offeringOf(ctx, dossier, dossier.receivedAt ?? ctx.clock.now()), dossier.caseCode);
      const attached = new Set((await documents()).map((d) => d.componentCode));
      return item.components.map((c) => ({ ...c, present: c.fromSharedDatabase || attached.has(c.code) }));
    },
    timeline: () => ctx.em.find(ProcessLogLine, { dossierId: dossier.id }, { orderBy: { at: 'asc', id: 'asc' } }),
    async ledgerExplanation() {
      if (!(await readSubjectClock(ctx.em, clockKeyOf(dossier)))) return [];
      return (await explainSubjectClock(ctx.em, clockKeyOf(dossier))).map((line) => line[ctx.lang]);
    },
    async allowedActions() {
      return allowedActions(dossier.state as DossierState, await lifecycleContext(ctx, dossier));
    },
    async openTaskId() {
      if (!dossier.processInstanceId) return null;
      return (await readInstance(ctx.em, dossier.processInstanceId)).openTasks[0]?.id ?? null;
    },
  };
}
