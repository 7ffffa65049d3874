import { ALL_PERMISSIONS, useLocalized } from '@motcua/kernel/admin';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslate } from '@refinedev/core';
import { Card, Table, Tooltip } from 'antd';
import { bySubject, usePermissionGroupName } from './PermissionMatrix';
import type { PermissionRecord, RoleRecord } from './queries';
import { usePermissionCatalog } from './use-roles';

/** A row of the overview: a subject's heading or a permission. */
type Row = { key: string; heading: string } | (PermissionRecord & { heading?: undefined });

/** Read-only matrix of every permission (rows) against every role (columns). */
export function PermissionOverview({ roles }: { roles: readonly RoleRecord[] }) {
  const t = useTranslate();
  const localized = useLocalized();
  const groupName = usePermissionGroupName();
  const { permissions, query } = usePermissionCatalog();
  const rows: Row[] = bySubject(permissions).flatMap(([subject, group]) => [{ key: `subject:${subject}`, heading: groupName(subject) }, ...group]);
  const holds = (role: RoleRecord, key: string) => role.permissions.includes(ALL_PERMISSIONS) || role.permissions.includes(key);
  return (
    <Card title={t('roles.matrix.title')} styles={{ body: { padding: 0 } }}>
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        loading={query.isLoading}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'permission',
            fixed: 'left',
            width: 280,
            title: t('roles.fields.permissions'),
            onCell: (row) => (row.heading ? { colSpan: roles.length + 1, style: { background: '#fafafa', fontWeight: 600 } } : {}),
            render: (_, row) => row.heading ?? localized(row.label, row.labelEn),
          },
          ...roles.map((role) => ({
            key: role.id,
            align: 'center' as const,
            title: <Tooltip title={role.key}>{localized(role.name, role.nameEn)}</Tooltip>,
            onCell: (row: Row) => (row.heading ? { colSpan: 0 } : {}),
            render: (_: unknown, row: Row) => (!row.heading && holds(role, row.key) ? <CheckOutlined style={{ color: '#2e7d32' }} /> : null),
          })),
        ]}
      />
    </Card>
  );
}
