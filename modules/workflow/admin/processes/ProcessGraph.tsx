import '@xyflow/react/dist/style.css';
import { useLanguage } from '@motcua/kernel/admin';
import { useTranslate } from '@refinedev/core';
import { Background, Controls, type Edge, Handle, MarkerType, type Node, type NodeProps, Position, ReactFlow, useNodesState } from '@xyflow/react';
import { Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { type DraftEdge, type DraftStep, edgesOf, layout } from './draft';
import type { ProcessProblem } from './queries';

interface StepData extends Record<string, unknown> {
  step: DraftStep;
  problems: ProcessProblem[];
  isStart: boolean;
}
type StepNode = Node<StepData, 'step'>;

const COLUMN_WIDTH = 260;
const ROW_HEIGHT = 130;
const EDGE_COLORS: Partial<Record<string, string>> = { FORWARD: '#1677ff', RETURN: '#fa8c16', REQUEST_SUPPLEMENT: '#fa8c16', PROPOSE_REFUSAL: '#cf1322', REQUEST_OPINION: '#722ed1', SIGN: '#13c2c2' };

/** One step on the canvas: name, code, role and quota; red with its messages when it has problems. */
function StepNodeView({ data }: NodeProps<StepNode>) {
  const t = useTranslate();
  const language = useLanguage();
  const { step, problems, isStart } = data;
  const invalid = problems.length > 0;
  const body = (
    <div data-testid={`step-node-${step.code}`} data-invalid={invalid ? 'true' : 'false'}
      style={{ width: 200, padding: 8, borderRadius: 8, background: invalid ? '#fff1f0' : '#fff', border: `2px solid ${invalid ? '#ff4d4f' : isStart ? '#52c41a' : '#91caff'}` }}>
      <Handle type="target" position={Position.Left} />
      <Typography.Text strong ellipsis style={{ display: 'block' }}>{step.name}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{step.code}</Typography.Text>
      <div style={{ marginTop: 4, display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        {isStart && <Tag color="green">{t('processes.graph.start')}</Tag>}
        {step.kind !== 'TASK' && <Tag color="purple">{t(`processes.kinds.${step.kind}`)}</Tag>}
        <Tag>{step.roleKey || '—'}</Tag>
        <Tag>{t('processes.graph.quota', { value: step.quota.value, unit: t(`processes.units.${step.quota.unit}`) })}</Tag>
        {step.actions.includes('COMPLETE') && <Tag color="blue">{t('processes.actionNames.COMPLETE')}</Tag>}
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
  if (!invalid) return body;
  return <Tooltip title={problems.map((problem) => (language === 'en' ? problem.messageEn : problem.message)).join(' · ')}>{body}</Tooltip>;
}

const NODE_TYPES = { step: StepNodeView };

function toEdge(edge: DraftEdge, label: string): Edge {
  const color = EDGE_COLORS[edge.action] ?? '#8c8c8c';
  const backward = edge.action === 'RETURN' || edge.action === 'REQUEST_SUPPLEMENT';
  return {
    id: edge.id,
    source: edge.from,
    target: edge.to,
    label: edge.action === 'FORWARD' ? undefined : label,
    style: { stroke: color, strokeDasharray: edge.action === 'FORWARD' ? undefined : '6 4' },
    markerEnd: { type: MarkerType.ArrowClosed, color },
    animated: backward,
    data: { action: edge.action },
  };
}

export interface ProcessGraphProps {
  steps: readonly DraftStep[];
  startCode: string;
  problems: ReadonlyMap<string, ProcessProblem[]>;
  onOpenStep(code: string): void;
  onConnect(from: string, to: string): void;
  onRemoveEdge(edge: DraftEdge): void;
}

/**
 * The process as a graph (@xyflow/react): steps laid out left to right from the start, forward
 * edges solid, other actions dashed and labelled. Drawing from a step's right handle to
 * another step adds a forward edge; selecting an edge and pressing Delete removes it; clicking
 * a step opens its form. Positions are kept while editing (the API stores no layout).
 */
export function ProcessGraph({ steps, startCode, problems, onOpenStep, onConnect, onRemoveEdge }: ProcessGraphProps) {
  const t = useTranslate();
  const [nodes, setNodes, onNodesChange] = useNodesState<StepNode>([]);

  useEffect(() => {
    const grid = layout(steps, startCode);
    setNodes((current) => {
      const placed = new Map(current.map((node) => [node.id, node.position]));
      return steps.map((step) => {
        const cell = grid.get(step.code) ?? { column: 0, row: 0 };
        return {
          id: step.code,
          type: 'step' as const,
          position: placed.get(step.code) ?? { x: cell.column * COLUMN_WIDTH, y: cell.row * ROW_HEIGHT },
          data: { step, problems: problems.get(step.code) ?? [], isStart: step.code === startCode },
        };
      });
    });
  }, [steps, startCode, problems, setNodes]);

  const draftEdges = useMemo(() => edgesOf(steps), [steps]);
  const edges = useMemo(() => draftEdges.map((edge) => toEdge(edge, t(`processes.actionNames.${edge.action}`))), [draftEdges, t]);

  return (
    <div style={{ height: 460, border: '1px solid #f0f0f0', borderRadius: 8 }} data-testid="process-graph">
      {/* Remounted when steps come or go, so the view fits them all again. */}
      <ReactFlow<StepNode, Edge>
        key={steps.length}
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onNodeClick={(_, node) => onOpenStep(node.id)}
        onConnect={(connection) => onConnect(connection.source, connection.target)}
        onEdgesDelete={(deleted) => deleted.forEach((edge) => {
          const found = draftEdges.find((candidate) => candidate.id === edge.id);
          if (found) onRemoveEdge(found);
        })}
        fitView
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
