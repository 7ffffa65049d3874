import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Channel as CatalogChannel } from '@motcua/catalog/contract';
import { PageArgs, type RequestContext } from '@motcua/kernel/contract';
import { DateTimeScalar } from '@motcua/workflow/contract';
import type { Dossier } from '../dossier/dossier.entity.js';
import { DossierAction } from '../lifecycle/actions.js';
import {
  ApologyInput, ApproveResultInput, AttachDocumentInput, CreateDossierInput, DossierApologyNode, DossierComponentNode, DossierConnection,
  DossierDocumentNode, DossierFilter, DossierFormNode, DossierIdInput, DossierNode, DossierResultNode, DossierSignatureNode, DossierStepInput,
  DossierSupplementNode, DossierTimelineEntryNode, DossierTrackingNode, MissingItemsInput, ReasonsInput, ReceiveDossierInput, ReturnResultInput,
  UpdateDossierDraftInput, GeneratedFileNode,
} from './dossier.types.js';
import { catalogChannelOf, dossierView, rawOf, zoned } from './dossier.view.js';
import * as intake from './intake.service.js';
import * as processing from './processing.service.js';
import { DossierOrder, listDossiers, readDossier, trackDossier } from './dossier.read.js';
import { dossierControlSheet, dossierForm, RegisterFormat, trackingBook } from './registers.js';

/**
 * The dossier lifecycle over GraphQL: one mutation per domain action, each in the mutation's
 * transaction, each refusing an action the lifecycle does not allow now with
 * `INVALID_TRANSITION` (`details.allowed` lists what is possible).
 */
@Resolver(() => DossierNode)
export class DossierResolver {
  @Query(() => DossierConnection, {
    description: 'Dossiers the caller may read, with filters, newest first or soonest due first. Example: `dossiers(filter: { search: "nguyen thi", nationalStatuses: [4] }, order: DUE_SOONEST) { nodes { code applicantName dueAt } }`.',
  })
  async dossiers(
    @Args() page: PageArgs, @Arg('filter', () => DossierFilter, { nullable: true }) filter: DossierFilter | undefined,
    @Arg('order', () => DossierOrder, { defaultValue: DossierOrder.NEWEST_FIRST }) order: DossierOrder, @Ctx() ctx: RequestContext,
  ) {
    const page_ = await listDossiers(ctx, page, filter ?? {}, order);
    return { ...page_, nodes: page_.nodes.map(zoned), edges: page_.edges.map((e) => ({ ...e, node: zoned(e.node) })) };
  }

  @Query(() => DossierNode, { description: 'One dossier by id or by code (e.g. `000.01.02.H56-261126-0001`). Example: `dossier(code: "…") { state dueAt allowedActions timeline { at content } }`.' })
  async dossier(@Arg('id', () => ID, { nullable: true }) id: string | undefined, @Arg('code', () => String, { nullable: true }) code: string | undefined, @Ctx() ctx: RequestContext): Promise<Dossier> {
    return zoned(await readDossier(ctx, { id, code }));
  }

  @Query(() => GeneratedFileNode, { description: 'Mẫu 06, the processing control sheet of a received dossier the caller may read (PDF; early/on-time/late per hand-over). Example: `dossierControlSheet(id: "…") { fileName contentBase64 }`.' })
  async dossierControlSheet(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<GeneratedFileNode> {
    return dossierControlSheet(ctx, id);
  }

  @Query(() => GeneratedFileNode, { description: 'A form issued for a dossier the caller may read (e.g. Mẫu 01, the receipt and appointment slip), as stored when issued; `sha256` is one of `dossier.forms`. Example: `dossierForm(id: "…", sha256: "…") { fileName contentBase64 }`.' })
  async dossierForm(@Arg('id', () => ID) id: string, @Arg('sha256', () => String) sha256: string, @Ctx() ctx: RequestContext): Promise<GeneratedFileNode> {
    return dossierForm(ctx, id, sha256);
  }

  @Query(() => GeneratedFileNode, {
    description: 'Mẫu 07, the tracking book of dossiers a unit received in [from, to) that the caller may read, as PDF or Excel. Example: `trackingBook(unitId: "…", from: "2026-03-01T00:00:00+07:00", to: "2026-04-01T00:00:00+07:00", format: XLSX) { fileName contentBase64 }`.',
  })
  async trackingBook(
    @Arg('unitId', () => ID) unitId: string, @Arg('from', () => DateTimeScalar) from: Date, @Arg('to', () => DateTimeScalar) to: Date,
    @Arg('format', () => RegisterFormat, { defaultValue: RegisterFormat.PDF }) format: RegisterFormat, @Ctx() ctx: RequestContext,
  ): Promise<GeneratedFileNode> {
    return trackingBook(ctx, { unitId, from, to, format });
  }

  @Query(() => DossierTrackingNode, {
    description: 'Public tracking by code and the secret printed on the receipt slip: status, timeline and expected return date, no personal data. Rate-limited per client. Example: `trackDossier(code: "…", secret: "…") { statusLabel expectedReturnAt }`.',
  })
  async trackDossier(@Arg('code') code: string, @Arg('secret') secret: string, @Ctx() ctx: RequestContext) {
    const view = await trackDossier(ctx, code, secret);
    return zoned({ ...view, timeline: view.timeline.map(zoned) });
  }

  @Mutation(() => DossierNode, { description: 'A citizen starts an online draft for a procedure offered by an agency (T1). Example: `createDossierDraft(input: { procedure: "1.001193", agencyId, caseCode: "TH1", applicant: { name: "Nguyễn Thị Hoa" } }) { id state }`.' })
  async createDossierDraft(@Arg('input') input: CreateDossierInput, @Ctx() ctx: RequestContext): Promise<Dossier> {
    return zoned(await intake.createDraft(ctx, input));
  }

  @Mutation(() => DossierNode, { description: "Changes a draft's applicant, summary or e-form data; the data is validated against the case's schema (BAD_USER_INPUT lists errors per field)." })
  async updateDossierDraft(@Arg('input') input: UpdateDossierDraftInput, @Ctx() ctx: RequestContext): Promise<Dossier> {
    return zoned(await intake.updateDraft(ctx, input));
  }

  @Mutation(() => DossierDocumentNode, { description: 'Attaches a document for one component (base64, sniffed type, at most 10 MB, stored by SHA-256), to a draft by its owner or at the desk.' })
  async attachDossierDocument(@Arg('input') input: AttachDocumentInput, @Ctx() ctx: RequestContext) {
    return zoned(await intake.attachDocument(ctx, input));
  }

  @Mutation(() => DossierNode, { description: 'The applicant submits a draft (T2; national status 1); mandatory components must be present.' })
  async submitDossier(@Arg('input') input: DossierIdInput, @Ctx() ctx: RequestContext): Promise<Dossier> {
    return zoned(await intake.submit(ctx, input.id));
  }

  @Mutation(() => DossierNode, {
    description: 'Receives a dossier (T3 desk, T4 online): allocates the code, starts the clock with the offering limit and the process instance, renders Mẫu 01. Example: `receiveDossier(input: { id }) { code dueAt }`.',
  })
  async receiveDossier(@Arg('input') input: ReceiveDossierInput, @Ctx() ctx: RequestContext): Promise<Dossier> {
    return zoned(await intake.receive(ctx, input));
  }

  @Mutation(() => DossierNode, {
    description: "The competent agency's reception receives a boundary-free dossier lodged at another desk (T3b; national status stays 2): its clock starts now with the offering limit, its process starts, the due date is set. INVALID_TRANSITION for any other dossier. Example: `receiveAtCompetentAgency(input: { id }) { competentReceivedAt dueAt }`.",
  })
  async receiveAtCompetentAgency(@Arg('input') input: DossierIdInput, @Ctx() ctx: RequestContext): Promise<Dossier> {
    return zoned(await intake.receiveAtCompetentAgency(ctx, input.id));
  }

  @Mutation(() => DossierNode, { description: 'Asks the applicant to complete a dossier before receipt, listing everything missing at once (T5; Mẫu 02; the clock has not started).' })
  async requestCompletion(@Arg('input') input: MissingItemsInput, @Ctx() ctx: RequestContext): Promise<Dossier> {
    return zoned(await intake.requestCompletion(ctx, input));
  }

  @Mutation(() => DossierNode, { description: 'The applicant resubmits a dossier after a completion request (back to national status 1).' })
  async resubmitDossier(@Arg('input') input: DossierIdInput, @Ctx() ctx: RequestContext): Promise<Dossier> {
    return zoned(await intake.resubmit(ctx, input.id));
  }

  @Mutation(() => DossierNode, { description: 'Refuses a dossier at reception with reasons (T6; national status 3; Mẫu 03).' })
  async refuseAtReception(@Arg('input') input: ReasonsInput, @Ctx() ctx: RequestContext): Promise<Dossier> {
    return zoned(await intake.refuseAtReception(ctx, input));
  }

  @Mutation(() => DossierNode, { description: "The officer holding the dossier's task acts on it (workflow step: forward, hand over, return); the dossier moves to processing (4) on the first step." })
  async actOnDossierStep(@Arg('input') input: DossierStepInput, @Ctx() ctx: RequestContext): Promise<Dossier> {
    return zoned(await processing.actOnStep(ctx, input));
  }

  @Mutation(() => DossierNode, { description: 'Requests a supplement during processing, everything at once (T9; national 5; pauses the clock; a second request is flagged as counting late).' })
  async requestSupplement(@Arg('input') input: MissingItemsInput, @Ctx() ctx: RequestContext): Promise<Dossier> {
    return zoned(await processing.requestSupplement(ctx, input));
  }

  @Mutation(() => DossierNode, { description: 'The supplement arrived (T10; national 4; resumes the clock and the process at the step that asked).' })
  async receiveSupplement(@Arg('input') input: DossierIdInput, @Ctx() ctx: RequestContext): Promise<Dossier> {
    return zoned(await processing.receiveSupplement(ctx, input.id));
  }

  @Mutation(() => DossierNode, { description: 'The applicant must pay a fee or tax first (T12; national 6; pauses the clock per the lifecycle rules).' })
  async requireFinancialObligation(@Arg('input') input: DossierIdInput, @Ctx() ctx: RequestContext): Promise<Dossier> {
    return zoned(await processing.requirePayment(ctx, input.id));
  }

  @Mutation(() => DossierNode, { description: 'The financial obligation is paid or confirmed (T13; back to 4, or done if the result was already signed).' })
  async confirmFinancialObligation(@Arg('input') input: DossierIdInput, @Ctx() ctx: RequestContext): Promise<Dossier> {
    return zoned(await processing.confirmPayment(ctx, input.id));
  }

  @Mutation(() => DossierNode, { description: 'Stops (refuses) processing with reasons (T14; national 8; Mẫu 05; the clock stops, the process is cancelled).' })
  async refuseDossier(@Arg('input') input: ReasonsInput, @Ctx() ctx: RequestContext): Promise<Dossier> {
    return zoned(await processing.stop(ctx, input));
  }

  @Mutation(() => DossierNode, { description: "Withdraws a dossier at the applicant's request (T15; national 7), by its owner or at the desk." })
  async withdrawDossier(@Arg('input') input: DossierIdInput, @Ctx() ctx: RequestContext): Promise<Dossier> {
    return zoned(await processing.withdraw(ctx, input.id));
  }

  @Mutation(() => DossierNode, { description: 'Apologises and sets a new appointment (T16; Mẫu 04); by default once and before the due instant; the original due instant is kept.' })
  async issueApology(@Arg('input') input: ApologyInput, @Ctx() ctx: RequestContext): Promise<Dossier> {
    return zoned(await processing.issueApology(ctx, input));
  }

  @Mutation(() => DossierNode, { description: 'Approves the result at the end of the process and gives it its number and date (T17a–b); it then awaits the officer signature.' })
  async approveResult(@Arg('input') input: ApproveResultInput, @Ctx() ctx: RequestContext): Promise<Dossier> {
    return zoned(await processing.approveResult(ctx, input));
  }

  @Mutation(() => DossierNode, { description: 'Signs the result PDF: first as the officer (T17c), then for the agency (T17d → done, national 9; the clock stops and timeliness is judged).' })
  async signDossierResult(@Arg('input') input: DossierIdInput, @Ctx() ctx: RequestContext): Promise<Dossier> {
    return zoned(await processing.signResult(ctx, input.id));
  }

  @Mutation(() => DossierNode, { description: 'Returns the result to the applicant at the desk, by post or online, recording the recipient (T18; national 10).' })
  async returnResult(@Arg('input') input: ReturnResultInput, @Ctx() ctx: RequestContext): Promise<Dossier> {
    return zoned(await processing.returnResult(ctx, input));
  }

  @FieldResolver(() => CatalogChannel)
  channel(@Root() root: Dossier): CatalogChannel {
    const dossier = rawOf(root);
    return catalogChannelOf(dossier.channel);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the receiving unit where the dossier was lodged (`unitId`), e.g. a commune one-stop centre for a boundary-free dossier.' })
  receivedAtUnitName(@Root() root: Dossier, @Ctx() ctx: RequestContext) {
    const dossier = rawOf(root);
    return dossierView(ctx, dossier).receivedAtUnitName();
  }

  @FieldResolver(() => GraphQLJSONObject)
  formData(@Root() root: Dossier): Record<string, unknown> {
    const dossier = rawOf(root);
    return dossier.formData ?? {};
  }

  @FieldResolver(() => [DossierDocumentNode], { description: 'Documents, by component.' })
  documents(@Root() root: Dossier, @Ctx() ctx: RequestContext) {
    const dossier = rawOf(root);
    return dossierView(ctx, dossier).documents();
  }

  @FieldResolver(() => [DossierComponentNode], { description: "The case's components, checked against the documents." })
  components(@Root() root: Dossier, @Ctx() ctx: RequestContext) {
    const dossier = rawOf(root);
    return dossierView(ctx, dossier).components();
  }

  @FieldResolver(() => [DossierTimelineEntryNode], { description: 'Process log, oldest first.' })
  timeline(@Root() root: Dossier, @Ctx() ctx: RequestContext) {
    const dossier = rawOf(root);
    return dossierView(ctx, dossier).timeline();
  }

  @FieldResolver(() => [String], { description: "The statutory clock's ledger, explained line by line." })
  ledgerExplanation(@Root() root: Dossier, @Ctx() ctx: RequestContext) {
    const dossier = rawOf(root);
    return dossierView(ctx, dossier).ledgerExplanation();
  }

  @FieldResolver(() => [DossierSupplementNode])
  supplements(@Root() root: Dossier) {
    const dossier = rawOf(root);
    return (dossier.supplements ?? []).map((s) => zoned({ ...s, requestedAt: new Date(s.requestedAt), receivedAt: s.receivedAt ? new Date(s.receivedAt) : null }));
  }

  @FieldResolver(() => [DossierApologyNode])
  apologies(@Root() root: Dossier) {
    const dossier = rawOf(root);
    return (dossier.apologies ?? []).map((a) => zoned({ ...a, issuedAt: new Date(a.issuedAt), previousDueAt: new Date(a.previousDueAt), newDueAt: new Date(a.newDueAt) }));
  }

  @FieldResolver(() => [DossierSignatureNode])
  signatures(@Root() root: Dossier) {
    const dossier = rawOf(root);
    return (dossier.signatures ?? []).map((s) => zoned({ ...s, signedAt: new Date(s.signedAt) }));
  }

  @FieldResolver(() => [DossierFormNode], { description: 'Generated forms (Mẫu 01–07), oldest first; download by SHA-256.' })
  forms(@Root() root: Dossier) {
    const dossier = rawOf(root);
    return (dossier.forms ?? []).map((f) => zoned({ ...f, createdAt: new Date(f.createdAt) }));
  }

  @FieldResolver(() => DossierResultNode)
  result(@Root() root: Dossier): DossierResultNode {
    const dossier = rawOf(root);
    return zoned({
      number: dossier.resultNumber ?? null, signedOn: dossier.resultSignedOn ?? null, documentSha256: dossier.resultSha256 ?? null,
      signatureCount: dossier.signatures?.length ?? 0, returnMethod: (dossier.returnMethod as DossierResultNode['returnMethod']) ?? null,
      returnRecipient: dossier.returnRecipient ?? null,
    });
  }

  @FieldResolver(() => [DossierAction], { description: 'Lifecycle actions possible now (the caller may still lack the permission).' })
  allowedActions(@Root() root: Dossier, @Ctx() ctx: RequestContext) {
    const dossier = rawOf(root);
    return dossierView(ctx, dossier).allowedActions();
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The open workflow task of the dossier, if any.' })
  openTaskId(@Root() root: Dossier, @Ctx() ctx: RequestContext) {
    const dossier = rawOf(root);
    return dossierView(ctx, dossier).openTaskId();
  }
}
