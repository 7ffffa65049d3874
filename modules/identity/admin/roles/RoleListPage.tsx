import { ALL_PERMISSIONS, ErrorAlert, useLocalized } from '@motcua/kernel/admin';
import { CreateButton, DeleteButton, EditButton, List } from '@refinedev/antd';
import { useTranslate } from '@refinedev/core';
import { Flex, Space, Table, Tag, Typography } from 'antd';
import { useAgencyTree } from '../agencies/use-agency-tree';
import { PermissionOverview } from './PermissionOverview';
import { DELETE_ROLE, type RoleRecord } from './queries';
import { useRoles } from './use-roles';

/** Built-in and custom roles, then the permission matrix of them all. */
export default function RoleListPage() {
  const t = useTranslate();
  const localized = useLocalized();
  const tree = useAgencyTree();
  const { roles, query } = useRoles();
  return (
    <Flex vertical gap={16}>
      <List breadcrumb={false} headerButtons={<CreateButton>{t('roles.titles.create')}</CreateButton>}>
        {query.error && <ErrorAlert error={query.error} onRetry={() => query.refetch()} />}
        <Table<RoleRecord> dataSource={roles} loading={query.isLoading} rowKey="id" size="middle" pagination={{ pageSize: 20, hideOnSinglePage: true }}>
          <Table.Column<RoleRecord>
            title={t('roles.fields.name')}
            render={(_, role) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{localized(role.name, role.nameEn)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{role.key}</Typography.Text>
              </Space>
            )}
          />
          <Table.Column<RoleRecord>
            title={t('roles.fields.kind')}
            render={(_, role) => (role.builtIn ? <Tag color="blue">{t('roles.builtIn')}</Tag> : <Tag color="purple">{t('roles.custom')}</Tag>)}
          />
          <Table.Column<RoleRecord> title={t('roles.fields.agency')} render={(_, role) => (role.agencyId ? tree.byId.get(role.agencyId)?.agency.name : '—')} />
          <Table.Column<RoleRecord>
            title={t('roles.fields.permissions')}
            render={(_, role) =>
              role.permissions.includes(ALL_PERMISSIONS) ? <Tag color="gold">{t('roles.allPermissions')}</Tag> : t('roles.permissionCount', { count: role.permissions.length })
            }
          />
          <Table.Column<RoleRecord>
            title={t('roles.fields.actions')}
            render={(_, role) =>
              !role.builtIn && (
                <Space>
                  <EditButton hideText size="small" recordItemId={role.id} />
                  <DeleteButton
                    hideText
                    size="small"
                    recordItemId={role.id}
                    meta={{ gqlMutation: DELETE_ROLE }}
                    confirmTitle={t('roles.deleteConfirm', { name: localized(role.name, role.nameEn) })}
                  />
                </Space>
              )
            }
          />
        </Table>
      </List>
      <PermissionOverview roles={roles} />
    </Flex>
  );
}
