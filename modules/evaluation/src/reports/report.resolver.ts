import { Arg, Ctx, Field, ID, InputType, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import type { RequestContext } from '@motcua/kernel/contract';
import { ScorecardKind } from '../scorecards/scorecard.service.js';
import { EvaluationReport, exportReport } from './xlsx.js';

registerEnumType(EvaluationReport, {
  name: 'EvaluationReport',
  description: 'A standard evaluation report.',
  valuesConfig: { SCORECARDS: { description: 'Every readable scorecard of a kind for a period.' }, SHADOW_INDEX: { description: "One agency's Decision 766 shadow index table." } },
});

@InputType({ description: 'Which report, for which period (and kind, or agency).' })
export class EvaluationReportInput {
  @Field(() => EvaluationReport) report!: EvaluationReport;
  @Field({ description: '`2026`, `2026-Q3` or `2026-11`.' }) period!: string;
  @Field(() => ScorecardKind, { nullable: true, description: 'SCORECARDS: whose (default UNIT).' }) kind?: ScorecardKind | null;
  @Field(() => ID, { nullable: true, description: 'SHADOW_INDEX: the agency.' }) agencyId?: string | null;
}

@ObjectType('ExportedFile', { description: 'A generated file, base64-encoded.' })
export class ExportedFileNode {
  @Field() fileName!: string;
  @Field() contentBase64!: string;
}

/** Excel exports of the standard reports. */
@Resolver()
export class ReportResolver {
  @Query(() => ExportedFileNode, { description: 'A standard report as an Excel workbook (.xlsx, base64) over what the caller may read. Example: `evaluationReportXlsx(input: { report: SCORECARDS, period: "2026-Q4", kind: UNIT }) { fileName contentBase64 }`.' })
  evaluationReportXlsx(@Arg('input') input: EvaluationReportInput, @Ctx() ctx: RequestContext): Promise<ExportedFileNode> {
    return exportReport(ctx, input);
  }
}
