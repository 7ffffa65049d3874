import { useTranslate } from '@refinedev/core';
import { Alert, Button, Card, Col, Descriptions, Form, InputNumber, Row, Space, Statistic, Table, Typography } from 'antd';
import { useEffect } from 'react';
import type { SimulationReport } from './queries';

export interface SimulationInput {
  dossiers: number;
  arrivalsPerDay: number;
  seed: number;
  staffPerRole: { roleHolderKey: string; count: number }[];
}

const percent = (share: number | null | undefined) => (share === null || share === undefined ? '—' : `${Math.round(share * 1000) / 10}%`);
const hours = (minutes: number | null | undefined) => (minutes === null || minutes === undefined ? '—' : (minutes / 60).toFixed(1));

interface Bar { label: string; value: number; color: string; text: string }

/**
 * Horizontal bars in plain SVG; `reference` draws a dashed line (e.g. 100% of the quota), so a
 * bar past it stands out.
 */
function BarChart({ title, bars, reference, testId }: { title: string; bars: Bar[]; reference?: number; testId: string }) {
  const width = 420;
  const labelWidth = 150;
  const barHeight = 22;
  const max = Math.max(reference ?? 0, ...bars.map((bar) => bar.value), 1e-9);
  const scale = (value: number) => ((width - labelWidth - 60) * value) / max;
  return (
    <figure style={{ margin: 0 }}>
      <figcaption><Typography.Text strong>{title}</Typography.Text></figcaption>
      <svg width={width} height={bars.length * (barHeight + 6) + 8} role="img" aria-label={title} data-testid={testId}>
        {bars.map((bar, index) => {
          const y = 4 + index * (barHeight + 6);
          return (
            <g key={bar.label}>
              <text x={0} y={y + 15} fontSize={12}>{bar.label.length > 22 ? `${bar.label.slice(0, 21)}…` : bar.label}</text>
              <rect x={labelWidth} y={y} width={Math.max(1, scale(bar.value))} height={barHeight} fill={bar.color} rx={3} />
              <text x={labelWidth + scale(bar.value) + 4} y={y + 15} fontSize={12}>{bar.text}</text>
            </g>
          );
        })}
        {reference !== undefined && <line x1={labelWidth + scale(reference)} x2={labelWidth + scale(reference)} y1={0} y2={bars.length * (barHeight + 6) + 8} stroke="#595959" strokeDasharray="4 3" />}
      </svg>
    </figure>
  );
}

/** Early / on time / late / dead end of the simulated dossiers, as one stacked bar. */
function OutcomeBar({ report }: { report: SimulationReport }) {
  const t = useTranslate();
  const parts = [
    { key: 'early', value: report.early, color: '#52c41a' },
    { key: 'onTime', value: report.onTime, color: '#1677ff' },
    { key: 'late', value: report.late, color: '#ff4d4f' },
    { key: 'deadEnds', value: report.deadEndCount, color: '#8c8c8c' },
  ];
  const total = Math.max(1, parts.reduce((sum, part) => sum + part.value, 0));
  let x = 0;
  return (
    <figure style={{ margin: 0 }}>
      <figcaption><Typography.Text strong>{t('processes.simulation.outcomes')}</Typography.Text></figcaption>
      <svg width={420} height={48} role="img" aria-label={t('processes.simulation.outcomes')} data-testid="chart-outcomes">
        {parts.map((part) => {
          const width = (400 * part.value) / total;
          const rect = <rect key={part.key} x={x} y={0} width={width} height={24} fill={part.color} />;
          x += width;
          return rect;
        })}
        {parts.map((part, index) => (
          <g key={`legend-${part.key}`}>
            <rect x={index * 105} y={32} width={10} height={10} fill={part.color} />
            <text x={index * 105 + 14} y={41} fontSize={11}>{`${t(`processes.simulation.${part.key}`)}: ${part.value}`}</text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** The report of a simulation run: key figures, the charts, dead ends and the explanation. */
export function SimulationReportView({ report }: { report: SimulationReport }) {
  const t = useTranslate();
  const stepBars = report.steps.map((step) => ({
    label: step.name,
    value: step.lossRatio,
    color: step.stepCode === report.timeLostAt ? '#ff4d4f' : step.lossRatio > 1 ? '#fa8c16' : '#1677ff',
    text: percent(step.lossRatio),
  }));
  const roleBars = report.roles.map((role) => ({ label: role.roleHolderKey, value: role.utilisation, color: role.utilisation > 0.85 ? '#ff4d4f' : '#13c2c2', text: percent(role.utilisation) }));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="simulation-report">
      <Row gutter={16}>
        <Col span={6}><Statistic title={t('processes.simulation.onTimeShare')} value={percent(report.onTimeShare)} /></Col>
        <Col span={6}><Statistic title={t('processes.simulation.completed')} value={`${report.completed} / ${report.dossiers}`} /></Col>
        <Col span={6}><Statistic title={t('processes.simulation.meanLead')} value={hours(report.meanLeadMinutes)} /></Col>
        <Col span={6}><Statistic title={t('processes.simulation.timeLostAt')} value={report.timeLostAt ?? '—'} /></Col>
      </Row>
      <Row gutter={24}>
        <Col xs={24} xl={12}><OutcomeBar report={report} /></Col>
        <Col xs={24} xl={12}><BarChart title={t('processes.simulation.lossPerStep')} bars={stepBars} reference={1} testId="chart-steps" /></Col>
        <Col xs={24} xl={12}><BarChart title={t('processes.simulation.utilisation')} bars={roleBars} reference={1} testId="chart-roles" /></Col>
      </Row>
      {report.deadEnds.length > 0 && (
        <Alert type="error" showIcon message={t('processes.simulation.deadEndsTitle')}
          description={report.deadEnds.map((end) => t('processes.simulation.deadEnd', { step: end.stepCode, count: end.count, reason: t(`processes.deadEndReasons.${end.reason}`) })).join(' · ')} />
      )}
      <Table rowKey="stepCode" size="small" pagination={false} dataSource={report.steps}
        columns={[
          { title: t('processes.simulation.step'), dataIndex: 'name' },
          { title: t('processes.simulation.visits'), dataIndex: 'visits' },
          { title: t('processes.simulation.wait'), dataIndex: 'meanWaitMinutes', render: hours },
          { title: t('processes.simulation.work'), dataIndex: 'meanWorkMinutes', render: hours },
          { title: t('processes.simulation.quota'), dataIndex: 'quotaMinutes', render: hours },
          { title: t('processes.simulation.lateCause'), dataIndex: 'lateCauseShare', render: percent },
        ]} />
      <Descriptions size="small" column={1} title={t('processes.simulation.explanation')}
        items={report.explanation.map((line, index) => ({ key: String(index), children: line }))} />
    </Space>
  );
}

/** The simulation form (dossiers, arrivals per day, staff per role, seed) and its report. */
export function SimulationPanel({ roleKeys, report, running, onRun }: { roleKeys: string[]; report?: SimulationReport; running: boolean; onRun(input: SimulationInput): void }) {
  const t = useTranslate();
  const [form] = Form.useForm<{ dossiers: number; arrivalsPerDay: number; seed: number; staff: Record<string, number | null> }>();
  // After a run, empty staff fields show the counts the run used (the agency's role holders).
  useEffect(() => {
    if (!report) return;
    const staff = form.getFieldValue('staff') ?? {};
    form.setFieldsValue({ staff: Object.fromEntries(report.roles.map((role) => [role.roleHolderKey, staff[role.roleHolderKey] ?? role.staff])) });
  }, [report, form]);
  const run = ({ dossiers, arrivalsPerDay, seed, staff }: { dossiers: number; arrivalsPerDay: number; seed: number; staff?: Record<string, number | null> }) =>
    onRun({
      dossiers, arrivalsPerDay, seed,
      staffPerRole: Object.entries(staff ?? {}).filter((entry): entry is [string, number] => typeof entry[1] === 'number').map(([roleHolderKey, count]) => ({ roleHolderKey, count })),
    });
  return (
    <Card title={t('processes.simulation.title')} data-testid="simulation">
      <Form form={form} name="simulation" layout="inline" initialValues={{ dossiers: 200, arrivalsPerDay: 10, seed: 1 }} onFinish={run} style={{ rowGap: 8 }}>
        <Form.Item name="dossiers" label={t('processes.simulation.dossiers')} rules={[{ required: true, message: t('processes.rules.valueRequired') }]}><InputNumber min={1} max={10000} /></Form.Item>
        <Form.Item name="arrivalsPerDay" label={t('processes.simulation.arrivalsPerDay')} rules={[{ required: true, message: t('processes.rules.valueRequired') }]}><InputNumber min={0.1} step={1} /></Form.Item>
        <Form.Item name="seed" label={t('processes.simulation.seed')} rules={[{ required: true, message: t('processes.rules.valueRequired') }]}><InputNumber min={0} /></Form.Item>
        {roleKeys.map((key) => (
          <Form.Item key={key} name={['staff', key]} label={t('processes.simulation.staffOf', { role: key })} tooltip={t('processes.simulation.staffHint')}>
            <InputNumber min={0} max={1000} placeholder={t('processes.simulation.staffDefault')} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={running}>{t('processes.simulation.run')}</Button>
      </Form>
      {report && <div style={{ marginTop: 16 }}><SimulationReportView report={report} /></div>}
    </Card>
  );
}
