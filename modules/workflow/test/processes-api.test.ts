/**
 * Process definitions through GraphQL: drafts, validation reporting every problem at once
 * (roles checked against the agency's active staff), publishing, versions, simulation, and
 * `process.manage` as a matrix of roles × agencies × operations.
 */
import { FixedClock } from '@motcua/kernel/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSTRUCTION, type DemoApp, demoApp, JUSTICE, JUSTICE_UNIT, justiceProcess, Q } from './engine-support.js';
import { expectOk, expectRefused } from './support.js';

describe('process definitions', () => {
  let app: DemoApp;
  const clock = new FixedClock(new Date('2026-11-26T09:00:00+07:00'));

  beforeAll(async () => {
    app = await demoApp(clock);
  });
  afterAll(() => app.t.close());

  const as = async (username: string | null) => (username ? { token: await app.token(username) } : {});
  const create = async (input: object, username = 'quantri') => expectOk(await app.t.gql(Q.createProcess, { input }, await as(username)), 'createProcess').createProcess.process;

  it('creates a draft, reports every problem at once, refuses to publish it, then publishes the fixed version', async () => {
    const input = justiceProcess(app.agency(JUSTICE), app.agency(JUSTICE_UNIT), 'DRAFT-1');
    const broken = {
      ...input,
      steps: [
        ...input.steps.map((s) => (s.code === 'TRINH' ? { ...s, actor: { roleKey: 'NO_SUCH_ROLE' } } : s)),
        { code: 'MO_COI', name: 'Mồ côi', actor: { roleKey: 'HANDLING_OFFICER' }, quota: { value: 1, unit: 'WORKING_HOURS' }, transitions: [{ action: 'COMPLETE' }] },
      ],
    };
    const draft = await create(broken);
    expect(draft).toMatchObject({ code: 'DRAFT-1', version: 1, status: 'DRAFT', latestVersion: 1, publishedVersion: null });
    const { process } = expectOk(await app.t.gql(Q.process, { id: draft.id }, await as('quantri')));
    expect(process.problems.map((p: { code: string; stepCode: string }) => [p.code, p.stepCode])).toEqual([['UNASSIGNED_ROLE', 'TRINH'], ['UNREACHABLE_STEP', 'MO_COI']]);

    const refused = expectRefused(await app.t.gql(Q.publishProcess, { input: { id: draft.id, version: 1 } }, await as('quantri')), 'PROCESS_INVALID');
    expect(refused.extensions.details.problems.map((p: { code: string }) => p.code)).toEqual(['UNASSIGNED_ROLE', 'UNREACHABLE_STEP']);
    expect(refused.extensions.details.problems[0].message.vi).toMatch(/NO_SUCH_ROLE/);

    const fixed = expectOk(await app.t.gql(Q.updateProcess, { input: { id: draft.id, version: 1, steps: input.steps } }, await as('quantri'))).updateProcess.process;
    expect(fixed).toMatchObject({ version: 1, status: 'DRAFT' });
    const published = expectOk(await app.t.gql(Q.publishProcess, { input: { id: draft.id, version: 1 } }, await as('quantri'))).publishProcess.process;
    expect(published).toMatchObject({ version: 1, status: 'PUBLISHED', publishedVersion: 1 });

    const second = expectOk(await app.t.gql(Q.updateProcess, { input: { id: draft.id, version: 1, name: 'Chứng thực (v2)' } }, await as('quantri'))).updateProcess.process;
    expect(second).toMatchObject({ version: 2, status: 'DRAFT', latestVersion: 2, publishedVersion: 1, name: 'Chứng thực (v2)' });
    expectRefused(await app.t.gql(Q.updateProcess, { input: { id: draft.id, version: 1, name: 'stale' } }, await as('quantri')), 'STALE_VERSION');
    expectOk(await app.t.gql(Q.publishProcess, { input: { id: draft.id, version: 2 } }, await as('quantri')));
    const { process: latest } = expectOk(await app.t.gql(Q.process, { id: draft.id }, await as('quantri')));
    expect(latest.versions).toEqual([{ number: 2, status: 'PUBLISHED' }, { number: 1, status: 'RETIRED' }]);
    const { process: first } = expectOk(await app.t.gql(Q.process, { id: draft.id, version: 1 }, await as('quantri')));
    expect(first).toMatchObject({ name: 'Chứng thực bản sao', status: 'RETIRED' });
  });

  it('checks quotas against the statutory limit given at publishing', async () => {
    const draft = await create(justiceProcess(app.agency(JUSTICE), app.agency(JUSTICE_UNIT), 'QUOTA'));
    const refused = expectRefused(await app.t.gql(Q.publishProcess, { input: { id: draft.id, version: 1, statutoryLimit: { value: 2, unit: 'WORKING_DAYS' } } }, await as('quantri')), 'PROCESS_INVALID');
    expect(refused.extensions.details.problems).toEqual([expect.objectContaining({ code: 'QUOTA_EXCEEDS_STATUTORY' })]);
  });

  it('simulates a draft on the agency calendar with its real staff by default, the same for the same seed', async () => {
    const draft = await create(justiceProcess(app.agency(JUSTICE), app.agency(JUSTICE_UNIT), 'SIM'));
    const run = async () => expectOk(await app.t.gql(Q.simulate, { id: draft.id, input: { dossiers: 50, arrivalsPerDay: 4, seed: 3 } }, await as('quantri'))).simulateProcess;
    const report = await run();
    expect(report).toMatchObject({ dossiers: 50, deadEndCount: 0, completed: 50 });
    expect(report.roles.map((r: { roleHolderKey: string; staff: number }) => [r.roleHolderKey, r.staff])).toEqual(expect.arrayContaining([['HANDLING_OFFICER', 1], ['AGENCY_LEADER', 1]]));
    expect(report.explanation.length).toBeGreaterThan(0);
    expect(await run()).toEqual(report);
    const understaffed = expectOk(await app.t.gql(Q.simulate, {
      id: draft.id, input: { dossiers: 10, arrivalsPerDay: 4, seed: 3, staffPerRole: [{ roleHolderKey: 'AGENCY_LEADER', count: 0 }] },
    }, await as('quantri'))).simulateProcess;
    expect(understaffed.deadEndCount).toBe(10);
  });

  describe('authorization (process.manage, scoped by agency)', () => {
    let justiceDraft: { id: string };
    beforeAll(async () => {
      justiceDraft = await create(justiceProcess(app.agency(JUSTICE), app.agency(JUSTICE_UNIT), 'AUTHZ'));
    });

    it.each([
      ['quantri', JUSTICE, true],
      ['admin', CONSTRUCTION, true],
      ['quantri', CONSTRUCTION, false],
      ['chuyenvien', JUSTICE, false],
      ['giamdoc', JUSTICE, false],
    ])('%s creating a process for %s: allowed %s', async (username, agencyCode, allowed) => {
      const input = justiceProcess(app.agency(agencyCode), app.agency(JUSTICE_UNIT), `C-${username}-${agencyCode}`.slice(0, 50));
      const result = await app.t.gql(Q.createProcess, { input }, await as(username));
      if (allowed) expectOk(result);
      else expectRefused(result, 'FORBIDDEN');
    });

    it('refuses anonymous callers and hides processes of other agencies', async () => {
      expectRefused(await app.t.gql(Q.createProcess, { input: justiceProcess(app.agency(JUSTICE), app.agency(JUSTICE_UNIT), 'ANON') }), 'UNAUTHENTICATED');
      expectRefused(await app.t.gql(Q.process, { id: justiceDraft.id }), 'UNAUTHENTICATED');
      expectRefused(await app.t.gql(Q.process, { id: justiceDraft.id }, await as('chuyenvien')), 'FORBIDDEN');
      expectRefused(await app.t.gql(Q.publishProcess, { input: { id: justiceDraft.id, version: 1 } }, await as('giamdoc')), 'FORBIDDEN');
      expectRefused(await app.t.gql(Q.simulate, { id: justiceDraft.id, input: { dossiers: 1, arrivalsPerDay: 1, seed: 1 } }, await as('chuyenvien')), 'FORBIDDEN');
      const mine = expectOk(await app.t.gql(Q.processes, {}, await as('quantri'))).processes;
      expect(mine.nodes.map((p: { code: string }) => p.code)).toContain('AUTHZ');
      expect(mine.nodes.map((p: { code: string }) => p.code)).not.toContain(`C-admin-${CONSTRUCTION}`);
      expect(expectOk(await app.t.gql(Q.processes, {}, await as('chuyenvien'))).processes.totalCount).toBe(0);
      expect(expectOk(await app.t.gql(Q.processes, { filter: { status: 'DRAFT', search: 'authz' } }, await as('admin'))).processes.nodes.map((p: { code: string }) => p.code)).toEqual(['AUTHZ']);
    });
  });
});
