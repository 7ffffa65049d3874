import { ErrorAlert } from '@motcua/kernel/admin';
import { useGo, useTranslate } from '@refinedev/core';
import { Card, Checkbox, DatePicker, type GetProps, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatInstant, useGql } from '../hooks';
import { DOSSIERS, type DossierRow } from '../queries';
import { MyStepsTable } from './MyStepsTable';

const STATES = ['SUBMITTED', 'NEEDS_COMPLETION', 'RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'FINANCIAL_OBLIGATION', 'RESULT_APPROVED',
  'AWAITING_OFFICER_SIGNATURE', 'AWAITING_AGENCY_SIGNATURE', 'DONE', 'RETURNED', 'STOPPED', 'WITHDRAWN', 'REFUSED_AT_RECEPTION'];
const TIMELINESS = ['EARLY', 'ON_TIME', 'LATE'];
const ORDERS = ['NEWEST_FIRST', 'DUE_SOONEST'] as const;
type Order = (typeof ORDERS)[number];
const PAGE = 20;

type DueRange = GetProps<typeof DatePicker.RangePicker>['value'];

/** The officers' dossier desk: the dossiers they may read, with filters, newest first or soonest due first. */
export default function DossierListPage() {
  const t = useTranslate();
  const go = useGo();
  const [search, setSearch] = useState<string>();
  const [states, setStates] = useState<string[]>([]);
  const [timeliness, setTimeliness] = useState<string>();
  const [due, setDue] = useState<DueRange>(null);
  const [awaitingCompetent, setAwaitingCompetent] = useState(false);
  const [order, setOrder] = useState<Order>('NEWEST_FIRST');
  const [page, setPage] = useState(1);
  const filter = {
    search: search || undefined, states: states.length ? states : undefined, timeliness, awaitingCompetentReceipt: awaitingCompetent || undefined,
    dueFrom: due?.[0]?.startOf('day').toISOString(), dueTo: due?.[1]?.endOf('day').toISOString(),
  };
  const { data, isLoading, error } = useGql<{ dossiers: { totalCount: number; nodes: DossierRow[] } }>(DOSSIERS, { filter, order, offset: (page - 1) * PAGE, limit: PAGE });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('dossiers.titles.list')}</Typography.Title>
      <Card size="small" title={t('dossiers.mySteps')}><MyStepsTable /></Card>
      <Space wrap>
        <Input.Search allowClear placeholder={t('dossiers.search')} style={{ width: 280 }} onSearch={(value) => { setSearch(value.trim()); setPage(1); }} data-testid="dossier-search" />
        <Select mode="multiple" allowClear placeholder={t('dossiers.fields.state')} style={{ minWidth: 240 }} value={states} onChange={(v) => { setStates(v); setPage(1); }}
          options={STATES.map((s) => ({ value: s, label: t(`dossiers.states.${s}`) }))} data-testid="dossier-states" />
        <Select allowClear placeholder={t('dossiers.fields.timeliness')} style={{ width: 160 }} value={timeliness} onChange={(v) => { setTimeliness(v); setPage(1); }}
          options={TIMELINESS.map((s) => ({ value: s, label: t(`dossiers.timeliness.${s}`) }))} />
        <Checkbox checked={awaitingCompetent} onChange={(e) => { setAwaitingCompetent(e.target.checked); setPage(1); }} data-testid="dossier-awaiting-competent">
          {t('dossiers.awaitingCompetent')}
        </Checkbox>
        <DatePicker.RangePicker placeholder={[t('dossiers.dueFrom'), t('dossiers.dueTo')]} value={due} onChange={(v) => { setDue(v); setPage(1); }} format="DD/MM/YYYY" />
        <Select<Order> style={{ width: 220 }} value={order} onChange={(v) => { setOrder(v); setPage(1); }} data-testid="dossier-order"
          options={ORDERS.map((o) => ({ value: o, label: t(`dossiers.order.${o}`) }))} />
      </Space>
      {error && <ErrorAlert error={error} />}
      <Table<DossierRow> rowKey="id" loading={isLoading} dataSource={data?.dossiers.nodes ?? []} data-testid="dossier-list"
        pagination={{ current: page, pageSize: PAGE, total: data?.dossiers.totalCount ?? 0, onChange: setPage, showSizeChanger: false }}
        onRow={(row) => ({ onClick: () => go({ to: `/dossiers/${row.id}` }), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('dossiers.fields.code'), dataIndex: 'code', render: (code: string | null) => code ?? '—' },
          { title: t('dossiers.fields.applicant'), dataIndex: 'applicantName' },
          { title: t('dossiers.fields.procedure'), dataIndex: 'procedureName', ellipsis: true },
          { title: t('dossiers.fields.state'), render: (_, row) => <Tag>{row.nationalStatus ?? '—'} · {t(`dossiers.states.${row.state}`)}</Tag> },
          { title: t('dossiers.fields.receivedAt'), render: (_, row) => formatInstant(row.receivedAt) },
          { title: t('dossiers.fields.dueAt'), render: (_, row) => formatInstant(row.dueAt) },
          { title: t('dossiers.fields.timeliness'), render: (_, row) => (row.timeliness ? t(`dossiers.timeliness.${row.timeliness}`) : '—') },
        ]} />
    </Space>
  );
}
