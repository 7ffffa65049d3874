/**
 * The engine through the contract (as the dossiers module drives it) and GraphQL (as officers
 * act): a parallel split and its join, returns, supplements with resumption, SIGN, COMPLETE,
 * instances pinned to the version they started on, refusals, and the events it publishes.
 */
import { FixedClock } from '@motcua/kernel/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InstanceStatus, readInstance, resumeInstance, startInstance, StepAction } from '../src/contract.js';
import { type DemoApp, demoApp, inTransaction, JUSTICE, outboxEvents, publishedJusticeProcess, Q } from './engine-support.js';
import { expectOk, expectRefused } from './support.js';

describe('process engine', () => {
  let app: DemoApp;
  let processId: string;
  const clock = new FixedClock(new Date('2026-11-26T09:00:00+07:00'));
  let subjects = 0;

  beforeAll(async () => {
    app = await demoApp(clock);
    processId = await publishedJusticeProcess(app);
  });
  afterAll(() => app.t.close());

  const start = (id = processId) => inTransaction(app, (em) => startInstance(em, { processId: id, subjectType: 'Dossier', subjectId: `D-${++subjects}`, now: clock.now() }));
  const complete = async (username: string, task: { id: string; version: number }, action: string, extra: object = {}) =>
    expectOk(await app.t.gql(Q.complete, { input: { taskId: task.id, version: task.version, action, ...extra } }, { token: await app.token(username) }), `${username} ${action}`).completeTask;
  const codes = (tasks: Array<{ stepCode: string }>) => tasks.map((t) => t.stepCode).sort();

  it('runs a parallel split to its join, through signing to completion, publishing each event', async () => {
    const { instance, tasks } = await start();
    expect(codes(tasks)).toEqual(['THU_LY']);
    expect(tasks[0]).toMatchObject({ roleKey: 'HANDLING_OFFICER', unitId: app.agency(JUSTICE), assigneeId: null, processVersion: 1 });

    const split = await complete('chuyenvien', tasks[0], 'REQUEST_OPINION', { comment: 'Xin ý kiến' });
    expect(split.task).toMatchObject({ status: 'COMPLETED', action: 'REQUEST_OPINION', comment: 'Xin ý kiến', timeliness: 'EARLY', assigneeId: app.user('chuyenvien') });
    expect(codes(split.nextTasks)).toEqual(['Y_KIEN_PHONG', 'Y_KIEN_TP']);
    const branch = (code: string) => split.nextTasks.find((t: { stepCode: string }) => t.stepCode === code);

    const first = await complete('chuyenvien', branch('Y_KIEN_PHONG'), 'FORWARD');
    expect(first.nextTasks).toEqual([]); // the join waits for the other branch
    const second = await complete('truongphong', branch('Y_KIEN_TP'), 'FORWARD');
    expect(codes(second.nextTasks)).toEqual(['TONG_HOP']);

    const trinh = (await complete('chuyenvien', second.nextTasks[0], 'FORWARD')).nextTasks[0];
    const ky = (await complete('truongphong', trinh, 'FORWARD')).nextTasks[0];
    expect(ky.allowedActions).toEqual([{ action: 'SIGN', to: [] }, { action: 'COMPLETE', to: [] }, { action: 'RETURN', to: ['TRINH'] }]);
    const signed = await complete('giamdoc', ky, 'SIGN');
    expect(signed.task).toMatchObject({ status: 'OPEN', version: ky.version + 1, assigneeId: app.user('giamdoc') });
    const done = await complete('giamdoc', signed.task, 'COMPLETE');
    expect(done.instance).toEqual({ id: instance.id, status: 'COMPLETED' });

    const mine = <T extends { subjectId?: string; instanceId?: string }>(events: T[]) => events.filter((e) => (e.instanceId ?? '') === instance.id);
    // Events of one instant carry ids in no particular order: compare them sorted.
    expect(mine(await outboxEvents(app, 'workflow.StepEntered')).map((e) => e.stepCode).sort()).toEqual(['KY', 'THU_LY', 'TONG_HOP', 'TRINH', 'Y_KIEN_PHONG', 'Y_KIEN_TP']);
    expect(mine(await outboxEvents(app, 'workflow.StepCompleted')).map((e) => `${e.stepCode} ${e.action} ${e.timeliness}`).sort()).toEqual([
      'KY COMPLETE EARLY', 'THU_LY REQUEST_OPINION EARLY', 'TONG_HOP FORWARD EARLY', 'TRINH FORWARD EARLY', 'Y_KIEN_PHONG FORWARD EARLY', 'Y_KIEN_TP FORWARD EARLY',
    ]);
    expect(mine(await outboxEvents(app, 'workflow.SubjectActionRequired')).map((e) => e.kind).sort()).toEqual(['COMPLETED', 'SIGNED']);
    expect(mine(await outboxEvents(app, 'workflow.InstanceCompleted'))).toHaveLength(1);
  });

  it('returns to an earlier step, and the step times its new visit afresh', async () => {
    const { tasks } = await start();
    const split = await complete('chuyenvien', tasks[0], 'REQUEST_OPINION');
    await complete('chuyenvien', split.nextTasks[0], 'FORWARD');
    const join = (await complete(split.nextTasks[1].roleKey === 'UNIT_LEADER' ? 'truongphong' : 'chuyenvien', split.nextTasks[1], 'FORWARD')).nextTasks[0];
    app.setTime(clock, new Date('2026-11-26T15:30:00+07:00')); // the join's 4 working hours ran out at 15:00 (lunch 11:30–13:30)
    const back = await complete('chuyenvien', join, 'RETURN', { comment: 'Thiếu căn cứ' });
    expect(back.task).toMatchObject({ action: 'RETURN', timeliness: 'LATE' });
    expect(codes(back.nextTasks)).toEqual(['THU_LY']);
    expect(back.nextTasks[0].dueAt).toBe('2026-11-27T15:30:00+07:00'); // 8 working hours from 15:30 Thursday
    app.setTime(clock, new Date('2026-11-26T09:00:00+07:00'));
  });

  it('waits for a supplement and resumes where the request said', async () => {
    const { instance, tasks } = await start();
    const request = await complete('chuyenvien', tasks[0], 'REQUEST_SUPPLEMENT', { comment: 'Bổ sung bản chính' });
    expect(request.instance.status).toBe('WAITING');
    expect(request.nextTasks).toEqual([]);
    const [event] = (await outboxEvents(app, 'workflow.SubjectActionRequired')).filter((e) => e.instanceId === instance.id);
    expect(event).toMatchObject({ kind: 'SUPPLEMENT_REQUESTED', subjectType: 'Dossier', stepCode: 'THU_LY', comment: 'Bổ sung bản chính' });
    const resumed = await inTransaction(app, (em) => resumeInstance(em, { instanceId: instance.id, now: clock.now() }));
    expect(resumed.instance.status).toBe(InstanceStatus.RUNNING);
    expect(codes(resumed.tasks)).toEqual(['THU_LY']);
    const state = await inTransaction(app, (em) => readInstance(em, instance.id));
    expect(state.openTasks.map((t) => [t.stepCode, t.allowedActions.map((a) => a.action)])).toEqual([['THU_LY', [StepAction.REQUEST_OPINION, StepAction.REQUEST_SUPPLEMENT]]]);
  });

  it('keeps running instances on the version they started with after a new version is published', async () => {
    const id = await publishedJusticeProcess(app, 'PINNED');
    const old = await start(id);
    const token = await app.token('quantri');
    const { process } = expectOk(await app.t.gql(Q.process, { id }, { token }));
    const steps = process.steps.map((s: Record<string, any>) => ({ ...s, name: s.code === 'Y_KIEN_TP' ? 'Ý kiến lãnh đạo phòng (v2)' : s.name }));
    expectOk(await app.t.gql(Q.updateProcess, { input: { id, version: 1, steps } }, { token }));
    expectOk(await app.t.gql(Q.publishProcess, { input: { id, version: 2 } }, { token }));
    const fresh = await start(id);
    expect(fresh.tasks[0].processVersion).toBe(2);
    const oldSplit = await complete('chuyenvien', old.tasks[0], 'REQUEST_OPINION');
    const newSplit = await complete('chuyenvien', fresh.tasks[0], 'REQUEST_OPINION');
    const nameOf = (split: { nextTasks: Array<{ stepCode: string; stepName: string }> }) => split.nextTasks.find((t) => t.stepCode === 'Y_KIEN_TP')!.stepName;
    expect([nameOf(oldSplit), nameOf(newSplit)]).toEqual(['Ý kiến trưởng phòng', 'Ý kiến lãnh đạo phòng (v2)']);
  });

  it('refuses actions the step does not allow, officers without the role, stale versions and second instances', async () => {
    const { tasks } = await start();
    const task = tasks[0];
    const input = (action: string, extra: object = {}) => ({ input: { taskId: task.id, version: task.version, action, ...extra } });
    expectRefused(await app.t.gql(Q.complete, input('COMPLETE'), { token: await app.token('chuyenvien') }), 'INVALID_TRANSITION');
    expectRefused(await app.t.gql(Q.complete, input('REQUEST_OPINION'), { token: await app.token('vanthu') }), 'FORBIDDEN');
    expectRefused(await app.t.gql(Q.complete, input('REQUEST_OPINION')), 'UNAUTHENTICATED');
    expectRefused(await app.t.gql(Q.complete, { input: { ...input('REQUEST_OPINION').input, version: task.version + 1 } }, { token: await app.token('chuyenvien') }), 'CONFLICT');
    await expect(inTransaction(app, (em) => startInstance(em, { processId, subjectType: 'Dossier', subjectId: `D-${subjects}`, now: clock.now() }))).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
