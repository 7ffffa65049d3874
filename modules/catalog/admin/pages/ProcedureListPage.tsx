import { ImportOutlined } from '@ant-design/icons';
import { ErrorAlert, useCan, useLanguage } from '@motcua/kernel/admin';
import { List, useTable } from '@refinedev/antd';
import { type HttpError, useGo, useTranslate } from '@refinedev/core';
import { Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { AgencySelect } from '../components/AgencySelect';
import { NewProcedureButton } from '../components/NewProcedureButton';
import { StatusTag } from '../components/StatusTag';
import { useSectors } from '../components/use-sectors';
import { CHANNELS, ONLINE_MODES, PROCEDURE_LIST, type ProcedureRow, STATUSES } from '../queries';

/** The search form's fields, which are the server's `ProcedureFilter` fields. */
interface ProcedureSearch {
  search?: string;
  code?: string;
  sectorCode?: string;
  agencyId?: string;
  channel?: string;
  onlineMode?: string;
  statuses?: string[];
}

/** The catalog: ranked search by words with or without diacritics, and filters. */
export default function ProcedureListPage() {
  const t = useTranslate();
  const go = useGo();
  const language = useLanguage();
  const sectors = useSectors();
  const canImport = useCan('catalog.publish');
  const { tableProps, searchFormProps, tableQuery } = useTable<ProcedureRow, HttpError, ProcedureSearch>({
    resource: 'procedures',
    meta: { gqlQuery: PROCEDURE_LIST },
    sorters: { mode: 'off' },
    syncWithLocation: true,
    onSearch: (values) => Object.entries(values).map(([field, value]) => ({ field, operator: 'eq', value })),
  });
  const submit = () => searchFormProps.form?.submit();
  const open = (row: ProcedureRow) => go({ to: `/catalog/procedures/${row.id}` });
  const option = (group: string) => (value: string) => ({ value, label: t(`procedures.${group}.${value}`) });

  return (
    <List
      breadcrumb={false}
      headerButtons={
        <Space>
          {canImport && <Button icon={<ImportOutlined />} onClick={() => go({ to: '/catalog/import' })}>{t('catalogImport.menu')}</Button>}
          <NewProcedureButton />
        </Space>
      }
    >
      <Form {...searchFormProps} layout="inline" style={{ marginBottom: 16, rowGap: 12 }} onValuesChange={(changed) => !('search' in changed || 'code' in changed) && submit()}>
        <Form.Item name="search">
          <Input.Search allowClear placeholder={t('procedures.search')} aria-label={t('procedures.search')} onSearch={submit} style={{ width: 340 }} />
        </Form.Item>
        <Form.Item name="code">
          <Input.Search allowClear placeholder={t('procedures.fields.code')} aria-label={t('procedures.fields.code')} onSearch={submit} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="sectorCode">
          <Select allowClear showSearch optionFilterProp="label" placeholder={t('procedures.allSectors')} aria-label={t('procedures.fields.sector')} style={{ width: 240 }}
            options={sectors.map((sector) => ({ value: sector.code, label: language === 'en' ? sector.nameEn : sector.name }))} />
        </Form.Item>
        <Form.Item name="agencyId">
          <AgencySelect allowClear placeholder={t('procedures.allAgencies')} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="channel">
          <Select allowClear placeholder={t('procedures.allChannels')} aria-label={t('procedures.fields.channels')} style={{ width: 160 }} options={CHANNELS.map(option('channel'))} />
        </Form.Item>
        <Form.Item name="onlineMode">
          <Select allowClear placeholder={t('procedures.allOnlineModes')} aria-label={t('procedures.fields.onlineMode')} style={{ width: 190 }} options={ONLINE_MODES.map(option('onlineMode'))} />
        </Form.Item>
        <Form.Item name="statuses">
          <Select allowClear mode="multiple" placeholder={t('procedures.allStatuses')} aria-label={t('procedures.fields.status')} style={{ minWidth: 180 }} options={STATUSES.map(option('status'))} />
        </Form.Item>
      </Form>
      {tableQuery.error && <ErrorAlert error={tableQuery.error} onRetry={() => tableQuery.refetch()} />}
      <Table {...tableProps} rowKey="id" size="middle" onRow={(row) => ({ onClick: () => open(row), style: { cursor: 'pointer' } })}>
        <Table.Column<ProcedureRow> dataIndex="code" title={t('procedures.fields.code')} width={110} />
        <Table.Column<ProcedureRow> dataIndex="name" title={t('procedures.fields.name')} />
        <Table.Column<ProcedureRow> dataIndex="sector" title={t('procedures.fields.sector')} render={(sector: ProcedureRow['sector'], row) => (sector ? (language === 'en' ? sector.nameEn : sector.name) : row.sectorCode)} />
        <Table.Column<ProcedureRow> dataIndex="channels" title={t('procedures.fields.channels')}
          render={(channels: ProcedureRow['channels']) => channels.map((channel) => <Tag key={channel}>{t(`procedures.channel.${channel}`)}</Tag>)} />
        <Table.Column<ProcedureRow> dataIndex="onlineMode" title={t('procedures.fields.onlineMode')} render={(mode: string) => t(`procedures.onlineMode.${mode}`)} />
        <Table.Column<ProcedureRow> dataIndex="status" title={t('procedures.fields.status')}
          render={(status: ProcedureRow['status'], row) => (
            <Space size={4}>
              <StatusTag status={status} />
              {row.draft && status !== 'DRAFT' && <Tag color="gold">{t('procedures.hasDraft', { number: row.draft.number })}</Tag>}
            </Space>
          )} />
      </Table>
    </List>
  );
}
