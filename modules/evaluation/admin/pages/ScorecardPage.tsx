import { ErrorAlert } from '@motcua/kernel/admin';
import { useGo, useParsed, useTranslate } from '@refinedev/core';
import { Button, Card, Col, Form, Input, Modal, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { BarChart, LineChart } from '../charts';
import { ExportButton } from '../ExportButton';
import { useGql, useGqlMutation, useMyId, useUnitNames } from '../hooks';
import {
  COMPOSITE_BANDS, currentQuarter, type FactRow, FILE_DISPUTE, type Figures, monthlyTrend, number, percent, periodOptions, SCORECARD, SCORECARD_FACTS,
  type Scorecard, type ScorecardKind, SCORECARDS,
} from '../queries';

/** A count that drills down: which facts (kinds, timeliness) make it. */
interface Drill { key: keyof Figures; factKinds: string[]; timeliness?: string }
const DRILLS: Drill[] = [
  { key: 'stepsEarly', factKinds: ['STEP_COMPLETED'], timeliness: 'EARLY' },
  { key: 'stepsOnTime', factKinds: ['STEP_COMPLETED'], timeliness: 'ON_TIME' },
  { key: 'stepsLate', factKinds: ['STEP_COMPLETED'], timeliness: 'LATE' },
  { key: 'received', factKinds: ['RECEIVED'] },
  { key: 'done', factKinds: ['DONE'] },
  { key: 'doneLate', factKinds: ['DONE'], timeliness: 'LATE' },
  { key: 'supplementRequests', factKinds: ['SUPPLEMENT_REQUESTED'] },
  { key: 'ratings', factKinds: ['RATED'] },
  { key: 'complaints', factKinds: ['COMPLAINT', 'COMPLAINT_DISMISSED'] },
];

function bandOf(composite: number) {
  return COMPOSITE_BANDS.find((band) => composite >= band.from)!.key;
}

/** The officer's dispute form for one fact. */
function DisputeModal({ fact, onClose }: { fact: FactRow; onClose: (filed: boolean) => void }) {
  const t = useTranslate();
  const names = useUnitNames();
  const { run, isPending } = useGqlMutation();
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm();
  const units = [...names].filter(([id]) => id !== fact.unitId).map(([id, name]) => ({ value: id, label: name }));
  const submit = async (values: { reason: string; proposal: string; targetUnitId?: string }) => {
    try {
      await run(FILE_DISPUTE, { input: { factId: fact.id, ...values } });
      onClose(true);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Modal open title={t('scorecards.disputeTitle', { code: fact.dossierCode ?? fact.dossierId })} onCancel={() => onClose(false)} onOk={() => form.submit()} confirmLoading={isPending} okText={t('evaluation.save')} cancelText={t('evaluation.cancel')}>
      {error !== undefined && <ErrorAlert error={error} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ proposal: 'REATTRIBUTE' }}>
        <Form.Item name="proposal" label={t('scorecards.proposal')}>
          <Select options={['REATTRIBUTE', 'EXCLUDE'].map((value) => ({ value, label: t(`scorecards.proposals.${value}`) }))} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate>
          {() => form.getFieldValue('proposal') === 'REATTRIBUTE' && (
            <Form.Item name="targetUnitId" label={t('scorecards.targetUnit')} rules={[{ required: true }]}>
              <Select showSearch optionFilterProp="label" options={units} data-testid="dispute-target" />
            </Form.Item>
          )}
        </Form.Item>
        <Form.Item name="reason" label={t('evaluation.reason')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} data-testid="dispute-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The dossiers behind one count of a scorecard. */
function DrillTable({ card, drill, myId }: { card: Scorecard; drill: Drill; myId?: string }) {
  const t = useTranslate();
  const names = useUnitNames();
  const [disputing, setDisputing] = useState<FactRow>();
  const { data, isLoading, error, refetch } = useGql<{ scorecardFacts: { totalCount: number; nodes: FactRow[] } }>(SCORECARD_FACTS, {
    kind: card.kind, id: card.subjectId, period: card.period, factKinds: drill.factKinds, timeliness: drill.timeliness ?? null,
  });
  return (
    <Card title={t('scorecards.drillTitle', { label: t(`scorecards.${drill.key}`) })} data-testid="drill-down">
      {error && <ErrorAlert error={error} />}
      <Table<FactRow> rowKey="id" size="small" loading={isLoading} dataSource={data?.scorecardFacts.nodes ?? []} pagination={false}
        columns={[
          { title: t('scorecards.dossier'), render: (_, row) => <Typography.Text strong>{row.dossierCode ?? row.dossierId}</Typography.Text> },
          { title: t('scorecards.fact'), dataIndex: 'kind' },
          { title: t('scorecards.day'), dataIndex: 'day' },
          { title: t('scorecards.unit'), render: (_, row) => names.get(row.unitId) ?? row.unitId },
          { title: '', render: (_, row) => row.timeliness && <Tag color={row.timeliness === 'LATE' ? 'red' : 'green'}>{t(`scorecards.timeliness.${row.timeliness}`)}</Tag> },
          { title: '', render: (_, row) => row.officerId === myId && row.kind !== 'COMPLAINT' && <Button size="small" onClick={() => setDisputing(row)}>{t('scorecards.dispute')}</Button> },
        ]}
      />
      {disputing && <DisputeModal fact={disputing} onClose={(filed) => { setDisputing(undefined); if (filed) void refetch(); }} />}
    </Card>
  );
}

function TrendCard({ kind, id, year }: { kind: ScorecardKind; id: string; year: string }) {
  const t = useTranslate();
  const document = useMemo(() => monthlyTrend(year), [year]);
  const { data } = useGql<Record<string, { figures: { composite: number | null } }>>(document, { kind, id });
  const points = Array.from({ length: 12 }, (_, i) => {
    const month = String(i + 1).padStart(2, '0');
    return { label: month, value: data?.[`m${month}`]?.figures.composite ?? null };
  });
  return <Card title={t('scorecards.trend')}><LineChart points={points} title={t('scorecards.trend')} /></Card>;
}

function BandCard({ kind, period }: { kind: ScorecardKind; period: string }) {
  const t = useTranslate();
  const { data } = useGql<{ scorecards: { nodes: Scorecard[] } }>(SCORECARDS, { kind, period });
  const bars = COMPOSITE_BANDS.map((band) => ({
    label: t(`scorecards.bandNames.${band.key}`),
    value: (data?.scorecards.nodes ?? []).filter((card) => card.figures.composite !== null && bandOf(card.figures.composite) === band.key).length,
  }));
  return <Card title={`${t('scorecards.bands')} — ${t(`evaluation.kinds.${kind}`)}`}><BarChart bars={bars} title={t('scorecards.bands')} /></Card>;
}

/**
 * Scorecards of officers, units and agencies for a period: the composite with its formula,
 * every count clickable down to the dossiers behind it, the monthly trend and the band
 * distribution. State lives in the address (`?kind=UNIT&id=…&period=2026-Q4`), so a view can be shared.
 */
export default function ScorecardPage() {
  const t = useTranslate();
  const go = useGo();
  const { params } = useParsed<{ kind?: ScorecardKind; id?: string; period?: string; drill?: string }>();
  const myId = useMyId();
  const names = useUnitNames();
  const kind = params?.kind ?? 'OFFICER';
  const period = params?.period ?? currentQuarter();
  const list = useGql<{ scorecards: { nodes: Scorecard[] } }>(SCORECARDS, { kind, period });
  const id = params?.id ?? (kind === 'OFFICER' ? myId : list.data?.scorecards.nodes[0]?.subjectId);
  const card = useGql<{ scorecard: Scorecard }>(SCORECARD, { kind, id, period }, Boolean(id));
  const set = (query: Record<string, string | undefined>) => go({ query: { kind, id, period, ...query }, type: 'replace' });
  const nameOf = (subjectId: string) => (subjectId === myId ? t('evaluation.me') : names.get(subjectId) ?? subjectId.slice(0, 8));
  const subjects = [...new Set([...(id ? [id] : []), ...(list.data?.scorecards.nodes ?? []).map((c) => c.subjectId)])];
  const figures = card.data?.scorecard.figures;
  const drill = DRILLS.find((d) => d.key === params?.drill);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('scorecards.title')}</Typography.Title>
      <Space wrap>
        <Select value={kind} style={{ width: 160 }} data-testid="kind" onChange={(value) => set({ kind: value, id: undefined, drill: undefined })}
          options={(['OFFICER', 'UNIT', 'AGENCY'] as const).map((value) => ({ value, label: t(`evaluation.kinds.${value}`) }))} />
        <Select value={id} style={{ width: 320 }} placeholder={t('evaluation.subject')} data-testid="subject" onChange={(value) => set({ id: value, drill: undefined })}
          options={subjects.map((value) => ({ value, label: nameOf(value) }))} />
        <Select value={period} style={{ width: 130 }} data-testid="period" onChange={(value) => set({ period: value, drill: undefined })}
          options={periodOptions().map((value) => ({ value, label: value }))} />
        <ExportButton report="SCORECARDS" period={period} kind={kind} />
      </Space>
      {(card.error || list.error) && <ErrorAlert error={card.error ?? list.error} />}
      {figures && card.data && (
        <>
          <Card data-testid="scorecard">
            <Row gutter={[16, 16]}>
              <Col span={24}>
                <Statistic title={t('scorecards.composite')} value={number(figures.composite)} valueStyle={{ fontSize: 40 }} data-testid="composite" />
                <Typography.Text type="secondary">{t('scorecards.formula')}: <span data-testid="formula">{figures.compositeFormula}</span></Typography.Text>
              </Col>
              <Col xs={12} md={6}><Statistic title={t('scorecards.stepsHandled')} value={figures.stepsHandled} /></Col>
              <Col xs={12} md={6}><Statistic title={t('scorecards.onTimeRate')} value={percent(figures.onTimeRate)} /></Col>
              <Col xs={12} md={6}><Statistic title={t('scorecards.averageSatisfaction')} value={number(figures.averageSatisfaction)} /></Col>
              {DRILLS.map((d) => (
                <Col xs={12} md={6} key={d.key}>
                  <Button type="link" style={{ height: 'auto', padding: 0, textAlign: 'left' }} data-testid={`drill-${d.key}`} onClick={() => set({ drill: d.key })}>
                    <Statistic title={t(`scorecards.${d.key}`)} value={figures[d.key] as number} valueStyle={{ color: d.timeliness === 'LATE' ? '#cf1322' : '#1677ff' }} />
                  </Button>
                </Col>
              ))}
            </Row>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('scorecards.drillHint')}</Typography.Paragraph>
          </Card>
          {drill && <DrillTable key={`${id}${period}${drill.key}`} card={card.data.scorecard} drill={drill} myId={myId} />}
          <Row gutter={16}>
            <Col xs={24} lg={12}>{id && <TrendCard kind={kind} id={id} year={period.slice(0, 4)} />}</Col>
            <Col xs={24} lg={12}><BandCard kind={kind} period={period} /></Col>
          </Row>
        </>
      )}
      {!id && !list.isLoading && <Typography.Text type="secondary">{t('evaluation.none')}</Typography.Text>}
    </Space>
  );
}
