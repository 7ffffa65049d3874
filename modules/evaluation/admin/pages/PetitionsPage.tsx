import { ErrorAlert } from '@motcua/kernel/admin';
import { useTranslate, useTranslation } from '@refinedev/core';
import { Button, Input, List, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useGql, useGqlMutation } from '../hooks';
import { type Petition, PETITION_ACTIONS, PETITION_CLOCK, type PetitionAction, type PetitionStatus, PETITIONS } from '../queries';

const COLOURS: Record<PetitionStatus, string> = { FILED: 'gold', ACCEPTED: 'blue', REJECTED: 'red', ANSWERED: 'green', CLOSED: 'default' };
/** The actions each status allows (the server checks them again). */
const NEXT: Record<PetitionStatus, PetitionAction[]> = {
  FILED: ['accept', 'reject'], ACCEPTED: ['answer', 'dismiss'], REJECTED: [], ANSWERED: ['close', 'dismiss'], CLOSED: ['dismiss'],
};
/** The actions that need a text (reason or answer) in the dialog. */
const NEEDS_TEXT: readonly PetitionAction[] = ['reject', 'answer', 'dismiss'];

/** The clock explanation of one petition, line by line in the admin's language. */
function ClockLines({ id }: { id: string }) {
  const { data } = useGql<{ petition: { clock: Array<{ vi: string; en: string }> } }>(PETITION_CLOCK, { id });
  const { translate: t, getLocale } = useTranslation();
  const english = getLocale()?.startsWith('en');
  return <List size="small" header={t('petitions.clock')} dataSource={data?.petition.clock ?? []} renderItem={(line) => <List.Item>{english ? line.en : line.vi}</List.Item>} />;
}

/** Petitions to the agencies the user handles (`petition.handle`): accept or refuse, answer, close, or mark a complaint untrue. */
export default function PetitionsPage() {
  const t = useTranslate();
  const [status, setStatus] = useState<string>('FILED');
  const [handling, setHandling] = useState<{ petition: Petition; action: PetitionAction }>();
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>();
  const { data, isLoading, error: loadError, refetch } = useGql<{ petitions: { nodes: Petition[] } }>(PETITIONS, { status: status === 'ALL' ? null : status });
  const { run, isPending } = useGqlMutation();
  const needsText = handling !== undefined && NEEDS_TEXT.includes(handling.action);
  const submit = async () => {
    try {
      await run(PETITION_ACTIONS[handling!.action], { id: handling!.petition.id, ...(needsText ? { text } : {}) });
      setHandling(undefined);
      setText('');
      setError(undefined);
      await refetch();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('petitions.title')}</Typography.Title>
      <Segmented value={status} onChange={(value) => setStatus(String(value))}
        options={[...(Object.keys(COLOURS) as PetitionStatus[]).map((value) => ({ value, label: t(`petitions.status.${value}`) })), { value: 'ALL', label: t('petitions.all') }]} />
      {loadError && <ErrorAlert error={loadError} />}
      <Table<Petition> rowKey="id" loading={isLoading} dataSource={data?.petitions.nodes ?? []} data-testid="petitions"
        expandable={{ expandedRowRender: (p) => <ClockLines id={p.id} /> }}
        columns={[
          { title: t('petitions.code'), dataIndex: 'code' },
          { title: t('petitions.filedAt'), render: (_, p) => new Date(p.filedAt).toLocaleString('vi-VN') },
          { title: t('petitions.content'), render: (_, p) => <Space direction="vertical"><Tag>{t(`petitions.subject.${p.subject}`)}</Tag>{p.dossierCode ?? p.regulation}{p.content}</Space> },
          { title: t('petitions.contact'), render: (_, p) => [p.contactName, p.contactEmail, p.contactPhone].filter(Boolean).join(' · ') },
          { title: t('petitions.dueAt'), render: (_, p) => new Date(p.dueAt).toLocaleDateString('vi-VN') },
          {
            title: t('petitions.result'), render: (_, p) => (
              <Space direction="vertical">
                <Space><Tag color={COLOURS[p.status]}>{t(`petitions.status.${p.status}`)}</Tag>{p.timeliness && <Tag color={p.timeliness === 'LATE' ? 'red' : undefined}>{t(`scorecards.timeliness.${p.timeliness}`)}</Tag>}{p.protracted && <Tag color="red">{t('petitions.protracted')}</Tag>}</Space>
                {p.answer ?? p.rejectReason}
                {p.dismissedReason && <Typography.Text type="secondary">{t('petitions.dismissed')}: {p.dismissedReason}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '', render: (_, p) => (
              <Space wrap>
                {NEXT[p.status].filter((action) => action !== 'dismiss' || !p.dismissedReason).map((action) => (
                  <Button key={action} size="small" danger={action === 'reject' || action === 'dismiss'} type={action === 'accept' || action === 'answer' ? 'primary' : 'default'}
                    onClick={() => (setError(undefined), setHandling({ petition: p, action }))}>{t(`petitions.actions.${action}`)}</Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {handling && (
        <Modal open title={`${t(`petitions.actions.${handling.action}`)} — ${handling.petition.code}`} onOk={() => void submit()} confirmLoading={isPending}
          onCancel={() => setHandling(undefined)} okText={t('evaluation.save')} cancelText={t('evaluation.cancel')} okButtonProps={{ disabled: needsText && !text.trim() }}>
          {error !== undefined && <ErrorAlert error={error} />}
          <Typography.Paragraph>{handling.petition.content}</Typography.Paragraph>
          {needsText && <Input.TextArea rows={4} value={text} onChange={(event) => setText(event.target.value)} placeholder={t(`petitions.text.${handling.action}`)} data-testid="petition-text" />}
        </Modal>
      )}
    </Space>
  );
}
