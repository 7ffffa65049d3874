import { ErrorAlert, useCan, useLocalized } from '@motcua/kernel/admin';
import { PlusOutlined } from '@ant-design/icons';
import { useCustomMutation, useTranslate } from '@refinedev/core';
import { Button, Card, Popconfirm, Table } from 'antd';
import { useState } from 'react';
import { useAgencyTree } from '../agencies/use-agency-tree';
import type { StaffRecord } from '../staff/queries';
import { AssignRoleModal } from './AssignRoleModal';
import { REVOKE_ROLE_ASSIGNMENT, type RoleAssignmentRecord } from './queries';
import { useRoleAssignments, useRoles } from './use-roles';

/** A staff member's roles, where they apply; assign and revoke for those who manage assignments. */
export function RoleAssignmentsCard({ staff }: { staff: StaffRecord }) {
  const t = useTranslate();
  const localized = useLocalized();
  const tree = useAgencyTree();
  const { byId: rolesById } = useRoles();
  const { assignments, query } = useRoleAssignments(staff.id);
  const canAssign = useCan('roleAssignment.manage');
  const [assigning, setAssigning] = useState(false);
  const { mutate: revoke } = useCustomMutation();
  const roleName = (assignment: RoleAssignmentRecord) => {
    const role = rolesById.get(assignment.roleId);
    return role ? localized(role.name, role.nameEn) : assignment.roleId;
  };
  const unitName = (assignment: RoleAssignmentRecord) =>
    assignment.unitId ? (tree.byId.get(assignment.unitId)?.agency.name ?? assignment.unitId) : t('assignments.everywhere');
  const revokeOne = (assignment: RoleAssignmentRecord) =>
    revoke(
      {
        url: '',
        method: 'post',
        values: { input: { id: assignment.id } },
        meta: { gqlMutation: REVOKE_ROLE_ASSIGNMENT },
        successNotification: { type: 'success', message: t('assignments.revoked') },
      },
      { onSuccess: () => query.refetch() },
    );

  return (
    <Card
      title={t('assignments.title')}
      extra={canAssign && <Button icon={<PlusOutlined />} onClick={() => setAssigning(true)}>{t('assignments.assign')}</Button>}
    >
      {query.error && <ErrorAlert error={query.error} onRetry={() => query.refetch()} />}
      <Table<RoleAssignmentRecord> dataSource={assignments} loading={query.isLoading} rowKey="id" size="small" pagination={false} locale={{ emptyText: t('assignments.empty') }}>
        <Table.Column<RoleAssignmentRecord> title={t('assignments.fields.role')} render={(_, assignment) => roleName(assignment)} />
        <Table.Column<RoleAssignmentRecord> title={t('assignments.fields.unit')} render={(_, assignment) => unitName(assignment)} />
        <Table.Column<RoleAssignmentRecord>
          title={t('assignments.fields.scope')}
          render={(_, assignment) => (assignment.unitId ? t(assignment.includeSubtree ? 'assignments.subtree' : 'assignments.unitOnly') : '')}
        />
        {canAssign && (
          <Table.Column<RoleAssignmentRecord>
            title={t('assignments.fields.actions')}
            render={(_, assignment) => (
              <Popconfirm
                title={t('assignments.revokeConfirm', { role: roleName(assignment), unit: unitName(assignment) })}
                okText={t('assignments.revoke')}
                cancelText={t('buttons.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => revokeOne(assignment)}
              >
                <Button size="small" danger>{t('assignments.revoke')}</Button>
              </Popconfirm>
            )}
          />
        )}
      </Table>
      {assigning && (
        <AssignRoleModal
          staff={staff}
          onClose={() => setAssigning(false)}
          onAssigned={() => {
            setAssigning(false);
            void query.refetch();
          }}
        />
      )}
    </Card>
  );
}
