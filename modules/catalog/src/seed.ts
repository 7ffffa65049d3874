import { agencyUnitByCode } from '@motcua/identity/contract';
import { type SeedContext, uuid7 } from '@motcua/kernel/contract';
import { importRows } from './exchange/import.js';
import { rowsFromJson } from './exchange/json.js';
import { SAMPLE_CATALOG_JSON } from './exchange/sample.js';
import { Offering } from './offerings/offering.entity.js';
import { ImplementationLevel, type ProcedureContent } from './procedures/content.js';
import { localToday } from './procedures/dates.js';
import { Procedure, ProcedureVersion, VersionStatus } from './procedures/procedure.entity.js';
import { pipeList } from './procedures/procedure.store.js';

/** Provincial department offering each sector's provincial procedures in the demo province (agency codes). */
const DEPARTMENT_BY_SECTOR_PREFIX: Record<string, string> = {
  TP: '000.00.10.H56', // Sở Tư pháp
  XD: '000.00.12.H56', // Sở Xây dựng
  NNMT: '000.00.15.H56', // Sở Nông nghiệp và Môi trường
  CT: '000.00.11.H56', // Sở Công Thương
};
const PROVINCIAL_DESK = '000.01.02.H56'; // Bộ phận Tiếp nhận và Trả kết quả, TTPVHCC tỉnh
const COMMUNES = ['000.30.31.H56', '000.31.31.H56', '000.40.32.H56', '000.41.32.H56'];
/** Sectors the demo communes' People's Committees handle (police procedures go to the commune police, not modelled in the demo). */
const COMMUNE_SECTOR_PREFIXES = ['TP', 'TC'];

/** Agencies offering a procedure in the demo: its sector's department (provincial level), every commune (commune level). */
function demoOfferers(content: ProcedureContent): Array<{ agency: string; desk: string }> {
  const offerers: Array<{ agency: string; desk: string }> = [];
  const prefix = content.sectorCode.split('-')[0];
  const department = DEPARTMENT_BY_SECTOR_PREFIX[prefix];
  if (content.levels.includes(ImplementationLevel.TINH) && department) offerers.push({ agency: department, desk: PROVINCIAL_DESK });
  if (content.levels.includes(ImplementationLevel.XA) && COMMUNE_SECTOR_PREFIXES.includes(prefix)) offerers.push(...COMMUNES.map((code) => ({ agency: code, desk: code })));
  return offerers;
}

/**
 * Demo data: the sample catalog (real procedures, `exchange/sample-catalog.json`) imported
 * as published, and offerings of them by the demo province's departments and communes on
 * every channel at the statutory limits. Idempotent: the import skips what is there, and
 * existing offerings are left alone.
 */
export async function seedCatalog({ em, clock, demo }: SeedContext): Promise<void> {
  if (!demo) return;
  const now = clock.now();
  await importRows(em, rowsFromJson(SAMPLE_CATALOG_JSON), { dryRun: false, actorId: null, now, today: localToday(now) });
  const procedures = await em.find(Procedure, { status: VersionStatus.PUBLISHED });
  const versions = await em.find(ProcedureVersion, { id: { $in: procedures.map((p) => p.listedVersionId) } });
  const existing = new Set((await em.find(Offering, {})).map((o) => `${o.procedure.id}:${o.agencyId}`));
  for (const version of versions) {
    for (const offerer of demoOfferers(version.content)) {
      const [agency, desk] = [await agencyUnitByCode(em, offerer.agency), await agencyUnitByCode(em, offerer.desk)];
      if (!agency || !desk || existing.has(`${version.procedure.id}:${agency.id}`)) continue;
      const channels = version.content.channels.map((c) => ({ channel: c.channel, localLimit: null }));
      em.create(Offering, {
        id: uuid7(now.getTime()), procedure: version.procedure, agencyId: agency.id, agencyPath: agency.path, receivingUnitIds: [desk.id],
        channels, channelList: pipeList(channels.map((c) => c.channel)), workflowDefinitionId: null, createdAt: now, updatedAt: now,
      });
    }
  }
  await em.flush();
}
