import { useLocalized } from '@motcua/kernel/admin';
import { useGetIdentity, useTranslate } from '@refinedev/core';
import { Card, Descriptions, Flex, Tag } from 'antd';
import { useAgencyTree } from '../agencies/use-agency-tree';
import { useRoleAssignments, useRoles } from '../roles/use-roles';

interface Identity {
  id: string;
  username: string;
  fullName: string;
  position: string | null;
  agency: { name: string } | null;
}

/** Home-page card: the signed-in user's account, unit and roles with where they apply. */
export default function MyAccountWidget() {
  const t = useTranslate();
  const localized = useLocalized();
  const { data: me } = useGetIdentity<Identity>();
  const tree = useAgencyTree();
  const { byId: rolesById } = useRoles();
  const { assignments, query } = useRoleAssignments(me?.id);
  return (
    <Card title={t('myAccount.title')} loading={!me || query.isLoading} data-testid="my-account">
      <Descriptions column={1} size="small" styles={{ label: { width: 140 } }}>
        <Descriptions.Item label={t('myAccount.username')}>{me?.username}</Descriptions.Item>
        <Descriptions.Item label={t('myAccount.position')}>{me?.position ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('myAccount.unit')}>{me?.agency?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('myAccount.roles')}>
          <Flex vertical gap={4}>
            {assignments.map((assignment) => {
              const role = rolesById.get(assignment.roleId);
              const unit = assignment.unitId ? tree.byId.get(assignment.unitId)?.agency.name : t('assignments.everywhere');
              return (
                <span key={assignment.id}>
                  <Tag color="blue">{role ? localized(role.name, role.nameEn) : '…'}</Tag>
                  {unit}
                  {assignment.includeSubtree && ` (${t('assignments.subtree')})`}
                </span>
              );
            })}
          </Flex>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
