import { useTranslate } from '@refinedev/core';
import { Form, Input, Select, Switch } from 'antd';
import type { AgencyKind } from './use-agency-tree';

const KINDS: AgencyKind[] = ['MINISTRY', 'PROVINCE', 'DEPARTMENT', 'SERVICE_CENTER', 'UNIT', 'COMMUNE'];
/** As the server checks it: letters, digits, dots and dashes (QCVN 102:2016 and older forms). */
const CODE = /^[A-Za-z0-9][A-Za-z0-9.-]{1,48}$/;

/** The fields of an agency form; `edit` adds the status and the version being edited. */
export function AgencyFormFields({ mode }: { mode: 'create' | 'edit' }) {
  const t = useTranslate();
  return (
    <>
      <Form.Item name="name" label={t('agencies.fields.name')} rules={[{ required: true, whitespace: true, message: t('agencies.rules.nameRequired') }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="shortName" label={t('agencies.fields.shortName')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('agencies.fields.code')}
        rules={[{ required: true, message: t('agencies.rules.codeRequired') }, { pattern: CODE, message: t('agencies.rules.codePattern') }]}
      >
        <Input placeholder="000.01.10.H56" />
      </Form.Item>
      <Form.Item name="kind" label={t('agencies.fields.kind')} rules={[{ required: true, message: t('agencies.rules.kindRequired') }]}>
        <Select options={KINDS.map((kind) => ({ value: kind, label: t(`agencies.kinds.${kind}`) }))} />
      </Form.Item>
      <Form.Item name="address" label={t('agencies.fields.address')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="phone" label={t('agencies.fields.phone')}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="email" label={t('agencies.fields.email')} rules={[{ type: 'email', message: t('staff.rules.email') }]}>
        <Input maxLength={200} />
      </Form.Item>
      {mode === 'edit' && (
        <>
          <Form.Item name="active" label={t('agencies.fields.active')} valuePropName="checked">
            <Switch checkedChildren={t('agencies.active')} unCheckedChildren={t('agencies.inactive')} />
          </Form.Item>
          <Form.Item name="version" hidden>
            <Input />
          </Form.Item>
        </>
      )}
    </>
  );
}
