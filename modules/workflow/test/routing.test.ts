/**
 * Pure engine rules, table-driven and property-based: who a task reaches (the same rule
 * publishing counts role holders with) and where an action leads from a step.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { targetsFor } from '../src/engine/definition-run.js';
import { pathIds, reaches } from '../src/engine/routing.js';
import { StepAction, StepKind } from '../src/processes/definition.js';
import { REFERENCE } from './processes-fixtures.js';

const PROVINCE = '/p/';
const AGENCY = '/p/a/';
const UNIT = '/p/a/u/';
const SIBLING = '/p/a/s/';

describe('reaches: a role holding and the unit a task is routed to', () => {
  it.each([
    ['holder in the unit itself', UNIT, false, UNIT, true],
    ['holder in a unit below an agency-level task', UNIT, false, AGENCY, true],
    ['holder in a sibling unit of a unit task', SIBLING, false, UNIT, false],
    ['holder at the agency, task in one of its units, no subtree', AGENCY, false, UNIT, false],
    ['holder at the agency with its subtree, task in one of its units', AGENCY, true, UNIT, true],
    ['province-wide holder with subtree, agency task', PROVINCE, true, AGENCY, true],
    ['holder in another agency', '/p/b/', true, AGENCY, false],
  ])('%s', (_, unitPath, includeSubtree, taskPath, expected) => {
    expect(reaches({ unitPath, includeSubtree }, taskPath)).toBe(expected);
  });

  const path = fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 5 }).map((ids) => `/${ids.join('/')}/`);

  it('a subtree holding reaches every task the same holding without its subtree reaches', () => {
    fc.assert(fc.property(path, path, (holder, task) => !reaches({ unitPath: holder, includeSubtree: false }, task) || reaches({ unitPath: holder, includeSubtree: true }, task)));
  });

  it('a holding reaches tasks routed to its own unit and to every ancestor of it (the ids the role inbox filters on)', () => {
    fc.assert(fc.property(path, fc.boolean(), (holder, includeSubtree) => {
      const ids = pathIds(holder);
      return ids.every((_, i) => reaches({ unitPath: holder, includeSubtree }, `/${ids.slice(0, i + 1).join('/')}/`));
    }));
  });
});

describe('targetsFor: where an action leads', () => {
  const step = (code: string) => REFERENCE.steps.find((s) => s.code === code)!;
  const choice = { ...step('TONG_HOP'), kind: StepKind.TASK, transitions: [{ action: StepAction.FORWARD, to: ['KY', 'TIEP_NHAN'] }] };

  it.each([
    ['a parallel split asking opinions starts every branch', step('THAM_DINH'), StepAction.REQUEST_OPINION, [], ['Y_KIEN_THUE', 'Y_KIEN_DAT']],
    ['a single target needs no choice', step('TIEP_NHAN'), StepAction.FORWARD, [], ['THAM_DINH']],
    ['RETURN to its one earlier step', step('KY'), StepAction.RETURN, [], ['TONG_HOP']],
    ['COMPLETE leads nowhere', step('KY'), StepAction.COMPLETE, [], []],
    ['SIGN without a target leaves the step open', step('KY'), StepAction.SIGN, [], []],
    ['a supplement without a target resumes at the step', step('THAM_DINH'), StepAction.REQUEST_SUPPLEMENT, [], []],
    ['the chosen one of several targets', choice, StepAction.FORWARD, ['TIEP_NHAN'], ['TIEP_NHAN']],
  ])('%s', (_, from, action, chosen, expected) => {
    expect(targetsFor(from, action, chosen)).toEqual(expected);
  });

  it.each([
    ['an action the step does not offer', step('TIEP_NHAN'), StepAction.COMPLETE, [], 'INVALID_TRANSITION'],
    ['a target the action does not offer', step('TIEP_NHAN'), StepAction.FORWARD, ['KY'], 'INVALID_TRANSITION'],
    ['two targets where one is taken', choice, StepAction.FORWARD, ['KY', 'TIEP_NHAN'], 'INVALID_TRANSITION'],
    ['no choice among several targets', choice, StepAction.FORWARD, [], 'BAD_USER_INPUT'],
  ])('refuses %s', (_, from, action, chosen, code) => {
    expect(() => targetsFor(from, action, chosen)).toThrow(expect.objectContaining({ code }));
  });
});
