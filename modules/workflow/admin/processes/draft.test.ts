import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connect, disconnect, type DraftStep, edgesOf, layout, problemsByStep, removeStep, toDraft, toStepInput, upsertStep } from './draft';
import type { ProcessStep } from './queries';

const step = (code: string, next: string[] = [], extra: Partial<DraftStep> = {}): DraftStep => ({
  code, name: code, kind: 'TASK', roleKey: 'HANDLING_OFFICER', unitId: null, quota: { value: 1, unit: 'WORKING_DAYS' }, next, actions: [], targets: {}, ...extra,
});

/** The acceptance process: a split into two branches that join, then complete. */
const DIAMOND = [
  step('TIEP_NHAN', ['THAM_DINH', 'XAC_MINH'], { kind: 'PARALLEL_SPLIT' }),
  step('THAM_DINH', ['PHE_DUYET'], { actions: ['RETURN'], targets: { RETURN: ['TIEP_NHAN'] } }),
  step('XAC_MINH', ['PHE_DUYET']),
  step('PHE_DUYET', [], { kind: 'JOIN', actions: ['SIGN', 'COMPLETE'] }),
];

describe('draft steps ⇄ the API', () => {
  it('turns next steps and other actions into transitions, leaving out empty targets', () => {
    expect(toStepInput(DIAMOND[1]).transitions).toEqual([{ action: 'FORWARD', to: ['PHE_DUYET'] }, { action: 'RETURN', to: ['TIEP_NHAN'] }]);
    expect(toStepInput(DIAMOND[3]).transitions).toEqual([{ action: 'SIGN' }, { action: 'COMPLETE' }]);
    expect(toStepInput(step('A')).transitions).toEqual([]);
  });

  it('reads back what it wrote', () => {
    for (const draft of DIAMOND) {
      const input = toStepInput(draft);
      const fromApi: ProcessStep = { ...input, actor: { roleKey: input.actor.roleKey, unitId: input.actor.unitId, userId: null }, transitions: input.transitions.map((t) => ({ action: t.action, to: t.to ?? [] })) };
      expect(toDraft(fromApi)).toEqual(draft);
    }
  });
});

describe('editing the graph', () => {
  it('lists forward edges and the other actions with targets', () => {
    expect(edgesOf(DIAMOND).map((edge) => edge.id)).toEqual([
      'TIEP_NHAN:FORWARD:THAM_DINH', 'TIEP_NHAN:FORWARD:XAC_MINH', 'THAM_DINH:FORWARD:PHE_DUYET', 'THAM_DINH:RETURN:TIEP_NHAN', 'XAC_MINH:FORWARD:PHE_DUYET',
    ]);
  });

  it.each([
    ['a new edge', 'XAC_MINH', 'THAM_DINH', ['PHE_DUYET', 'THAM_DINH']],
    ['an existing edge (unchanged)', 'XAC_MINH', 'PHE_DUYET', ['PHE_DUYET']],
    ['a self-loop (refused)', 'XAC_MINH', 'XAC_MINH', ['PHE_DUYET']],
  ])('connect: %s', (_name, from, to, expected) => {
    expect(connect(DIAMOND, from, to).find((s) => s.code === 'XAC_MINH')?.next).toEqual(expected);
  });

  it('disconnects forward and other edges', () => {
    expect(disconnect(DIAMOND, { from: 'TIEP_NHAN', to: 'XAC_MINH', action: 'FORWARD' })[0].next).toEqual(['THAM_DINH']);
    expect(disconnect(DIAMOND, { from: 'THAM_DINH', to: 'TIEP_NHAN', action: 'RETURN' })[1].targets.RETURN).toEqual([]);
  });

  it('renames a step everywhere it is a target, and removes every edge into a removed step', () => {
    const renamed = upsertStep(DIAMOND, { ...DIAMOND[0], code: 'TN' }, 'TIEP_NHAN');
    expect(renamed.map((s) => s.code)).toEqual(['TN', 'THAM_DINH', 'XAC_MINH', 'PHE_DUYET']);
    expect(renamed[1].targets.RETURN).toEqual(['TN']);
    const removed = removeStep(DIAMOND, 'XAC_MINH');
    expect(edgesOf(removed).filter((edge) => edge.to === 'XAC_MINH')).toEqual([]);
    expect(upsertStep(DIAMOND, step('NEW')).at(-1)?.code).toBe('NEW');
  });

  it('groups problems by step, the process-wide ones under ""', () => {
    const problem = (stepCode: string | null) => ({ code: 'X', stepCode, message: '', messageEn: '', details: null });
    const grouped = problemsByStep([problem('A'), problem(null), problem('A')]);
    expect(grouped.get('A')).toHaveLength(2);
    expect(grouped.get('')).toHaveLength(1);
  });
});

describe('layout', () => {
  it('puts the join after both branches, and the branches in one column', () => {
    const grid = layout(DIAMOND, 'TIEP_NHAN');
    expect(grid.get('TIEP_NHAN')).toEqual({ column: 0, row: 0 });
    expect(grid.get('THAM_DINH')).toEqual({ column: 1, row: 0 });
    expect(grid.get('XAC_MINH')).toEqual({ column: 1, row: 1 });
    expect(grid.get('PHE_DUYET')).toEqual({ column: 2, row: 0 });
  });

  it('places unreachable steps in a column of their own after the rest', () => {
    expect(layout([...DIAMOND, step('LAC')], 'TIEP_NHAN').get('LAC')?.column).toBe(3);
  });

  it('for any acyclic graph, every forward edge goes to a later column, and no two steps share a cell', () => {
    // Steps S0..Sn-1 with forward edges only from lower to higher index: acyclic by construction.
    const graph = fc.integer({ min: 1, max: 9 }).chain((n) =>
      fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 20 }).map((pairs) => {
        const steps = Array.from({ length: n }, (_, i) => step(`S${i}`));
        return pairs.filter(([a, b]) => a < b).reduce((acc, [a, b]) => connect(acc, `S${a}`, `S${b}`), steps);
      }));
    fc.assert(fc.property(graph, (steps) => {
      const grid = layout(steps, 'S0');
      const reached = new Set(['S0']);
      for (const s of steps) if (reached.has(s.code)) s.next.forEach((to) => reached.add(to));
      for (const edge of edgesOf(steps)) {
        if (reached.has(edge.from)) expect(grid.get(edge.to)!.column).toBeGreaterThan(grid.get(edge.from)!.column);
      }
      const cells = [...grid.values()].map(({ column, row }) => `${column}:${row}`);
      expect(new Set(cells).size).toBe(steps.length);
    }));
  });

  it('terminates on a forward cycle', () => {
    const cycle = [step('A', ['B']), step('B', ['A'])];
    expect(layout(cycle, 'A').size).toBe(2);
  });
});
