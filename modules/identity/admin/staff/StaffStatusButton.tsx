import { useCan } from '@motcua/kernel/admin';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useCustomMutation, useTranslate } from '@refinedev/core';
import { Button, Popconfirm } from 'antd';
import { DISABLE_STAFF, ENABLE_STAFF, type StaffRecord } from './queries';

/** Disables an active account (signing it out at once) or enables a disabled one. */
export function StaffStatusButton({ staff, onChanged }: { staff: StaffRecord; onChanged: () => void }) {
  const t = useTranslate();
  const canUpdate = useCan('staff.update');
  const { mutate, mutation } = useCustomMutation();
  if (!canUpdate) return null;
  const disabling = staff.status === 'ACTIVE';
  const change = () =>
    mutate(
      {
        url: '',
        method: 'post',
        values: { input: { id: staff.id } },
        meta: { gqlMutation: disabling ? DISABLE_STAFF : ENABLE_STAFF },
        successNotification: { type: 'success', message: t(disabling ? 'staff.disabled' : 'staff.enabled', { name: staff.fullName }) },
      },
      { onSuccess: onChanged },
    );
  return (
    <Popconfirm
      title={t(disabling ? 'staff.disableConfirm' : 'staff.enableConfirm', { name: staff.fullName })}
      okText={t(disabling ? 'staff.disable' : 'staff.enable')}
      cancelText={t('buttons.cancel')}
      okButtonProps={{ danger: disabling }}
      onConfirm={change}
    >
      <Button size="small" danger={disabling} loading={mutation.isPending} icon={disabling ? <LockOutlined /> : <UnlockOutlined />} title={t(disabling ? 'staff.disable' : 'staff.enable')} />
    </Popconfirm>
  );
}
