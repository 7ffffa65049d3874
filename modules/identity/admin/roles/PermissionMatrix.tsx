import { ErrorAlert, grantsAllow, type UnitRef, useGrants, useLocalized } from '@motcua/kernel/admin';
import { useTranslate } from '@refinedev/core';
import { Card, Checkbox, Flex, Table, Tooltip, Typography } from 'antd';
import type { PermissionRecord } from './queries';
import { usePermissionCatalog } from './use-roles';

interface PermissionMatrixProps {
  value?: string[];
  onChange?: (value: string[]) => void;
  /** The role's agency: only permissions the user holds there can be given. */
  scope?: UnitRef;
}

/**
 * Permissions grouped by subject — the part of the key before the dot (`staff.create` →
 * `staff`) — keeping the catalogue's order. Each module's plugin names its subjects under
 * `permissionGroups.<subject>` in its messages.
 */
export function bySubject(permissions: readonly PermissionRecord[]): Array<[string, PermissionRecord[]]> {
  const groups = new Map<string, PermissionRecord[]>();
  for (const permission of permissions) {
    const subject = permission.key.split('.')[0];
    groups.set(subject, [...(groups.get(subject) ?? []), permission]);
  }
  return [...groups];
}

/** The name of a permission subject in the current language (the subject itself when no plugin names it). */
export function usePermissionGroupName(): (subject: string) => string {
  const t = useTranslate();
  return (subject) => t(`permissionGroups.${subject}`, subject);
}

/**
 * The role editor's permissions: one checkbox per permission, grouped by subject with a
 * select-all per group. Permissions the user does not hold cannot be ticked (the server
 * refuses to give them anyway).
 */
export function PermissionMatrix({ value = [], onChange, scope }: PermissionMatrixProps) {
  const t = useTranslate();
  const groupName = usePermissionGroupName();
  const localized = useLocalized();
  const grants = useGrants();
  const { permissions, query } = usePermissionCatalog();
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  const held = (key: string) => grantsAllow(grants, key, scope);
  /** Replaces the chosen permissions of one group, keeping the others. */
  const choose = (group: PermissionRecord[], chosen: string[]) => {
    const keys = new Set(group.map((permission) => permission.key));
    onChange?.([...value.filter((key) => !keys.has(key)), ...chosen]);
  };
  return (
    <Flex vertical gap={12}>
      {bySubject(permissions).map(([subject, group]) => {
        const chosen = group.filter((permission) => value.includes(permission.key)).map((permission) => permission.key);
        const choosable = group.filter((permission) => held(permission.key)).map((permission) => permission.key);
        const title = (
          <Checkbox
            checked={chosen.length > 0 && chosen.length === group.length}
            indeterminate={chosen.length > 0 && chosen.length < group.length}
            disabled={choosable.length === 0}
            onChange={(event) => choose(group, event.target.checked ? choosable : [])}
            aria-label={`${t('roles.matrix.selectAll')}: ${groupName(subject)}`}
          >
            {groupName(subject)}
          </Checkbox>
        );
        return (
          <Card key={subject} size="small" title={title} styles={{ body: { padding: 0 } }}>
            <Table<PermissionRecord>
              size="small"
              rowKey="key"
              showHeader={false}
              pagination={false}
              loading={query.isLoading}
              dataSource={group}
              rowSelection={{
                selectedRowKeys: chosen,
                onChange: (selected) => choose(group, selected.map(String)),
                getCheckboxProps: (permission) => ({ disabled: !held(permission.key), 'aria-label': localized(permission.label, permission.labelEn) }),
              }}
              columns={[
                {
                  key: 'label',
                  render: (_, permission) => (
                    <Tooltip title={held(permission.key) ? undefined : t('roles.matrix.notHeld')}>
                      <Typography.Text disabled={!held(permission.key)}>{localized(permission.label, permission.labelEn)}</Typography.Text>
                    </Tooltip>
                  ),
                },
                { key: 'key', dataIndex: 'key', width: 240, render: (key: string) => <Typography.Text type="secondary" code>{key}</Typography.Text> },
              ]}
            />
          </Card>
        );
      })}
    </Flex>
  );
}
