import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type RequestContext } from '@motcua/kernel/contract';
import { listProcesses, toProcessNode, versionOrFail } from './process.read.js';
import { createProcess, problemsOf, processOrFailFor, publishProcess, updateProcess } from './process.service.js';
import { simulate } from './process.simulation.js';
import {
  CreateProcessInput, ProcessConnection, ProcessFilter, ProcessNode, ProcessPayload, ProcessProblemNode, ProcessVersionInfoNode, PublishProcessInput,
  SimulateProcessInput, SimulationReportNode, UpdateProcessInput,
} from './process.types.js';
import { ProcessVersion } from './process.entity.js';
import { ZonedDateTime } from '../shared/date-time.scalar.js';

/** Process definitions: designed, simulated and published by agency administrators (`process.manage`). */
@Resolver(() => ProcessNode)
export class ProcessResolver {
  @Query(() => ProcessConnection, {
    description: 'Processes the caller manages (`process.manage`), at their latest version, by code. Example: `processes(filter: { agencyId }) { nodes { id code name version status } }`.',
  })
  processes(@Args() page: PageArgs, @Arg('filter', () => ProcessFilter, { nullable: true }) filter: ProcessFilter | undefined, @Ctx() ctx: RequestContext) {
    return listProcesses(ctx, page, filter);
  }

  @Query(() => ProcessNode, { description: 'One process at its latest version or at `version`. Example: `process(id: $id, version: 2) { steps { code transitions { action to } } problems { code stepCode message } }`.' })
  async process(@Arg('id', () => ID) id: string, @Arg('version', () => Int, { nullable: true }) version: number | undefined, @Ctx() ctx: RequestContext): Promise<ProcessNode> {
    const process = await processOrFailFor(ctx, id);
    return toProcessNode(process, await versionOrFail(ctx.em, process, version));
  }

  @Query(() => SimulationReportNode, {
    description: 'Runs synthetic dossiers through a version (default the latest, drafts included) on a virtual clock over the process calendar: dead ends, on-time share, where time is lost, load per role. Writes nothing. Example: `simulateProcess(definitionId: $id, input: { dossiers: 200, arrivalsPerDay: 10, seed: 7 }) { onTimeShare timeLostAt }`.',
  })
  simulateProcess(
    @Arg('definitionId', () => ID) definitionId: string,
    @Arg('input', () => SimulateProcessInput) input: SimulateProcessInput,
    @Arg('version', () => Int, { nullable: true }) version: number | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<SimulationReportNode> {
    return simulate(ctx, definitionId, version, input);
  }

  @FieldResolver(() => [ProcessProblemNode], {
    description: 'What blocks publishing this version, every problem at once (unreachable steps, dead ends, roles no active staff member holds, quotas over the statutory limit). Empty when it can be published.',
  })
  async problems(@Root() node: ProcessNode, @Ctx() ctx: RequestContext): Promise<ProcessProblemNode[]> {
    const process = await processOrFailFor(ctx, node.id);
    const problems = await problemsOf(ctx.em, process, await versionOrFail(ctx.em, process, node.version));
    return problems.map((p) => ({ code: p.code, stepCode: p.stepCode, message: p.message.vi, messageEn: p.message.en, details: p.details ? JSON.stringify(p.details) : null }));
  }

  @FieldResolver(() => [ProcessVersionInfoNode], { description: 'Every version, newest first.' })
  async versions(@Root() node: ProcessNode, @Ctx() ctx: RequestContext): Promise<ProcessVersionInfoNode[]> {
    const rows = await ctx.em.find(ProcessVersion, { process: node.id }, { orderBy: { number: 'desc' }, fields: ['number', 'status', 'createdAt', 'publishedAt'] });
    const zoned = (d: Date) => new ZonedDateTime(d, 'Asia/Ho_Chi_Minh');
    return rows.map((v) => ({ number: v.number, status: v.status, createdAt: zoned(v.createdAt), publishedAt: v.publishedAt ? zoned(v.publishedAt) : null }));
  }

  @Mutation(() => ProcessPayload, { description: 'Creates a process as draft version 1 for an agency the caller manages (`process.manage`). The draft may be incomplete; `problems` says what blocks publishing.' })
  async createProcess(@Arg('input') input: CreateProcessInput, @Ctx() ctx: RequestContext): Promise<ProcessPayload> {
    return { process: await createProcess(ctx, input) };
  }

  @Mutation(() => ProcessPayload, { description: 'Edits the draft; editing a published process starts a new draft version (running instances stay on theirs). STALE_VERSION if `version` is not the latest.' })
  async updateProcess(@Arg('input') input: UpdateProcessInput, @Ctx() ctx: RequestContext): Promise<ProcessPayload> {
    return { process: await updateProcess(ctx, input) };
  }

  @Mutation(() => ProcessPayload, {
    description: 'Publishes the draft after validation; refused with PROCESS_INVALID and `extensions.details.problems` (every problem at once: code, stepCode, message { vi en }, details) when anything blocks it. New instances start on it; running ones keep their version.',
  })
  async publishProcess(@Arg('input') input: PublishProcessInput, @Ctx() ctx: RequestContext): Promise<ProcessPayload> {
    return { process: await publishProcess(ctx, input) };
  }
}
