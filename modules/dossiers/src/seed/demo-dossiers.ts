import type { EntityManager } from '@mikro-orm/knex';
import { type AgencyUnit, agencyUnitByCode, BuiltInRole, roleHoldingsWithin } from '@motcua/identity/contract';
import { GLOBAL_SCOPE, Loaders, newAbilityBuilder, type Principal, type RequestContext, type SeedContext, uuid7 } from '@motcua/kernel/contract';
import { Dossier } from '../dossier/dossier.entity.js';
import { receive } from '../api/intake.service.js';
import { actOnStep, requestSupplement } from '../api/processing.service.js';

/** The sample procedure the demo dossiers are for (Sở Tư pháp, same-day limit, one document to bring). */
export const DEMO_DOSSIER_PROCEDURE = { code: '2.000635', caseCode: 'BSTL', component: 'TK-BSTL' };
const APPLICANTS = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Hoàng Phúc', 'Phạm Thị Thu Hà'];
/** The provincial one-stop desk receiving for Sở Tư pháp in the demo (catalog demo seed). */
const DEMO_DESK = '000.01.02.H56';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');

/**
 * A seeding context acting as a demo staff member who holds `roleKey` in the agency, with every
 * permission (the seed is trusted; the lifecycle rules and the workflow's actor checks still apply).
 */
async function actingAs(seed: SeedContext, unit: AgencyUnit | null, roleKey: BuiltInRole, name: string): Promise<RequestContext | null> {
  if (!unit) return null;
  const holder = (await roleHoldingsWithin(seed.em, { pathPrefixes: [unit.path], unitIds: [] })).find((h) => h.roleKey === roleKey);
  if (!holder) return null;
  const principal: Principal = { kind: 'STAFF', fullName: name, userId: holder.userId, username: name, agencyId: holder.unitId, sessionId: null, grants: [{ permission: '*', scope: GLOBAL_SCOPE }] };
  const { can, build } = newAbilityBuilder();
  can('manage', 'all');
  return {
    requestId: uuid7(), log: seed.log, em: seed.em as EntityManager, principal, ability: build(), clock: seed.clock, lang: 'vi', loaders: new Loaders(),
    platform: { production: false, authSecret: Buffer.alloc(32), permissions: [] }, afterRollback: [],
  };
}

/**
 * Demo dossiers of Sở Tư pháp at the provincial desk: two just received, one in processing
 * (opinions requested), one waiting for a supplement, so the officer desk and tracking show data.
 * Skipped when any dossier exists already.
 */
export async function seedDemoDossiers(seed: SeedContext, agency: AgencyUnit): Promise<void> {
  if (await seed.em.count(Dossier, {})) return;
  const desk = await actingAs(seed, await agencyUnitByCode(seed.em, DEMO_DESK), BuiltInRole.RECEPTION_OFFICER, 'Cán bộ tiếp nhận (demo)');
  const officer = await actingAs(seed, agency, BuiltInRole.HANDLING_OFFICER, 'Chuyên viên (demo)');
  if (!desk || !officer) return;
  const ids: string[] = [];
  for (const name of APPLICANTS) {
    const dossier = await receive(desk, {
      create: { procedure: DEMO_DOSSIER_PROCEDURE.code, agencyId: agency.id, caseCode: DEMO_DOSSIER_PROCEDURE.caseCode, channel: 'DIRECT' as never, applicant: { name } },
      documents: [{ dossierId: '', componentCode: DEMO_DOSSIER_PROCEDURE.component, fileName: 'to-khai.pdf', contentBase64: PDF }],
    });
    ids.push(dossier.id);
  }
  for (const id of ids.slice(2)) await actOnStep(officer, { id, action: 'REQUEST_OPINION', comment: 'Xin ý kiến phòng và trưởng phòng' });
  await requestSupplement(officer, { id: ids[3], missing: ['Giấy tờ chứng minh quan hệ với người được cấp trích lục'] });
}
