import { ErrorAlert } from '@motcua/kernel/admin';
import { useTranslate } from '@refinedev/core';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useGql, useGqlMutation, useUnitNames } from '../hooks';
import { APPROVE_REVIEW, currentQuarter, LOCK_REVIEW, number, periodOptions, REVIEWS, type ScorecardKind, SCORECARDS, SUBMIT_REVIEW } from '../queries';

interface Review {
  id: string; version: number; status: string; automatic: number | null; citizen: number | null; self: number | null; superior: number | null;
  combined: number | null; advisedGradeLabel: string | null; reason: string | null;
}

/** Periodic reviews of a subject: the versions with their four dimensions, a form to submit, approve and lock buttons. */
export default function ReviewsPage() {
  const t = useTranslate();
  const names = useUnitNames();
  const [kind, setKind] = useState<ScorecardKind>('UNIT');
  const [period, setPeriod] = useState(currentQuarter());
  const [subjectId, setSubjectId] = useState<string>();
  const [error, setError] = useState<unknown>();
  const subjects = useGql<{ scorecards: { nodes: Array<{ subjectId: string }> } }>(SCORECARDS, { kind, period });
  const reviews = useGql<{ reviews: Review[] }>(REVIEWS, { kind, id: subjectId, period }, Boolean(subjectId));
  const { run, isPending } = useGqlMutation();
  const act = async (document: Parameters<typeof run>[0], variables: Record<string, unknown>) => {
    setError(undefined);
    try {
      await run(document, variables);
      await reviews.refetch();
    } catch (caught) {
      setError(caught);
    }
  };
  const label = (id: string) => names.get(id) ?? id.slice(0, 8);
  const dimension = (value: number | null) => number(value);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('reviews.title')}</Typography.Title>
      <Space wrap>
        <Select value={kind} style={{ width: 160 }} onChange={(value) => { setKind(value); setSubjectId(undefined); }}
          options={(['OFFICER', 'UNIT', 'AGENCY'] as const).map((value) => ({ value, label: t(`evaluation.kinds.${value}`) }))} />
        <Select value={subjectId} style={{ width: 320 }} placeholder={t('evaluation.subject')} onChange={setSubjectId}
          options={(subjects.data?.scorecards.nodes ?? []).map((card) => ({ value: card.subjectId, label: label(card.subjectId) }))} />
        <Select value={period} style={{ width: 130 }} onChange={setPeriod} options={periodOptions().map((value) => ({ value, label: value }))} />
      </Space>
      {error !== undefined && <ErrorAlert error={error} />}
      {subjectId && (
        <>
          <Table<Review> rowKey="id" loading={reviews.isLoading} dataSource={reviews.data?.reviews ?? []} pagination={false}
            columns={[
              { title: t('reviews.version'), dataIndex: 'version' },
              { title: '', render: (_, r) => <Tag>{t(`reviews.status.${r.status}`)}</Tag> },
              ...(['automatic', 'citizen', 'self', 'superior', 'combined'] as const).map((key) => ({ title: t(`reviews.${key}`), render: (_: unknown, r: Review) => dimension(r[key]) })),
              { title: t('reviews.grade'), dataIndex: 'advisedGradeLabel' },
              { title: t('evaluation.reason'), dataIndex: 'reason' },
              {
                title: '', render: (_, r) => (
                  <Space>
                    {r.status === 'SUBMITTED' && <Button size="small" onClick={() => void act(APPROVE_REVIEW, { input: { id: r.id } })}>{t('reviews.approve')}</Button>}
                    {r.status === 'APPROVED' && <Button size="small" onClick={() => void act(LOCK_REVIEW, { input: { id: r.id } })}>{t('reviews.lock')}</Button>}
                  </Space>
                ),
              },
            ]}
          />
          <Card title={t('reviews.submit')}>
            <Form layout="inline" onFinish={(values) => void act(SUBMIT_REVIEW, { input: { kind, subjectId, period, ...values } })}>
              {kind === 'OFFICER' && (
                <Form.Item name="unitId" label={t('reviews.unitId')} rules={[{ required: true }]}>
                  <Select style={{ width: 260 }} showSearch optionFilterProp="label" options={[...names].map(([value, text]) => ({ value, label: text }))} />
                </Form.Item>
              )}
              <Form.Item name="selfScore" label={t('reviews.self')}><InputNumber min={0} max={100} /></Form.Item>
              <Form.Item name="superiorScore" label={t('reviews.superior')}><InputNumber min={0} max={100} /></Form.Item>
              <Form.Item name="reason" label={t('evaluation.reason')}><Input style={{ width: 240 }} /></Form.Item>
              <Button type="primary" htmlType="submit" loading={isPending}>{t('reviews.submit')}</Button>
            </Form>
          </Card>
        </>
      )}
    </Space>
  );
}
