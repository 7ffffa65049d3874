import { ErrorAlert } from '@motcua/kernel/admin';
import { CreateButton, EditButton, List } from '@refinedev/antd';
import { useTranslate } from '@refinedev/core';
import { Table, Tag, Typography } from 'antd';
import { useGqlQuery } from '../api';
import { PROCESSES, type ProcessListItem, type ProcessStatus } from './queries';

const STATUS_COLOR: Record<ProcessStatus, string> = { DRAFT: 'orange', PUBLISHED: 'green', RETIRED: 'default' };

/** The processes the user manages, latest version first by code; each opens in the designer. */
export default function ProcessListPage() {
  const t = useTranslate();
  const { data, query } = useGqlQuery<{ processes: { nodes: ProcessListItem[] } }>(PROCESSES, ['processes'], { limit: 100 });
  return (
    <List breadcrumb={false} headerButtons={<CreateButton>{t('processes.titles.create')}</CreateButton>}>
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <Table<ProcessListItem> dataSource={data?.processes.nodes ?? []} loading={query.isLoading} rowKey="id" size="middle" pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('processes.empty') }}>
        <Table.Column<ProcessListItem> title={t('processes.fields.code')} dataIndex="code" render={(code: string) => <Typography.Text code>{code}</Typography.Text>} />
        <Table.Column<ProcessListItem> title={t('processes.fields.name')} dataIndex="name" />
        <Table.Column<ProcessListItem> title={t('processes.fields.version')} dataIndex="version" />
        <Table.Column<ProcessListItem> title={t('processes.fields.status')} dataIndex="status"
          render={(status: ProcessStatus) => <Tag color={STATUS_COLOR[status]}>{t(`processes.status.${status}`)}</Tag>} />
        <Table.Column<ProcessListItem> title={t('processes.fields.publishedVersion')} dataIndex="publishedVersion" render={(version: number | null) => version ?? '—'} />
        <Table.Column<ProcessListItem> title={t('processes.actions')} render={(_, process) => <EditButton size="small" recordItemId={process.id}>{t('processes.open')}</EditButton>} />
      </Table>
    </List>
  );
}
