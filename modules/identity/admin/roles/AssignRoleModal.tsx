import { ALL_PERMISSIONS, grantsAllow, useGrants, useLocalized } from '@motcua/kernel/admin';
import { useCustomMutation, useTranslate } from '@refinedev/core';
import { Checkbox, Form, Modal, Select } from 'antd';
import { UnitTreeSelect } from '../agencies/UnitTreeSelect';
import type { StaffRecord } from '../staff/queries';
import { ASSIGN_ROLE } from './queries';
import { useRoles } from './use-roles';

interface AssignmentValues {
  roleId: string;
  unitId: string;
  includeSubtree: boolean;
}

/** Gives a staff member a role in a unit (by default their own), optionally with the units below. */
export function AssignRoleModal({ staff, onClose, onAssigned }: { staff: StaffRecord; onClose: () => void; onAssigned: () => void }) {
  const t = useTranslate();
  const localized = useLocalized();
  const [form] = Form.useForm<AssignmentValues>();
  const { roles } = useRoles();
  const systemAdmin = grantsAllow(useGrants(), ALL_PERMISSIONS);
  const { mutate, mutation } = useCustomMutation();
  const assignable = roles.filter((role) => systemAdmin || !role.permissions.includes(ALL_PERMISSIONS));
  const assign = (input: AssignmentValues) =>
    mutate(
      {
        url: '',
        method: 'post',
        values: { input: { ...input, userId: staff.id } },
        meta: { gqlMutation: ASSIGN_ROLE },
        successNotification: { type: 'success', message: t('assignments.assigned') },
      },
      { onSuccess: onAssigned },
    );
  return (
    <Modal
      open
      title={`${t('assignments.assign')} — ${staff.fullName}`}
      okText={t('assignments.assign')}
      cancelText={t('buttons.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<AssignmentValues> form={form} layout="vertical" initialValues={{ unitId: staff.unitId, includeSubtree: false }} onFinish={assign}>
        <Form.Item name="roleId" label={t('assignments.fields.role')} rules={[{ required: true, message: t('assignments.rules.roleRequired') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={assignable.map((role) => ({ value: role.id, label: localized(role.name, role.nameEn) }))}
          />
        </Form.Item>
        <Form.Item name="unitId" label={t('assignments.fields.unit')} rules={[{ required: true, message: t('assignments.rules.unitRequired') }]}>
          <UnitTreeSelect permission="roleAssignment.manage" />
        </Form.Item>
        <Form.Item name="includeSubtree" valuePropName="checked">
          <Checkbox>{t('assignments.fields.includeSubtree')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
