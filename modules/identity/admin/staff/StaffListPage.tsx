import { ErrorAlert } from '@motcua/kernel/admin';
import { CreateButton, EditButton, List, useTable } from '@refinedev/antd';
import { type HttpError, useTranslate } from '@refinedev/core';
import { Form, Input, Select, Space, Table, Tag } from 'antd';
import { UnitTreeSelect } from '../agencies/UnitTreeSelect';
import { STAFF_LIST, type StaffRecord } from './queries';
import { StaffStatusButton } from './StaffStatusButton';

/** The search form's fields, which are the server's `StaffFilter` fields. */
interface StaffSearch {
  search?: string;
  withinId?: string;
  status?: StaffRecord['status'];
}

/** Staff of the units the user may see: search, filter by unit and status, sort, page. */
export default function StaffListPage() {
  const t = useTranslate();
  const { tableProps, searchFormProps, tableQuery } = useTable<StaffRecord, HttpError, StaffSearch>({
    resource: 'staff',
    meta: { gqlQuery: STAFF_LIST },
    sorters: { initial: [{ field: 'fullName', order: 'asc' }] },
    syncWithLocation: true,
    onSearch: (values) => Object.entries(values).map(([field, value]) => ({ field, operator: 'eq', value })),
  });
  const submit = () => searchFormProps.form?.submit();

  return (
    <List breadcrumb={false} headerButtons={<CreateButton>{t('staff.titles.create')}</CreateButton>}>
      <Form {...searchFormProps} layout="inline" style={{ marginBottom: 16, rowGap: 12 }} onValuesChange={(changed) => !('search' in changed) && submit()}>
        <Form.Item name="search">
          <Input.Search allowClear placeholder={t('staff.search')} aria-label={t('staff.search')} onSearch={submit} style={{ width: 320 }} />
        </Form.Item>
        <Form.Item name="withinId">
          <UnitTreeSelect allowClear placeholder={t('staff.allUnits')} />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('staff.allStatuses')}
            options={['ACTIVE', 'DISABLED'].map((status) => ({ value: status, label: t(`staff.status.${status}`) }))}
            style={{ width: 180 }}
          />
        </Form.Item>
      </Form>
      {tableQuery.error && <ErrorAlert error={tableQuery.error} onRetry={() => tableQuery.refetch()} />}
      <Table {...tableProps} rowKey="id" size="middle">
        <Table.Column<StaffRecord> dataIndex="fullName" title={t('staff.fields.fullName')} sorter />
        <Table.Column<StaffRecord> dataIndex="username" title={t('staff.fields.username')} sorter />
        <Table.Column<StaffRecord> dataIndex="position" title={t('staff.fields.position')} />
        <Table.Column<StaffRecord> dataIndex={['unit', 'name']} title={t('staff.fields.unit')} />
        <Table.Column<StaffRecord>
          dataIndex="status"
          title={t('staff.fields.status')}
          render={(status: StaffRecord['status'], staff) => (
            <Space size={4}>
              <Tag color={status === 'ACTIVE' ? 'green' : 'red'}>{t(`staff.status.${status}`)}</Tag>
              {staff.lockedUntil && new Date(staff.lockedUntil) > new Date() && <Tag color="orange">{t('staff.locked')}</Tag>}
            </Space>
          )}
        />
        <Table.Column<StaffRecord>
          title={t('staff.fields.actions')}
          render={(_, staff) => (
            <Space>
              <EditButton hideText size="small" recordItemId={staff.id} />
              <StaffStatusButton staff={staff} onChanged={() => tableQuery.refetch()} />
            </Space>
          )}
        />
      </Table>
    </List>
  );
}
