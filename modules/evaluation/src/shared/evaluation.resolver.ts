import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { AppError, asDate, ensureCan, PageArgs, type RequestContext } from '@motcua/kernel/contract';
import { recomputeAggregates } from '../facts/recompute.js';
import { computeShadowIndex, publishPeriod, readShadowIndex, setAgencyPeriodFacts, type StoredIndex } from '../index766/index.service.js';
import { readDossierSheet } from '../questionnaire/sheet.service.js';
import { listScorecards, readScorecard, ScorecardKind, scorecardFacts, type FactRow } from '../scorecards/scorecard.service.js';
import { transparencyReport } from '../transparency/transparency.service.js';
import { appendConfigVersion, configVersion, type VersionOf } from './config.service.js';
import type { ConfigKind } from './config-version.entity.js';
import {
  AgencyPeriodFactsPayload, ComputeShadowIndexInput, ConfigVersionNode, ConfigVersionPayload, FactConnection, type FactNode, PublicationNode,
  PublicationPayload, PublishConfigInput, PublishPeriodInput, RecomputeAggregatesInput, RecomputePayload, ScorecardConnection, ScorecardNode,
  SetAgencyPeriodFactsInput, ShadowIndexNode, ShadowIndexPayload, SheetNode, TransparencyNode,
} from './evaluation.types.js';
import { Publication } from '../index766/index.entity.js';
import { dossierCodes } from '../ratings/rating.service.js';
import { auditEvaluation } from './audit.js';
import { parseDay } from './period.js';

function toVersionNode(version: VersionOf<ConfigKind>): ConfigVersionNode {
  return { number: version.number, effectiveFrom: version.effectiveFrom, change: version.change, createdAt: version.createdAt, configJson: JSON.stringify(version.config) };
}

function toIndexNode(index: StoredIndex): ShadowIndexNode {
  return { ...index, measures: Object.entries(index.measures).map(([name, value]) => ({ name, value })) };
}

function toFactNode(row: FactRow, codes: Map<string, string | null>): FactNode {
  const { fact, ...rest } = row;
  return {
    ...rest, timeliness: (fact.timeliness as string | undefined) ?? null, satisfaction: (fact.satisfaction as number | undefined) ?? null,
    reportedUnitId: String(fact.unitId), reportedOfficerId: (fact.officerId as string | null) ?? null, dossierCode: codes.get(row.dossierId) ?? null,
  };
}

function parseConfig(json: string): never {
  try {
    return JSON.parse(json) as never;
  } catch {
    throw AppError.badInput('configJson', { vi: 'cấu hình không phải JSON hợp lệ', en: 'the configuration is not valid JSON' });
  }
}

/** Evaluation: sheets, scorecards with drill-down, the 766 shadow index, configuration and public transparency. */
@Resolver()
export class EvaluationResolver {
  @Query(() => ScorecardNode, {
    description: 'One scorecard for a period (`2026`, `2026-Q3`, `2026-11`): officers read their own, unit leaders their unit, agency leaders their agency, the province office all. Example: `scorecard(kind: UNIT, id: $unitId, period: "2026-Q3") { figures { stepsLate composite compositeFormula } }`.',
  })
  scorecard(
    @Arg('kind', () => ScorecardKind) kind: ScorecardKind,
    @Arg('id', () => ID) id: string,
    @Arg('period') period: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ScorecardNode> {
    return readScorecard(ctx, kind, id, period);
  }

  @Query(() => ScorecardConnection, { description: 'Every scorecard of a kind the caller may read for a period, optionally inside one agency, best composite first.' })
  scorecards(
    @Arg('kind', () => ScorecardKind) kind: ScorecardKind,
    @Arg('period') period: string,
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return listScorecards(ctx, kind, period, agencyId, page);
  }

  @Query(() => FactConnection, { description: 'The dossier facts behind a scorecard, newest first, optionally of some kinds and one timeliness (e.g. `factKinds: ["STEP_COMPLETED"], timeliness: "LATE"` for the late steps): the drill-down from a number to its dossiers.' })
  async scorecardFacts(
    @Arg('kind', () => ScorecardKind) kind: ScorecardKind,
    @Arg('id', () => ID) id: string,
    @Arg('period') period: string,
    @Arg('factKinds', () => [String], { nullable: true }) factKinds: string[] | undefined,
    @Arg('timeliness', () => String, { nullable: true, description: 'Only facts of this timeliness (EARLY, ON_TIME, LATE), e.g. the late steps.' }) timeliness: string | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const connection = await scorecardFacts(ctx, kind, id, period, factKinds, page, timeliness);
    const codes = await dossierCodes(ctx.em, connection.nodes.map((row) => row.dossierId));
    const nodes = connection.nodes.map((row) => toFactNode(row, codes));
    return { ...connection, nodes, edges: connection.edges.map((edge, i) => ({ ...edge, node: nodes[i] })) };
  }

  @Query(() => SheetNode, { description: "A dossier's evaluation sheet (nine criteria by default, total and band), computed from its facts; readable by whoever may read any of its facts." })
  evaluationSheet(@Arg('dossierId', () => ID) dossierId: string, @Ctx() ctx: RequestContext): Promise<SheetNode> {
    return readDossierSheet(ctx, dossierId);
  }

  @Query(() => ConfigVersionNode, { description: 'The questionnaire in force on a day (default: the latest), or a given version. Public. Example: `evaluationQuestionnaire { number configJson }`.' })
  async evaluationQuestionnaire(
    @Arg('day', () => String, { nullable: true }) day: string | undefined,
    @Arg('version', () => Int, { nullable: true }) version: number | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ConfigVersionNode> {
    return toVersionNode(await configVersion(ctx.em, 'QUESTIONNAIRE', { day: day && parseDay('day', day), number: version ?? undefined }));
  }

  @Query(() => ConfigVersionNode, { description: 'The Decision 766 shadow formula table in force on a day (default: the latest), or a given version. Public.' })
  async indexFormulaTable(
    @Arg('day', () => String, { nullable: true }) day: string | undefined,
    @Arg('version', () => Int, { nullable: true }) version: number | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ConfigVersionNode> {
    return toVersionNode(await configVersion(ctx.em, 'INDEX_766', { day: day && parseDay('day', day), number: version ?? undefined }));
  }

  @Query(() => ShadowIndexNode, { nullable: true, description: "An agency's stored shadow 766 index for a period (null if never computed): public once the period is published, else for readers of the agency's scorecards." })
  async shadowIndex(@Arg('agencyId', () => ID) agencyId: string, @Arg('period') period: string, @Ctx() ctx: RequestContext): Promise<ShadowIndexNode | null> {
    const index = await readShadowIndex(ctx, agencyId, period);
    return index && toIndexNode(index);
  }

  @Query(() => TransparencyNode, { description: 'Public, no sign-in: agency rankings, on-time rates and satisfaction of a published period, optionally for one procedure. Example: `transparency(period: "2026-Q3") { agencies { rank agencyId onTimeRate averageSatisfaction } }`.' })
  transparency(
    @Arg('period') period: string,
    @Arg('procedureId', () => ID, { nullable: true }) procedureId: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<TransparencyNode> {
    return transparencyReport(ctx, period, procedureId);
  }

  @Query(() => [PublicationNode], { description: 'Published periods, newest first. Public.' })
  async publishedEvaluationPeriods(@Ctx() ctx: RequestContext): Promise<PublicationNode[]> {
    const rows = await ctx.em.createQueryBuilder(Publication, 'p').select(['p.period', 'p.publishedAt']).orderBy({ period: 'desc' })
      .execute<Array<{ period: string; publishedAt: unknown }>>('all', true);
    return rows.map((row) => ({ period: row.period, publishedAt: asDate(row.publishedAt) }));
  }

  @Mutation(() => ShadowIndexPayload, { description: 'Computes and stores the shadow 766 index of an agency for a period (`evaluation.manage` over the agency); supplied measures complete the ones derived from dossier facts.' })
  async computeShadowIndex(@Arg('input') input: ComputeShadowIndexInput, @Ctx() ctx: RequestContext): Promise<ShadowIndexPayload> {
    const measures = Object.fromEntries(input.measures.map((m) => [m.name, m.value]));
    return { index: toIndexNode(await computeShadowIndex(ctx, input.agencyId, input.period, measures)) };
  }

  @Mutation(() => AgencyPeriodFactsPayload, { description: "Sets an agency's facts for a period, read by criteria 5, 6, 8 and 9 of every sheet of that period (`evaluation.manage` over the agency)." })
  async setAgencyPeriodFacts(@Arg('input') input: SetAgencyPeriodFactsInput, @Ctx() ctx: RequestContext): Promise<AgencyPeriodFactsPayload> {
    return { facts: await setAgencyPeriodFacts(ctx, input.agencyId, input.period, { ...input.facts }) };
  }

  @Mutation(() => PublicationPayload, { description: "Publishes a period's agency-level results to the public transparency query (`evaluation.publish`)." })
  async publishEvaluationPeriod(@Arg('input') input: PublishPeriodInput, @Ctx() ctx: RequestContext): Promise<PublicationPayload> {
    return { publication: await publishPeriod(ctx, input.period) };
  }

  @Mutation(() => ConfigVersionPayload, { description: 'Publishes a new questionnaire version (criteria, points, satisfaction questions, bands, parameters) without code (`evaluation.configure`, global).' })
  async publishQuestionnaire(@Arg('input') input: PublishConfigInput, @Ctx() ctx: RequestContext): Promise<ConfigVersionPayload> {
    return { version: toVersionNode(await this.appendVersion(ctx, 'QUESTIONNAIRE', input)) };
  }

  @Mutation(() => ConfigVersionPayload, { description: 'Publishes a new 766 formula table version (indicators, formulas, thresholds, maxima, zero-denominator rules, bands) without code (`evaluation.configure`, global).' })
  async publishIndexFormulaTable(@Arg('input') input: PublishConfigInput, @Ctx() ctx: RequestContext): Promise<ConfigVersionPayload> {
    return { version: toVersionNode(await this.appendVersion(ctx, 'INDEX_766', input)) };
  }

  @Mutation(() => RecomputePayload, { description: 'Rebuilds the daily aggregates of a day range (default: all) from the kept dossier facts (`evaluation.configure`, global).' })
  async recomputeEvaluationAggregates(@Arg('input') input: RecomputeAggregatesInput, @Ctx() ctx: RequestContext): Promise<RecomputePayload> {
    ensureCan(ctx, 'manage', 'EvaluationConfig');
    const range = { fromDay: input.fromDay && parseDay('fromDay', input.fromDay), toDay: input.toDay && parseDay('toDay', input.toDay) };
    const facts = await recomputeAggregates(ctx.em, range, ctx.clock.now());
    await auditEvaluation(ctx, 'aggregates.recompute', 'DailyAggregate', null, { ...range, facts });
    return { facts };
  }

  private async appendVersion(ctx: RequestContext, kind: ConfigKind, input: PublishConfigInput) {
    ensureCan(ctx, 'manage', 'EvaluationConfig');
    const version = await appendConfigVersion(ctx.em, kind, {
      config: parseConfig(input.configJson), effectiveFrom: parseDay('effectiveFrom', input.effectiveFrom), change: input.change,
      actorId: ctx.principal!.userId, now: ctx.clock.now(),
    });
    await auditEvaluation(ctx, 'config.publish', 'EvaluationConfig', null, { kind, number: version.number, effectiveFrom: version.effectiveFrom, change: version.change });
    return version;
  }
}
