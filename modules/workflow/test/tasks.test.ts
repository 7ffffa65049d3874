/**
 * Tasks through GraphQL: two officers completing one task at once (one success, one
 * CONFLICT, one event), inboxes sorted by due instant (mine, my role in my unit, due soon,
 * overdue), claiming, and assignment as a matrix of roles × units.
 */
import { FixedClock } from '@motcua/kernel/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import workflow from '@motcua/workflow';
import { startInstance } from '../src/contract.js';
import { type DemoApp, demoApp, inTransaction, JUSTICE_UNIT, outboxEvents, publishedJusticeProcess, Q } from './engine-support.js';
import { expectOk, expectRefused } from './support.js';

const MORNING = new Date('2026-11-26T09:00:00+07:00');

describe('tasks', () => {
  let app: DemoApp;
  let processId: string;
  const clock = new FixedClock(MORNING);
  let subjects = 0;

  beforeAll(async () => {
    app = await demoApp(clock);
    processId = await publishedJusticeProcess(app);
  });
  afterAll(() => app.t.close());

  const start = async () => (await inTransaction(app, (em) => startInstance(em, { processId, subjectType: 'Dossier', subjectId: `T-${++subjects}`, now: clock.now() }))).tasks[0];
  const gqlAs = async (username: string | null, query: string, variables: Record<string, unknown>) => app.t.gql(query, variables, username ? { token: await app.token(username) } : {});
  const inbox = async (username: string, view: string) => expectOk(await gqlAs(username, Q.inbox, { view, first: 100 }), `${username} ${view}`).inbox;
  const ids = (connection: { nodes: Array<{ id: string }> }) => connection.nodes.map((n) => n.id);

  it('the demo seed leaves three tasks of its published process in the handling officer role inbox, once', async () => {
    const demo = await inbox('chuyenvien', 'MY_ROLE');
    expect(demo.nodes.map((n: { stepCode: string; processVersion?: number }) => n.stepCode)).toEqual(['THU_LY', 'THU_LY', 'THU_LY']);
    const seed = () => app.t.app.orm.em.fork().transactional((em) => workflow.seed!({ em, clock, log: app.t.app.log, demo: true, permissions: [] }));
    const before = await app.t.count('workflow_process', 'workflow_task', 'kernel_outbox');
    await seed();
    expect(await app.t.count('workflow_process', 'workflow_task', 'kernel_outbox')).toEqual(before);
  });

  it('two officers completing one task at once: one succeeds, the other gets CONFLICT, one event is published', async () => {
    const task = await start();
    const before = await app.t.count('kernel_outbox', 'workflow_task');
    const input = { input: { taskId: task.id, version: task.version, action: 'REQUEST_OPINION', comment: 'cùng lúc' } };
    const token = await app.token('chuyenvien');
    const results = await Promise.all([app.t.gql(Q.complete, input, { token }), app.t.gql(Q.complete, input, { token })]);
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expectRefused(refused[0], 'CONFLICT');
    const completed = (await outboxEvents(app, 'workflow.StepCompleted')).filter((e) => e.taskId === task.id);
    expect(completed).toHaveLength(1);
    const after = await app.t.count('kernel_outbox', 'workflow_task');
    // One completion: StepCompleted + StepEntered for each of the two branches; two new tasks.
    expect({ outbox: after.kernel_outbox - before.kernel_outbox, tasks: after.workflow_task - before.workflow_task }).toEqual({ outbox: 3, tasks: 2 });
  });

  describe('inboxes', () => {
    it('lists unassigned tasks to holders of the role, mine once claimed, earliest due first', async () => {
      const early = await start();
      app.setTime(clock, new Date('2026-11-26T10:00:00+07:00'));
      const late = await start();
      const role = await inbox('chuyenvien', 'MY_ROLE');
      expect(ids(role).indexOf(early.id)).toBeLessThan(ids(role).indexOf(late.id));
      expect(role.nodes.map((n: { dueAt: string }) => n.dueAt)).toEqual([...role.nodes.map((n: { dueAt: string }) => n.dueAt)].sort());
      for (const other of ['truongphong', 'tiepnhan', 'vanthu']) expect(ids(await inbox(other, 'MY_ROLE'))).not.toContain(early.id);

      const claimed = expectOk(await gqlAs('chuyenvien', Q.claim, { input: { taskId: late.id, version: late.version } })).claimTask.task;
      expect(claimed).toMatchObject({ assigneeId: app.user('chuyenvien'), version: late.version + 1 });
      expect(ids(await inbox('chuyenvien', 'MINE'))).toEqual([late.id]);
      expect(ids(await inbox('chuyenvien', 'MY_ROLE'))).not.toContain(late.id);
      expectRefused(await gqlAs('chuyenvien', Q.claim, { input: { taskId: late.id, version: late.version } }), 'CONFLICT');
      expectRefused(await gqlAs('truongphong', Q.claim, { input: { taskId: early.id, version: early.version } }), 'FORBIDDEN');
      expectRefused(await gqlAs(null, Q.inbox, { view: 'MINE' }), 'UNAUTHENTICATED');
      const { task } = expectOk(await gqlAs('chuyenvien', Q.task, { id: late.id }));
      expect(task.clockExplanation[0]).toMatch(/8 giờ làm việc/);
      expectRefused(await gqlAs('vanthu', Q.task, { id: late.id }), 'NOT_FOUND');
    });

    it('shows tasks due soon and overdue as the clock moves on', async () => {
      app.setTime(clock, MORNING);
      const task = await start(); // 8 working hours: due Friday 09:00; due soon after 75 % = 6 working hours (Thursday 17:00)
      expect(task.dueAt).toBe(Date.parse('2026-11-27T09:00:00+07:00'));
      app.setTime(clock, new Date('2026-11-26T16:59:00+07:00'));
      expect(ids(await inbox('chuyenvien', 'DUE_SOON'))).not.toContain(task.id);
      app.setTime(clock, new Date('2026-11-26T17:00:00+07:00'));
      expect(ids(await inbox('chuyenvien', 'DUE_SOON'))).toContain(task.id);
      expect(ids(await inbox('chuyenvien', 'OVERDUE'))).not.toContain(task.id);
      app.setTime(clock, new Date('2026-11-27T09:00:00+07:00'));
      expect(ids(await inbox('chuyenvien', 'OVERDUE'))).toContain(task.id);
      expect(ids(await inbox('chuyenvien', 'DUE_SOON'))).not.toContain(task.id);
      app.setTime(clock, MORNING);
    });
  });

  describe('assignment (task.assign over the task unit)', () => {
    let agencyTask: { id: string; version: number };
    let unitTask: { id: string; version: number };

    beforeAll(async () => {
      agencyTask = await start();
      const split = expectOk(await gqlAs('chuyenvien', Q.complete, { input: { taskId: (await start()).id, version: 1, action: 'REQUEST_OPINION' } })).completeTask;
      unitTask = split.nextTasks.find((t: { stepCode: string }) => t.stepCode === 'Y_KIEN_PHONG');
      expect(unitTask).toMatchObject({ unitId: app.agency(JUSTICE_UNIT) });
    });

    const assign = async (username: string | null, task: { id: string }, assignee: string) => {
      const { task: current } = expectOk(await gqlAs('admin', Q.task, { id: task.id }));
      return gqlAs(username, Q.assign, { input: { taskId: task.id, version: current.version, assigneeId: app.user(assignee) } });
    };

    it.each([
      ['giamdoc', 'agency', 'chuyenvien', null],
      ['giamdoc', 'unit', 'chuyenvien', null],
      ['truongphong', 'unit', 'chuyenvien', null],
      ['truongphong', 'agency', 'chuyenvien', 'FORBIDDEN'],
      ['quantri', 'agency', 'chuyenvien', 'FORBIDDEN'],
      ['chuyenvien', 'unit', 'chuyenvien', 'FORBIDDEN'],
      ['giamdoc', 'agency', 'vanthu', 'BAD_USER_INPUT'],
      [null, 'agency', 'chuyenvien', 'UNAUTHENTICATED'],
    ])('%s assigning the %s task to %s → %s', async (username, which, assignee, refusal) => {
      const result = await assign(username, which === 'agency' ? agencyTask : unitTask, assignee);
      if (refusal) expectRefused(result, refusal);
      else expect(expectOk(result).assignTask.task.assigneeId).toBe(app.user(assignee));
    });
  });
});
