import { ErrorAlert, type Grant, matchesSearch, useGrants } from '@motcua/kernel/admin';
import { useTranslate } from '@refinedev/core';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, Card, Input, Space, Table, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { currentMonthInVietnam, type DayRange, instantsOf } from '../book';
import { type AgencyTreeNode, formatInstant, useAgencyTree, useGql } from '../hooks';
import { BOOK_ROWS, type BookRow, TRACKING_BOOK } from '../queries';
import { DownloadButton } from './FormDownload';

const PAGE = 20;

/** The desk the user receives at: their book by default (leaders and supervisors pick a unit; their grants name agencies, not desks). */
const deskOf = (grants: readonly Grant[]) => grants.find((grant) => grant.permission === 'dossier.receive' && grant.unitId)?.unitId ?? undefined;

interface UnitOption { value: string; title: string; children: UnitOption[] }
const unitOptions = (nodes: AgencyTreeNode[]): UnitOption[] => nodes.map((node) => ({ value: node.id, title: node.name, children: unitOptions(node.children ?? []) }));

/**
 * Sổ theo dõi hồ sơ (Mẫu 07): pick a receiving unit (the user's own desk by default) and a
 * period (this month in Vietnam by default), preview the dossiers it received then, and
 * download the book as PDF or Excel. The server lists only the dossiers the user may read.
 */
export default function TrackingBookPage() {
  const t = useTranslate();
  const grants = useGrants();
  const { roots } = useAgencyTree();
  const [picked, setUnitId] = useState<string>();
  const [range, setRange] = useState<DayRange>(() => currentMonthInVietnam(new Date()));
  const [page, setPage] = useState(1);
  const unitId = picked ?? deskOf(grants);
  const { from, to } = instantsOf(range);
  const valid = range.first <= range.last;
  const ready = Boolean(unitId) && valid;
  const filter = { unitId, receivedFrom: from, receivedTo: to };
  const { data, isLoading, error } = useGql<{ dossiers: { totalCount: number; nodes: BookRow[] } }>(BOOK_ROWS, { filter, offset: (page - 1) * PAGE, limit: PAGE }, ready);
  const setDay = (end: keyof DayRange) => (value: string) => { if (value) { setRange((current) => ({ ...current, [end]: value })); setPage(1); } };
  const book = (format: 'PDF' | 'XLSX') => ({ unitId, from, to, format });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('trackingBook.title')}</Typography.Title>
      <Card size="small">
        <Space wrap align="end">
          <Space direction="vertical" size={2}>
            <Typography.Text type="secondary">{t('trackingBook.unit')}</Typography.Text>
            <TreeSelect<string> value={unitId} onChange={(value) => { setUnitId(value); setPage(1); }} treeData={unitOptions(roots)} showSearch
              filterTreeNode={(search, node) => matchesSearch(String(node.title), search)} treeDefaultExpandAll placeholder={t('trackingBook.pickUnit')}
              popupMatchSelectWidth={false} style={{ minWidth: 320 }} data-testid="book-unit" />
          </Space>
          <Space direction="vertical" size={2}>
            <Typography.Text type="secondary">{t('trackingBook.from')}</Typography.Text>
            <Input type="date" value={range.first} onChange={(event) => setDay('first')(event.target.value)} data-testid="book-from" />
          </Space>
          <Space direction="vertical" size={2}>
            <Typography.Text type="secondary">{t('trackingBook.to')}</Typography.Text>
            <Input type="date" value={range.last} onChange={(event) => setDay('last')(event.target.value)} data-testid="book-to" />
          </Space>
          <DownloadButton query={TRACKING_BOOK} variables={book('PDF')} icon={<FilePdfOutlined />} disabled={!ready} testId="book-pdf">{t('trackingBook.pdf')}</DownloadButton>
          <DownloadButton query={TRACKING_BOOK} variables={book('XLSX')} icon={<FileExcelOutlined />} disabled={!ready} testId="book-xlsx">{t('trackingBook.xlsx')}</DownloadButton>
        </Space>
      </Card>
      {!valid && <Alert type="warning" message={t('trackingBook.badRange')} />}
      {!unitId && <Alert type="info" message={t('trackingBook.pickUnit')} />}
      {error && <ErrorAlert error={error} />}
      <Table<BookRow> rowKey="id" loading={ready && isLoading} dataSource={ready ? data?.dossiers.nodes ?? [] : []} data-testid="book-rows" size="small"
        pagination={{ current: page, pageSize: PAGE, total: data?.dossiers.totalCount ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('trackingBook.total', { total }) }}
        columns={[
          { title: t('dossiers.fields.code'), dataIndex: 'code', onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
          { title: t('dossiers.fields.procedure'), dataIndex: 'procedureName', ellipsis: true },
          { title: t('dossiers.fields.applicant'), dataIndex: 'applicantName' },
          { title: t('dossiers.fields.receivedAt'), render: (_, row) => formatInstant(row.receivedAt) },
          { title: t('dossiers.fields.dueAt'), render: (_, row) => formatInstant(row.dueAt) },
          { title: t('trackingBook.returnedAt'), render: (_, row) => formatInstant(row.returnedAt) },
          { title: t('dossiers.fields.timeliness'), render: (_, row) => (row.timeliness ? t(`dossiers.timeliness.${row.timeliness}`) : '—') },
        ]} />
    </Space>
  );
}
