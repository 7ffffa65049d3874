/**
 * Escalation through the kernel's job runner on a fixed clock: due soon at the configured
 * share of the step quota, overdue at the due instant, escalated to the unit leader after the
 * grace, each once, all of them when several thresholds passed between sweeps; closed tasks never.
 */
import { FixedClock } from '@motcua/kernel/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInstance } from '../src/contract.js';
import { type DemoApp, demoApp, inTransaction, JUSTICE, JUSTICE_UNIT, justiceProcess, outboxEvents, publishedJusticeProcess, Q } from './engine-support.js';
import { expectOk } from './support.js';

const at = (wall: string) => new Date(`${wall}+07:00`);

describe('escalation job', () => {
  let app: DemoApp;
  let processId: string;
  const clock = new FixedClock(at('2026-11-26T09:00:00'));
  let subjects = 0;

  beforeAll(async () => {
    app = await demoApp(clock);
    processId = await publishedJusticeProcess(app);
    await app.t.app.jobs.ensureRecurring();
  });
  afterAll(() => app.t.close());

  const start = async (id = processId) => (await inTransaction(app, (em) => startInstance(em, { processId: id, subjectType: 'Dossier', subjectId: `E-${++subjects}`, now: clock.now() }))).tasks[0];
  const sweepAt = async (wall: string) => {
    app.setTime(clock, at(wall));
    await app.t.app.jobs.drain();
  };
  const fired = async (taskId: string) => {
    const types = ['workflow.TaskDueSoon', 'workflow.TaskOverdue', 'workflow.TaskEscalated'];
    const events = await Promise.all(types.map(async (type) => (await outboxEvents(app, type)).filter((e) => e.taskId === taskId).map(() => type.slice('workflow.Task'.length))));
    return events.flat();
  };
  const escalated = async (username: string) => expectOk(await app.t.gql(Q.inbox, { view: 'ESCALATED', first: 100 }, { token: await app.token(username) })).inbox.nodes.map((n: { id: string }) => n.id);

  it('fires due soon, overdue and escalated once each as the working clock passes each threshold', async () => {
    const task = await start(); // THU_LY, 8 working hours: due Fri 09:00; due soon at 6 h (Thu 17:00); grace 8 h (Mon 09:00)
    await sweepAt('2026-11-26T16:59:00');
    expect(await fired(task.id)).toEqual([]);
    await sweepAt('2026-11-26T17:00:00');
    expect(await fired(task.id)).toEqual(['DueSoon']);
    await sweepAt('2026-11-27T08:59:00');
    expect(await fired(task.id)).toEqual(['DueSoon']);
    await sweepAt('2026-11-27T09:00:00');
    expect(await fired(task.id)).toEqual(['DueSoon', 'Overdue']);
    await sweepAt('2026-11-30T08:59:00');
    expect(await escalated('giamdoc')).not.toContain(task.id);
    await sweepAt('2026-11-30T09:00:00');
    expect(await fired(task.id)).toEqual(['DueSoon', 'Overdue', 'Escalated']);
    const [event] = (await outboxEvents(app, 'workflow.TaskEscalated')).filter((e) => e.taskId === task.id);
    expect(event).toMatchObject({ escalateToRoleKey: 'UNIT_LEADER', stepCode: 'THU_LY', dueAt: '2026-11-27T02:00:00.000Z' });
    expect(await escalated('giamdoc')).toContain(task.id); // agency leader: task.assign over the agency
    expect(await escalated('truongphong')).not.toContain(task.id); // unit leader of another unit than the task's
    await sweepAt('2026-12-10T09:00:00');
    expect(await fired(task.id)).toEqual(['DueSoon', 'Overdue', 'Escalated']);
  });

  it('fires every threshold passed while nobody swept, and nothing for closed tasks', async () => {
    app.setTime(clock, at('2026-12-14T09:00:00'));
    const waiting = await start();
    const done = await start();
    expectOk(await app.t.gql(Q.complete, { input: { taskId: done.id, version: done.version, action: 'REQUEST_OPINION' } }, { token: await app.token('chuyenvien') }));
    await sweepAt('2026-12-24T09:00:00');
    expect(await fired(waiting.id)).toEqual(['DueSoon', 'Overdue', 'Escalated']);
    expect(await fired(done.id)).toEqual([]);
  });

  it("follows the process version's own settings: due soon at half the quota, escalated an hour after the due instant", async () => {
    app.setTime(clock, at('2026-12-28T09:00:00'));
    const token = await app.token('quantri');
    const input = { ...justiceProcess(app.agency(JUSTICE), app.agency(JUSTICE_UNIT), 'FAST'), escalation: { dueSoonShare: 0.5, graceMinutes: 60 } };
    const { id } = expectOk(await app.t.gql(Q.createProcess, { input }, { token })).createProcess.process;
    expectOk(await app.t.gql(Q.publishProcess, { input: { id, version: 1 } }, { token }));
    const task = await start(id); // 8 working hours: half is 4 h (Mon 15:00), due Tue 09:00, escalated Tue 10:00
    await sweepAt('2026-12-28T14:59:00');
    expect(await fired(task.id)).toEqual([]);
    await sweepAt('2026-12-28T15:00:00');
    expect(await fired(task.id)).toEqual(['DueSoon']);
    await sweepAt('2026-12-29T10:00:00');
    expect(await fired(task.id)).toEqual(['DueSoon', 'Overdue', 'Escalated']);
  });
});
