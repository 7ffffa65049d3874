import { type PageArgs as PageArgsType, PageArgs, type RequestContext } from '@motcua/kernel/contract';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { missingParts } from './completeness.js';
import { ImplementationLevel, OnlineMode } from './content.js';
import { localToday } from './dates.js';
import { diffContent } from './diff.js';
import { ProcedureVersion, VersionStatus } from './procedure.entity.js';
import { searchProcedures } from '../search/procedure-search.js';
import { canEditDraft, readProcedure, toVersionNode, versionInForce, versionLoader, versionsLoader, versionVisible } from './procedure.read.js';
import { createDraft, deleteDraft, publish, retire, setEnd, updateDraft } from './procedure.service.js';
import {
  CaseNode, ChannelNode, CreateProcedureDraftInput, DecisionNode, DeleteDraftPayload, LegalBasisNode, MissingPartNode, ProcedureConnection,
  ProcedureFilter, ProcedureNode, ProcedureSort, ProcedureVersionPayload, PublishProcedureVersionInput, ResultNode, RetireProcedureVersionInput,
  SectorNode, SetProcedureVersionEndInput, UpdateProcedureDraftInput, VersionChangeNode, VersionNode,
} from './procedure.types.js';
import { sectorOf, SECTORS } from './sectors.js';

/** The visible version rows of a procedure, newest first. */
async function visibleVersions(ctx: RequestContext, procedure: ProcedureNode): Promise<Record<string, any>[]> {
  return (await versionsLoader(ctx).load(procedure.id)).filter((row) => versionVisible(ctx, row));
}

/** The version written by a mutation, as its node. */
async function payload(ctx: RequestContext, version: ProcedureVersion): Promise<ProcedureVersionPayload> {
  const procedure = await version.procedure.loadOrFail();
  return { version: toVersionNode(version as unknown as Record<string, any>, procedure.code, ctx) };
}

/** Procedures: public search and reads; drafts, publishing and retiring by permission. */
@Resolver(() => ProcedureNode)
export class ProcedureResolver {
  @Query(() => ProcedureConnection, {
    description: 'Searches the procedure catalog: by code or name (diacritics and case ignored, ranked: exact code, name prefix, name contains), sector, agency, channel, online mode, level. Public for published procedures; drafts appear to their editors when `statuses` includes DRAFT. Example: `procedures(filter: { search: "giay phep lai xe" }, first: 10) { nodes { code name } totalCount }`.',
  })
  procedures(
    @Args() page: PageArgs,
    @Arg('filter', () => ProcedureFilter, { nullable: true }) filter: ProcedureFilter | undefined,
    @Arg('sort', () => ProcedureSort, { nullable: true }) sort: ProcedureSort | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return searchProcedures(ctx, page as PageArgsType, filter, sort);
  }

  @Query(() => ProcedureNode, {
    nullable: true,
    description: 'One procedure by id or national code; null when absent or a draft the caller may not edit. Public. Example: `procedure(code: "1.001193") { name current { channels { channel limit { value unit } } } }`.',
  })
  procedure(
    @Arg('id', () => ID, { nullable: true }) id: string | undefined,
    @Arg('code', () => String, { nullable: true }) code: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureNode | null> {
    return readProcedure(ctx, { id, code });
  }

  @Query(() => VersionNode, { nullable: true, description: 'One procedure version by id; null when absent or a draft the caller may not edit. Example: `procedureVersion(id: "…") { number status cases { code components { name } } }`.' })
  async procedureVersion(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<VersionNode | null> {
    const row = await versionLoader(ctx).load(id);
    if (!row || !versionVisible(ctx, row)) return null;
    const procedure = await readProcedure(ctx, { id: String(row.procedure) });
    return procedure ? toVersionNode(row, procedure.code, ctx) : null;
  }

  @Query(() => [VersionChangeNode], {
    description: 'What changed from version `a` to version `b` (any two visible versions, usually of one procedure), lists matched by identity. Example: `procedureVersionDiff(a: "…", b: "…") { path kind before after }`.',
  })
  async procedureVersionDiff(@Arg('a', () => ID) a: string, @Arg('b', () => ID) b: string, @Ctx() ctx: RequestContext): Promise<VersionChangeNode[]> {
    const [before, after] = await Promise.all([this.procedureVersion(a, ctx), this.procedureVersion(b, ctx)]);
    if (!before || !after) return [];
    return diffContent(before.content, after.content);
  }

  @Query(() => [SectorNode], { description: 'The sector code list (lĩnh vực). Public. Example: `procedureSectors { code name }`.' })
  procedureSectors(): SectorNode[] {
    return [...SECTORS];
  }

  @FieldResolver(() => SectorNode, { nullable: true, description: 'The sector of the listed version.' })
  sector(@Root() procedure: ProcedureNode): SectorNode | null {
    return sectorOf(procedure.sectorCode) ?? null;
  }

  @FieldResolver(() => VersionNode, { nullable: true, description: 'The published version in force today (Asia/Ho_Chi_Minh), or at `on` (`YYYY-MM-DD`).' })
  async current(@Root() procedure: ProcedureNode, @Arg('on', () => String, { nullable: true }) on: string | undefined, @Ctx() ctx: RequestContext): Promise<VersionNode | null> {
    const row = versionInForce(await versionsLoader(ctx).load(procedure.id), on ?? localToday(ctx.clock.now()));
    return row ? toVersionNode(row, procedure.code, ctx) : null;
  }

  @FieldResolver(() => VersionNode, { nullable: true, description: 'The listed version: newest published, else newest retired, else the draft (for its editors).' })
  async listed(@Root() procedure: ProcedureNode, @Ctx() ctx: RequestContext): Promise<VersionNode | null> {
    const row = (await visibleVersions(ctx, procedure)).find((version) => version.id === procedure.listedVersionId);
    return row ? toVersionNode(row, procedure.code, ctx) : null;
  }

  @FieldResolver(() => VersionNode, { nullable: true, description: 'The open draft, for callers who may edit it; else null.' })
  async draft(@Root() procedure: ProcedureNode, @Ctx() ctx: RequestContext): Promise<VersionNode | null> {
    const row = (await visibleVersions(ctx, procedure)).find((version) => version.status === VersionStatus.DRAFT);
    return row ? toVersionNode(row, procedure.code, ctx) : null;
  }

  @FieldResolver(() => [VersionNode], { description: 'Every version, newest first; drafts only for their editors.' })
  async versions(@Root() procedure: ProcedureNode, @Ctx() ctx: RequestContext): Promise<VersionNode[]> {
    return (await visibleVersions(ctx, procedure)).map((row) => toVersionNode(row, procedure.code, ctx));
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller may draft a new version of this procedure (for their agency or as catalog administrator).' })
  viewerCanDraft(@Ctx() ctx: RequestContext): boolean {
    return !!ctx.principal && ctx.ability.can('manage', 'ProcedureDraft');
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller may edit the open draft (owner agency within their scope).' })
  async viewerCanEditDraft(@Root() procedure: ProcedureNode, @Ctx() ctx: RequestContext): Promise<boolean> {
    const draft = (await versionsLoader(ctx).load(procedure.id)).find((row) => row.status === VersionStatus.DRAFT);
    return !!draft && canEditDraft(ctx, { ownerAgencyId: draft.ownerAgencyId ?? null, ownerAgencyPath: draft.ownerAgencyPath ?? null });
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller may publish, retire and end versions (catalog administrators).' })
  viewerCanPublish(@Ctx() ctx: RequestContext): boolean {
    return !!ctx.principal && ctx.ability.can('publish', 'Procedure');
  }

  @Mutation(() => ProcedureVersionPayload, {
    description: "Creates a draft: of a new procedure (`code` + `content`) or the next version of an existing one (`procedureId`, content copied from the newest version unless given). Needs `catalog.draft` over the owner agency (default the caller's) or `catalog.publish`.",
  })
  async createProcedureDraft(@Arg('input') input: CreateProcedureDraftInput, @Ctx() ctx: RequestContext): Promise<ProcedureVersionPayload> {
    return payload(ctx, await createDraft(ctx, input));
  }

  @Mutation(() => ProcedureVersionPayload, { description: "Replaces a draft's content; every problem is reported at once (`details.problems`). A published version refuses with INVALID_TRANSITION." })
  async updateProcedureDraft(@Arg('input') input: UpdateProcedureDraftInput, @Ctx() ctx: RequestContext): Promise<ProcedureVersionPayload> {
    return payload(ctx, await updateDraft(ctx, input));
  }

  @Mutation(() => DeleteDraftPayload, { description: 'Deletes a draft; a procedure left without versions is deleted too.' })
  deleteProcedureDraft(@Arg('versionId', () => ID) versionId: string, @Ctx() ctx: RequestContext): Promise<DeleteDraftPayload> {
    return deleteDraft(ctx, versionId);
  }

  @Mutation(() => ProcedureVersionPayload, {
    description: 'Publishes a draft from `effectiveFrom` (`catalog.publish`). Refused with INVALID_TRANSITION listing every missing mandatory part (`details.missing`) when incomplete. The previous published version ends that day.',
  })
  async publishProcedureVersion(@Arg('input') input: PublishProcedureVersionInput, @Ctx() ctx: RequestContext): Promise<ProcedureVersionPayload> {
    return payload(ctx, await publish(ctx, input));
  }

  @Mutation(() => ProcedureVersionPayload, { description: 'Retires a published version from `effectiveTo` (default today) (`catalog.publish`).' })
  async retireProcedureVersion(@Arg('input') input: RetireProcedureVersionInput, @Ctx() ctx: RequestContext): Promise<ProcedureVersionPayload> {
    return payload(ctx, await retire(ctx, input));
  }

  @Mutation(() => ProcedureVersionPayload, { description: "Sets or clears a published version's end of validity, the one change it accepts (`catalog.publish`)." })
  async setProcedureVersionEnd(@Arg('input') input: SetProcedureVersionEndInput, @Ctx() ctx: RequestContext): Promise<ProcedureVersionPayload> {
    return payload(ctx, await setEnd(ctx, input));
  }
}

/** The content fields of a version (stored as one JSON document). */
@Resolver(() => VersionNode)
export class VersionResolver {
  @FieldResolver(() => String) name(@Root() v: VersionNode): string { return v.content.name; }
  @FieldResolver(() => String) sectorCode(@Root() v: VersionNode): string { return v.content.sectorCode; }
  @FieldResolver(() => SectorNode, { nullable: true }) sector(@Root() v: VersionNode): SectorNode | null { return sectorOf(v.content.sectorCode) ?? null; }
  @FieldResolver(() => [ImplementationLevel], { description: 'Cấp thực hiện.' }) levels(@Root() v: VersionNode): ImplementationLevel[] { return v.content.levels; }
  @FieldResolver(() => OnlineMode) onlineMode(@Root() v: VersionNode): OnlineMode { return v.content.onlineMode; }
  @FieldResolver(() => Boolean, { description: 'Receivable regardless of administrative boundary (không phụ thuộc địa giới hành chính): any one-stop desk may receive it for the competent agency.' })
  boundaryFree(@Root() v: VersionNode): boolean { return v.content.boundaryFree ?? false; }
  @FieldResolver(() => [String], { description: 'Đối tượng thực hiện.' }) applicantTypes(@Root() v: VersionNode): string[] { return v.content.applicantTypes; }
  @FieldResolver(() => [String], { description: 'Cơ quan thực hiện, as published.' }) implementingAgencies(@Root() v: VersionNode): string[] { return v.content.implementingAgencies; }
  @FieldResolver(() => String, { description: 'Trình tự thực hiện.' }) steps(@Root() v: VersionNode): string { return v.content.steps; }
  @FieldResolver(() => String, { nullable: true, description: 'Yêu cầu, điều kiện thực hiện.' }) conditions(@Root() v: VersionNode): string | null { return v.content.conditions; }
  @FieldResolver(() => DecisionNode, { nullable: true }) publishingDecision(@Root() v: VersionNode): DecisionNode | null { return v.content.publishingDecision; }
  @FieldResolver(() => [LegalBasisNode]) legalBasis(@Root() v: VersionNode): LegalBasisNode[] { return v.content.legalBasis; }
  @FieldResolver(() => [ResultNode]) results(@Root() v: VersionNode): ResultNode[] { return v.content.results; }
  @FieldResolver(() => [ChannelNode]) channels(@Root() v: VersionNode): ChannelNode[] { return v.content.channels; }
  @FieldResolver(() => [CaseNode]) cases(@Root() v: VersionNode): CaseNode[] { return v.content.cases; }

  @FieldResolver(() => [MissingPartNode], { description: 'Mandatory parts still missing (empty when publishable), as the publish check reports them.' })
  missingParts(@Root() v: VersionNode): MissingPartNode[] {
    return missingParts(v.content);
  }
}
