/**
 * The offering snapshot a dossier keeps from its receipt: the procedure version in force that
 * day, the agency's offering on the channel, and the limits, fees and components that apply.
 * A dossier is judged by these even after the catalog changes (one-stop-domain §0.1).
 */
import type { EntityManager } from '@mikro-orm/knex';
import { AppError, asJson, isUuid, queryPrepared, readOne, type Bilingual } from '@motcua/kernel/contract';
import type { TimeLimit } from '@motcua/workflow/contract';
import { formDataErrors, type FormFieldError } from '../forms/form.js';
import type { Channel, Fee, ProcedureContent } from '../procedures/content.js';
import { localToday } from '../procedures/dates.js';
import { Procedure, ProcedureVersion } from '../procedures/procedure.entity.js';
import { versionInForce } from '../procedures/procedure.read.js';
import { PROCEDURE_ENTITY, VERSION_ENTITY } from '../procedures/procedure.service.js';
import { effectiveLimit } from './limits.js';
import { type OfferedChannel, Offering } from './offering.entity.js';

export interface OfferingQuery {
  procedureId?: string;
  procedureCode?: string;
  agencyId: string;
  channel: Channel;
  /** The receipt instant; the version in force on its local day (Asia/Ho_Chi_Minh) applies. */
  at: Date;
}

export interface ComponentSnapshot {
  code: string;
  name: string;
  mandatory: boolean;
  originals: number;
  copies: number;
  /** Taken from a shared database: the agency must not demand it. */
  fromSharedDatabase: boolean;
}

export interface CaseSnapshot {
  code: string;
  name: string;
  components: ComponentSnapshot[];
  hasForm: boolean;
}

export interface OfferingSnapshot {
  procedureId: string;
  procedureVersionId: string;
  code: string;
  name: string;
  version: number;
  channel: Channel;
  statutoryLimit: TimeLimit;
  /** The agency's local limit when set and within the statutory one, else the statutory one. */
  effectiveLimit: TimeLimit;
  workflowDefinitionId: string | null;
  receivingUnitIds: string[];
  /** The version lists the procedure as receivable regardless of administrative boundary: a desk outside `receivingUnitIds` may receive it. */
  boundaryFree: boolean;
  fees: Fee[];
  cases: CaseSnapshot[];
}

function refused(reason: Bilingual, details: Record<string, unknown>): AppError {
  return new AppError('INVALID_TRANSITION', { reason }, details);
}

async function procedureRow(em: EntityManager, query: OfferingQuery): Promise<Record<string, any>> {
  const where = query.procedureId ? (isUuid(query.procedureId) ? { id: query.procedureId } : null) : query.procedureCode ? { code: query.procedureCode } : null;
  const row = where ? await readOne(em, Procedure, where) : null;
  if (!row) throw AppError.notFound(PROCEDURE_ENTITY, query.procedureId ?? query.procedureCode);
  return row;
}

/** Version rows of a procedure, newest first, as `versionInForce` reads them. */
async function versionRows(em: EntityManager, procedureId: string): Promise<Record<string, any>[]> {
  const rows = await queryPrepared<Record<string, any>>(em,
    'select id, number, status, content, effective_from, effective_to from catalog_procedure_version where procedure_id = ? order by number desc', [procedureId]);
  return rows.map((row) => ({ ...row, effectiveFrom: row.effective_from, effectiveTo: row.effective_to }));
}

/**
 * The snapshot a dossier needs at receipt. Refuses (INVALID_TRANSITION, bilingual) when no
 * version is in force that day, the agency does not offer the procedure, or not on that
 * channel; NOT_FOUND for an unknown procedure.
 */
export async function findOffering(em: EntityManager, query: OfferingQuery): Promise<OfferingSnapshot> {
  const procedure = await procedureRow(em, query);
  const day = localToday(query.at);
  const version = versionInForce(await versionRows(em, procedure.id), day);
  if (!version) throw refused({ vi: `thủ tục ${procedure.code} không có phiên bản hiệu lực ngày ${day}`, en: `procedure ${procedure.code} has no version in force on ${day}` }, { code: procedure.code, day });
  const offering = await readOne(em, Offering, { procedure: procedure.id, agencyId: query.agencyId });
  if (!offering) throw refused({ vi: `cơ quan không tiếp nhận thủ tục ${procedure.code}`, en: `the agency does not offer procedure ${procedure.code}` }, { code: procedure.code, agencyId: query.agencyId });
  const offered = asJson<OfferedChannel[]>(offering.channels).find((c) => c.channel === query.channel);
  const content = asJson<ProcedureContent>(version.content);
  const statutory = content.channels.find((c) => c.channel === query.channel);
  if (!offered || !statutory) throw refused({ vi: `thủ tục ${procedure.code} không tiếp nhận qua kênh ${query.channel} tại cơ quan này`, en: `procedure ${procedure.code} is not offered on ${query.channel} by this agency` }, { channel: query.channel });
  return {
    procedureId: procedure.id, procedureVersionId: version.id, code: procedure.code, name: content.name, version: Number(version.number), channel: query.channel,
    statutoryLimit: statutory.limit, effectiveLimit: effectiveLimit(statutory.limit, offered.localLimit),
    workflowDefinitionId: (offering.workflowDefinitionId as string | null) ?? null, receivingUnitIds: asJson<string[]>(offering.receivingUnitIds),
    boundaryFree: content.boundaryFree ?? false, fees: statutory.fees,
    cases: content.cases.map((item) => ({
      code: item.code, name: item.name, hasForm: !!item.form,
      components: item.components.map(({ code, name, mandatory, originals, copies, fromSharedDatabase }) => ({ code, name, mandatory, originals, copies, fromSharedDatabase })),
    })),
  };
}

/**
 * Field errors of application data against the e-form of a case of a procedure version
 * (empty when valid, or when the case has no form). NOT_FOUND for an unknown version or case.
 */
export async function validateApplicationForm(em: EntityManager, procedureVersionId: string, caseCode: string, data: unknown): Promise<FormFieldError[]> {
  const row = isUuid(procedureVersionId) ? await readOne(em, ProcedureVersion, { id: procedureVersionId }) : null;
  if (!row) throw AppError.notFound(VERSION_ENTITY, procedureVersionId);
  const item = asJson<ProcedureContent>(row.content).cases.find((c) => c.code === caseCode);
  if (!item) throw AppError.notFound({ vi: `trường hợp ${caseCode}`, en: `Case ${caseCode}` }, caseCode);
  return item.form ? formDataErrors(item.form.schema, data) : [];
}
