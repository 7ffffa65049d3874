import { useTranslate } from '@refinedev/core';
import { Form, Input } from 'antd';
import type { Rule } from 'antd/es/form';
import { UnitTreeSelect } from '../agencies/UnitTreeSelect';

/** Masked values (`********01`) are shown as they are and not validated; unchanged, they are not sent. */
const isMasked = (value: unknown) => typeof value === 'string' && value.includes('*');

/** The fields of a staff form; `create` adds the username and initial password. */
export function StaffFormFields({ mode }: { mode: 'create' | 'edit' }) {
  const t = useTranslate();
  const form = Form.useFormInstance();
  const maskedHint = (value: unknown) => (isMasked(value) ? t('staff.masked') : undefined);
  const phone = Form.useWatch('phone', form);
  const personalId = Form.useWatch('personalId', form);
  const unmaskedPattern = (pattern: RegExp, message: string): Rule => ({
    validator: async (_rule, value) => {
      if (!value || isMasked(value) || pattern.test(String(value).replace(/[\s.-]/g, ''))) return;
      throw new Error(message);
    },
  });
  return (
    <>
      <Form.Item name="fullName" label={t('staff.fields.fullName')} rules={[{ required: true, whitespace: true, message: t('staff.rules.fullNameRequired') }]}>
        <Input maxLength={200} />
      </Form.Item>
      {mode === 'create' && (
        <>
          <Form.Item
            name="username"
            label={t('staff.fields.username')}
            rules={[{ required: true, message: t('staff.rules.usernameRequired') }, { pattern: /^[a-z0-9._-]{3,50}$/, message: t('staff.rules.usernamePattern') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('staff.fields.password')}
            rules={[{ required: true, message: t('staff.rules.passwordRequired') }, { pattern: /^(?=.*[A-Za-z])(?=.*\d).{8,200}$/, message: t('staff.rules.passwordPattern') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </>
      )}
      <Form.Item name="unitId" label={t('staff.fields.unit')} rules={[{ required: true, message: t('staff.rules.unitRequired') }]}>
        <UnitTreeSelect permission={mode === 'create' ? 'staff.create' : 'staff.update'} />
      </Form.Item>
      <Form.Item name="position" label={t('staff.fields.position')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="email" label={t('staff.fields.email')} rules={[{ type: 'email', message: t('staff.rules.email') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="phone" label={t('staff.fields.phone')} extra={maskedHint(phone)} rules={[unmaskedPattern(/^(\+84|0)\d{9,10}$/, t('staff.rules.phone'))]}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="personalId" label={t('staff.fields.personalId')} extra={maskedHint(personalId)} rules={[unmaskedPattern(/^(\d{9}|\d{12})$/, t('staff.rules.personalId'))]}>
        <Input maxLength={12} />
      </Form.Item>
      {mode === 'edit' && (
        <Form.Item name="version" hidden>
          <Input />
        </Form.Item>
      )}
    </>
  );
}
