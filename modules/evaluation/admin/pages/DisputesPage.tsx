import { ErrorAlert, useCan } from '@motcua/kernel/admin';
import { useTranslate } from '@refinedev/core';
import { Button, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useGql, useGqlMutation, useUnitNames } from '../hooks';
import { DECIDE_DISPUTE, type Dispute, DISPUTES } from '../queries';

const COLOURS = { OPEN: 'gold', ACCEPTED: 'green', REJECTED: 'red' } as const;

/** Disputes in the user's scope; leaders accept or reject the open ones with a reason. Decided ones stay listed. */
export default function DisputesPage() {
  const t = useTranslate();
  const names = useUnitNames();
  const mayDecide = useCan('evaluation.review');
  const [status, setStatus] = useState<string>('OPEN');
  const [deciding, setDeciding] = useState<{ dispute: Dispute; accept: boolean }>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const { data, isLoading, error: loadError, refetch } = useGql<{ evaluationDisputes: { nodes: Dispute[] } }>(DISPUTES, { status: status === 'ALL' ? null : status });
  const { run, isPending } = useGqlMutation();
  const decide = async () => {
    try {
      await run(DECIDE_DISPUTE, { input: { id: deciding!.dispute.id, accept: deciding!.accept, reason } });
      setDeciding(undefined);
      setReason('');
      await refetch();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('disputes.title')}</Typography.Title>
      <Segmented value={status} onChange={(value) => setStatus(String(value))}
        options={[...(['OPEN', 'ACCEPTED', 'REJECTED'] as const).map((value) => ({ value, label: t(`disputes.status.${value}`) })), { value: 'ALL', label: t('disputes.all') }]} />
      {loadError && <ErrorAlert error={loadError} />}
      <Table<Dispute> rowKey="id" loading={isLoading} dataSource={data?.evaluationDisputes.nodes ?? []} data-testid="disputes"
        columns={[
          { title: t('disputes.filedAt'), render: (_, d) => new Date(d.createdAt).toLocaleString('vi-VN') },
          { title: t('scorecards.fact'), dataIndex: 'factKind' },
          { title: t('scorecards.unit'), render: (_, d) => names.get(d.unitId) ?? d.unitId },
          { title: t('scorecards.proposal'), render: (_, d) => `${t(`scorecards.proposals.${d.proposal}`)}${d.targetUnitId ? `: ${names.get(d.targetUnitId) ?? d.targetUnitId}` : ''}` },
          { title: t('evaluation.reason'), dataIndex: 'reason' },
          { title: t('disputes.decision'), render: (_, d) => <Space direction="vertical"><Tag color={COLOURS[d.status]}>{t(`disputes.status.${d.status}`)}</Tag>{d.decisionReason}</Space> },
          {
            title: '', render: (_, d) => d.status === 'OPEN' && mayDecide && (
              <Space>
                <Button type="primary" size="small" onClick={() => setDeciding({ dispute: d, accept: true })}>{t('disputes.accept')}</Button>
                <Button danger size="small" onClick={() => setDeciding({ dispute: d, accept: false })}>{t('disputes.reject')}</Button>
              </Space>
            ),
          },
        ]}
      />
      {deciding && (
        <Modal open title={t('disputes.decideTitle', { action: t(deciding.accept ? 'disputes.accept' : 'disputes.reject') })} onOk={() => void decide()} confirmLoading={isPending}
          onCancel={() => setDeciding(undefined)} okText={t('evaluation.save')} cancelText={t('evaluation.cancel')} okButtonProps={{ disabled: !reason.trim() }}>
          {error !== undefined && <ErrorAlert error={error} />}
          <Input.TextArea rows={3} value={reason} onChange={(event) => setReason(event.target.value)} placeholder={t('evaluation.reason')} data-testid="decision-reason" />
        </Modal>
      )}
    </Space>
  );
}
