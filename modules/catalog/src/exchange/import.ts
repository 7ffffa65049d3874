/**
 * Importing the catalog, idempotent by national code. Each row is checked on its own and
 * reported with its row number: CREATED (new procedure, published), UPDATED (a new published
 * version, because the content or start date differs from the newest published version),
 * SKIPPED (identical: nothing written) or REJECTED (with the reason). A rejected row does not
 * stop the others. A dry run reports the same without writing. Existing procedures and
 * versions are read in batches and writes flushed in batches, so 5,000 rows stay fast.
 */
import type { EntityManager } from '@mikro-orm/knex';
import { canonicalJson, type Bilingual } from '@motcua/kernel/contract';
import { missingParts } from '../procedures/completeness.js';
import { PROCEDURE_CODE } from '../procedures/code.js';
import type { ProcedureContent } from '../procedures/content.js';
import { Procedure, ProcedureVersion, VersionStatus } from '../procedures/procedure.entity.js';
import { newProcedure, newVersion, type Owner, publishVersion } from '../procedures/procedure.store.js';
import { describeProblems, isIsoDate, readContent } from '../procedures/validate.js';
import type { ImportRow } from './document.js';
import { PROCEDURE_SHEET } from './excel.js';

export enum ImportOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  SKIPPED = 'SKIPPED',
  REJECTED = 'REJECTED',
}

export interface ImportRowReport {
  rowNumber: number;
  sheet: string | null;
  code: string | null;
  outcome: ImportOutcome;
  reason: Bilingual | null;
}

export interface ImportReport {
  dryRun: boolean;
  rows: ImportRowReport[];
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
}

const BATCH = 500;
const NO_OWNER: Owner = { agencyId: null, agencyPath: null };

interface Existing {
  procedure: Procedure;
  published: ProcedureVersion | null;
  hasDraft: boolean;
}

/** What a row would do, decided from the row and what exists. */
type Plan =
  | { outcome: ImportOutcome.REJECTED; reason: Bilingual }
  | { outcome: ImportOutcome.SKIPPED }
  | { outcome: ImportOutcome.CREATED | ImportOutcome.UPDATED; content: ProcedureContent; effectiveFrom: string };

async function loadExisting(em: EntityManager, codes: string[]): Promise<Map<string, Existing>> {
  const existing = new Map<string, Existing>();
  for (let i = 0; i < codes.length; i += BATCH) {
    const procedures = await em.find(Procedure, { code: { $in: codes.slice(i, i + BATCH) } });
    if (!procedures.length) continue;
    const versions = await em.find(ProcedureVersion, { procedure: { $in: procedures }, status: { $in: [VersionStatus.PUBLISHED, VersionStatus.DRAFT] } });
    for (const procedure of procedures) {
      const own = versions.filter((v) => v.procedure.id === procedure.id);
      const published = own.filter((v) => v.status === VersionStatus.PUBLISHED).sort((a, b) => b.number - a.number)[0] ?? null;
      existing.set(procedure.code, { procedure, published, hasDraft: own.some((v) => v.status === VersionStatus.DRAFT) });
    }
  }
  return existing;
}

const reject = (vi: string, en: string): Plan => ({ outcome: ImportOutcome.REJECTED, reason: { vi, en } });

/** An Excel row of a part sheet whose procedure is missing (it carries its own problem). */
const isOrphanPart = (row: ImportRow) => row.sheet !== null && row.sheet !== PROCEDURE_SHEET.name;

function planRow(row: ImportRow, code: string, existing: Existing | undefined, today: string): Plan {
  if (isOrphanPart(row)) return { outcome: ImportOutcome.REJECTED, reason: describeProblems(row.problems) };
  if (!PROCEDURE_CODE.test(code)) return reject(`mã thủ tục "${code}" không đúng dạng d.dddddd`, `the procedure code "${code}" is not of the form d.dddddd`);
  const { content, problems } = readContent(row.raw);
  const effectiveFrom = row.raw.effectiveFrom ?? null;
  if (effectiveFrom !== null && !isIsoDate(effectiveFrom)) problems.push({ path: 'effectiveFrom', vi: 'ngày phải có dạng YYYY-MM-DD', en: 'the date must be YYYY-MM-DD' });
  const all = [...row.problems, ...problems];
  if (all.length) return { outcome: ImportOutcome.REJECTED, reason: describeProblems(all) };
  const missing = missingParts(content);
  if (missing.length) return reject(`thiếu: ${missing.map((m) => m.vi).join('; ')}`, `missing: ${missing.map((m) => m.en).join('; ')}`);
  const start = (effectiveFrom as string | null) ?? existing?.published?.effectiveFrom ?? today;
  if (!existing) return { outcome: ImportOutcome.CREATED, content, effectiveFrom: start };
  if (existing.published && canonicalJson(existing.published.content) === canonicalJson(content) && existing.published.effectiveFrom === start) return { outcome: ImportOutcome.SKIPPED };
  if (existing.hasDraft) return reject('thủ tục đang có bản nháp; hãy công bố hoặc xoá bản nháp trước', 'the procedure has an open draft; publish or delete it first');
  if (existing.published?.effectiveFrom && start < existing.published.effectiveFrom) {
    return reject(`ngày có hiệu lực ${start} trước phiên bản đang công bố (${existing.published.effectiveFrom})`, `the start ${start} precedes the published version's (${existing.published.effectiveFrom})`);
  }
  return { outcome: ImportOutcome.UPDATED, content, effectiveFrom: start };
}

async function apply(em: EntityManager, code: string, plan: Extract<Plan, { content: ProcedureContent }>, existing: Existing | undefined, at: { actorId: string | null; now: Date }): Promise<void> {
  const fields = { status: VersionStatus.DRAFT, content: plan.content, owner: NO_OWNER, ...at };
  if (!existing) {
    newProcedure(em, code, { ...fields, status: VersionStatus.PUBLISHED, effectiveFrom: plan.effectiveFrom });
    return;
  }
  const version = newVersion(em, existing.procedure, fields);
  await publishVersion(em, version, { effectiveFrom: plan.effectiveFrom, actorId: at.actorId, now: at.now });
}

/**
 * Imports rows (from JSON or Excel) and reports each. Rows repeating an earlier row's code
 * are rejected. Authorisation is the caller's business.
 *
 * @example
 * const report = await importRows(em, rowsFromJson(text), { dryRun: true, actorId, now, today: '2026-11-26' });
 * report.rows.filter((r) => r.outcome === 'REJECTED'); // [{ rowNumber: 7, code: '1.0x', reason: { vi, en } }]
 */
export async function importRows(em: EntityManager, rows: ImportRow[], options: { dryRun: boolean; actorId: string | null; now: Date; today: string }): Promise<ImportReport> {
  const codeOf = (row: ImportRow) => String(row.raw.code ?? '').trim();
  const existing = await loadExisting(em, [...new Set(rows.map(codeOf).filter((code) => PROCEDURE_CODE.test(code)))]);
  const seen = new Map<string, number>();
  const reports: ImportRowReport[] = [];
  let pending = 0;
  for (const row of rows) {
    const code = codeOf(row);
    const earlier = isOrphanPart(row) ? undefined : seen.get(code);
    const plan = earlier !== undefined
      ? reject(`mã ${code} đã có ở dòng ${earlier}`, `code ${code} already appears on row ${earlier}`)
      : planRow(row, code, existing.get(code), options.today);
    if (code && earlier === undefined && !isOrphanPart(row)) seen.set(code, row.rowNumber);
    reports.push({ rowNumber: row.rowNumber, sheet: row.sheet, code: code || null, outcome: plan.outcome, reason: 'reason' in plan ? plan.reason : null });
    if (options.dryRun || !('content' in plan)) continue;
    await apply(em, code, plan, existing.get(code), options);
    if (++pending % BATCH === 0) await em.flush();
  }
  if (!options.dryRun) await em.flush();
  const count = (outcome: ImportOutcome) => reports.filter((r) => r.outcome === outcome).length;
  return {
    dryRun: options.dryRun, rows: reports, created: count(ImportOutcome.CREATED), updated: count(ImportOutcome.UPDATED),
    skipped: count(ImportOutcome.SKIPPED), rejected: count(ImportOutcome.REJECTED),
  };
}
