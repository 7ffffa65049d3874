import { AppError, asJson, readOne, type RequestContext, requirePrincipal } from '@motcua/kernel/contract';
import type { DossierFact } from '../facts/dossier-fact.js';
import { EvaluationFact } from '../facts/fact.entity.js';
import { AgencyPeriod } from '../index766/index.entity.js';
import { configVersion } from '../shared/config.service.js';
import { parsePeriod, quarterOf } from '../shared/period.js';
import { petitionCounts } from '../petitions/petition.service.js';
import { readableWhere } from '../scorecards/scorecard.service.js';
import { type AgencyPeriodFacts, dossierEvidence, type EvaluationSheet, scoreSheet } from './criteria.js';

/** A dossier's sheet with the versions and period it was judged by. */
export interface DossierSheet extends EvaluationSheet {
  dossierId: string;
  questionnaireVersion: number;
  /**
   * The agency period whose facts were stamped on criteria 5, 6, 8, 9 (the quarter the dossier was resolved, else received);
   * criterion 8 counts the agency's petitions handled in it when there are any.
   */
  period: string;
}

const DOSSIER = { vi: 'hồ sơ', en: 'Dossier' };

/**
 * The evaluation sheet of a dossier, computed from its facts by the questionnaire in force on
 * the day it was received; readable by whoever may read any of its facts (the officers who
 * handled it, their leaders, the supervisors).
 */
export async function readDossierSheet(ctx: RequestContext, dossierId: string): Promise<DossierSheet> {
  requirePrincipal(ctx);
  const rows = await ctx.em.createQueryBuilder(EvaluationFact, 'f').select(['f.fact', 'f.day', 'f.kind']).where({ dossierId })
    .orderBy({ occurredAt: 'asc', id: 'asc' }).execute<Array<{ fact: unknown; day: string; kind: string }>>('all', true);
  if (!rows.length) throw AppError.notFound(DOSSIER, dossierId);
  const where = readableWhere(ctx);
  const visible = where && (await ctx.em.count(EvaluationFact, { $and: [where as never, { dossierId }] }));
  if (!visible) throw AppError.forbidden('read', 'Scorecard');
  const facts = rows.map((row) => asJson<DossierFact>(row.fact));
  const receivedDay = rows.find((row) => row.kind === 'RECEIVED')?.day ?? rows[0].day;
  const period = quarterOf(rows.find((row) => row.kind === 'DONE')?.day ?? receivedDay);
  const questionnaire = await configVersion(ctx.em, 'QUESTIONNAIRE', { day: receivedDay });
  const agency = await readOne(ctx.em, AgencyPeriod, { agencyId: facts[0].agencyId, period });
  const petitions = await petitionCounts(ctx.em, facts[0].agencyId, parsePeriod(period));
  const sheet = scoreSheet(questionnaire.config, dossierEvidence(facts), agency ? asJson<AgencyPeriodFacts>(agency.facts) : null, petitions);
  return { ...sheet, dossierId, questionnaireVersion: questionnaire.number, period };
}
