import DataLoader from 'dataloader';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AppError, asDate, PageArgs, type RequestContext } from '@motcua/kernel/contract';
import { ProcessVersion } from '../definitions/process.entity.js';
import { StepTransitionNode } from '../definitions/process.types.js';
import type { ProcessStep } from '../processes/definition.js';
import { explainSubjectClock } from '../clocks/subject-clock.store.js';
import { ZonedDateTime } from '../shared/date-time.scalar.js';
import { readInbox, toTaskNode } from './inbox.read.js';
import { ProcessInstance } from './instance.entity.js';
import { assignTask, claimTask, completeTask, visibleTask } from './task.service.js';
import { TaskStatus } from './task.entity.js';
import {
  AssignTaskInput, ClaimTaskInput, CompleteTaskInput, CompleteTaskPayload, InboxView, ProcessInstanceNode, TaskConnection, TaskNode, TaskPayload,
} from './task.types.js';

/** The steps of process versions, batched per request by `processId:version`. */
function stepsLoader(ctx: RequestContext): DataLoader<string, ProcessStep[]> {
  return ctx.loaders.get('workflow.processSteps', () => new DataLoader(async (keys: readonly string[]) => {
    const pairs = keys.map((key) => key.split(':'));
    const rows = await ctx.em.find(ProcessVersion, { $or: pairs.map(([process, number]) => ({ process, number: Number(number) })) }, { fields: ['process', 'number', 'steps'], disableIdentityMap: true });
    const byKey = new Map(rows.map((row) => [`${row.process.id}:${row.number}`, row.steps]));
    return keys.map((key) => byKey.get(key) ?? []);
  }));
}

function instanceNode(instance: ProcessInstance, timezone: string): ProcessInstanceNode {
  const zoned = (d: Date | null | undefined) => (d ? new ZonedDateTime(asDate(d), timezone) : null);
  return {
    id: instance.id, processId: instance.processId, processVersion: instance.processVersion, subjectType: instance.subjectType, subjectId: instance.subjectId,
    status: instance.status, startedAt: zoned(instance.startedAt)!, completedAt: zoned(instance.completedAt),
  };
}

/** Officer tasks: inboxes, claiming, assignment and completion with an action. */
@Resolver(() => TaskNode)
export class TaskResolver {
  @Query(() => TaskConnection, {
    description: 'My open tasks in one view (MINE, MY_ROLE, DUE_SOON, OVERDUE, ESCALATED), earliest due first. Example: `inbox(view: MINE, first: 20) { totalCount nodes { id version stepName dueAt escalation allowedActions { action to } } }`.',
  })
  inbox(@Arg('view', () => InboxView) view: InboxView, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    return readInbox(ctx, view, page);
  }

  @Query(() => TaskNode, { description: 'One task I can see (mine, open to my role, or in a unit where I assign work). Example: `task(id: $id) { stepName clockExplanation }`.' })
  async task(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<TaskNode> {
    return toTaskNode(await visibleTask(ctx, id));
  }

  @FieldResolver(() => [StepTransitionNode], { description: 'What can be done now: the step actions and their targets (empty once closed).' })
  async allowedActions(@Root() task: TaskNode, @Ctx() ctx: RequestContext): Promise<StepTransitionNode[]> {
    if (task.status !== TaskStatus.OPEN) return [];
    const steps = await stepsLoader(ctx).load(`${task.processId}:${task.processVersion}`);
    const step = steps.find((s) => s.code === task.stepCode);
    return (step?.transitions ?? []).map((t) => ({ action: t.action, to: t.to ?? [] }));
  }

  @FieldResolver(() => ProcessInstanceNode, { description: 'The instance the task belongs to.' })
  async instance(@Root() task: TaskNode, @Ctx() ctx: RequestContext): Promise<ProcessInstanceNode> {
    const loader = ctx.loaders.get('workflow.instanceById', () => new DataLoader(async (ids: readonly string[]) => {
      const rows = await ctx.em.find(ProcessInstance, { id: { $in: [...ids] } }, { disableIdentityMap: true });
      return ids.map((id) => rows.find((row) => row.id === id)!);
    }));
    return instanceNode(await loader.load(task.instanceId), task.dueAt.timezone);
  }

  @FieldResolver(() => [String], { description: "The step clock explained line by line, in the request's language: quota, calendar, start, due, and the timeliness once completed." })
  async clockExplanation(@Root() task: TaskNode, @Ctx() ctx: RequestContext): Promise<string[]> {
    const key = { subjectType: task.subjectType, subjectId: task.subjectId, stepCode: task.stepCode };
    const lines = await explainSubjectClock(ctx.em, key).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return []; // a step with a zero quota keeps no clock
      throw error;
    });
    return lines.map((line) => line[ctx.lang]);
  }

  @Mutation(() => TaskPayload, { description: 'Takes an unassigned task of a role I hold in a unit that reaches it. CONFLICT if someone acted first.' })
  async claimTask(@Arg('input') input: ClaimTaskInput, @Ctx() ctx: RequestContext): Promise<TaskPayload> {
    return { task: toTaskNode(await claimTask(ctx, input)) };
  }

  @Mutation(() => TaskPayload, { description: 'Assigns or reassigns a task to a holder of its role (`task.assign` over the task unit; unit and agency leaders). CONFLICT if someone acted first.' })
  async assignTask(@Arg('input') input: AssignTaskInput, @Ctx() ctx: RequestContext): Promise<TaskPayload> {
    return { task: toTaskNode(await assignTask(ctx, input)) };
  }

  @Mutation(() => CompleteTaskPayload, {
    description: 'Completes a task with one of its allowed actions and a comment, and moves the instance on (FORWARD to the chosen step, all branches at a parallel split, RETURN, REQUEST_SUPPLEMENT, PROPOSE_REFUSAL, REQUEST_OPINION, SIGN, COMPLETE). Of two officers completing at once one succeeds, the other gets CONFLICT.',
  })
  async completeTask(@Arg('input') input: CompleteTaskInput, @Ctx() ctx: RequestContext): Promise<CompleteTaskPayload> {
    const { task, instance, entered } = await completeTask(ctx, input);
    return { task: toTaskNode(task), instance: instanceNode(instance, task.timezone), nextTasks: entered.map(toTaskNode) };
  }
}
