import { foldVietnamese } from '@motcua/kernel/admin';
import { useTranslate } from '@refinedev/core';
import { Form, Input } from 'antd';
import { useEffect } from 'react';
import { UnitTreeSelect } from '../agencies/UnitTreeSelect';
import { useAgencyTree } from '../agencies/use-agency-tree';
import { PermissionMatrix } from './PermissionMatrix';

/** A role key suggested from its name: `Cán bộ một cửa` → `can-bo-mot-cua`. */
const keyFrom = (name: string) => foldVietnamese(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100);

/**
 * The fields of a role form. `create` adds the key (suggested from the name) and the owning
 * agency; the permission matrix offers what the user holds there.
 */
export function RoleFormFields({ mode, agencyId }: { mode: 'create' | 'edit'; agencyId?: string | null }) {
  const t = useTranslate();
  const form = Form.useFormInstance();
  const tree = useAgencyTree();
  const name: string | undefined = Form.useWatch('name', form);
  const chosenAgencyId: string | undefined = Form.useWatch('agencyId', form);
  const owner = mode === 'create' ? chosenAgencyId : agencyId;

  useEffect(() => {
    if (mode === 'create' && name !== undefined && !form.isFieldTouched('key')) form.setFieldValue('key', keyFrom(name));
  }, [mode, name, form]);

  return (
    <>
      <Form.Item name="name" label={t('roles.fields.name')} rules={[{ required: true, whitespace: true, message: t('roles.rules.nameRequired') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="nameEn" label={t('roles.fields.nameEn')}>
        <Input maxLength={200} />
      </Form.Item>
      {mode === 'create' && (
        <>
          <Form.Item
            name="key"
            label={t('roles.fields.key')}
            rules={[{ required: true, message: t('roles.rules.keyRequired') }, { pattern: /^[a-z0-9_.-]{2,100}$/, message: t('roles.rules.keyPattern') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="agencyId" label={t('roles.fields.agency')} rules={[{ required: true, message: t('roles.rules.agencyRequired') }]}>
            <UnitTreeSelect permission="role.manage" />
          </Form.Item>
        </>
      )}
      <Form.Item name="description" label={t('roles.fields.description')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item
        name="permissions"
        label={t('roles.fields.permissions')}
        rules={[{ required: true, type: 'array', min: 1, message: t('roles.rules.permissionsRequired') }]}
      >
        <PermissionMatrix scope={owner ? tree.byId.get(owner) : undefined} />
      </Form.Item>
      {mode === 'edit' && (
        <Form.Item name="version" hidden>
          <Input />
        </Form.Item>
      )}
    </>
  );
}
