import { PlusOutlined } from '@ant-design/icons';
import { useCan, useLanguage } from '@motcua/kernel/admin';
import { useCustomMutation, useGo, useTranslate } from '@refinedev/core';
import { Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { CREATE_DRAFT } from '../queries';
import { OutcomeAlert } from './OutcomeAlert';
import { useSectors } from './use-sectors';

interface NewProcedure { code: string; name: string; sectorCode: string }

/** Starts a new procedure: its national code, name and sector make the first draft. */
export function NewProcedureButton() {
  const t = useTranslate();
  const go = useGo();
  const language = useLanguage();
  const sectors = useSectors();
  const mayDraft = useCan('catalog.draft');
  const mayPublish = useCan('catalog.publish');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewProcedure>();
  const { mutate, mutation } = useCustomMutation<{ createProcedureDraft: { version: { procedureId: string } } }>();
  const [error, setError] = useState<unknown>();
  if (!mayDraft && !mayPublish) return null;

  const create = ({ code, name, sectorCode }: NewProcedure) => {
    setError(undefined);
    mutate(
      { url: '', method: 'post', values: { input: { code: code.trim(), content: { name: name.trim(), sectorCode } } }, meta: { gqlMutation: CREATE_DRAFT }, successNotification: false, errorNotification: false },
      { onSuccess: ({ data }) => go({ to: `/catalog/procedures/${data.createProcedureDraft.version.procedureId}` }), onError: setError },
    );
  };

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>{t('procedures.titles.create')}</Button>
      <Modal open={open} title={t('procedures.titles.create')} okText={t('procedures.create')} cancelText={t('buttons.cancel')}
        onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={mutation.isPending} destroyOnHidden>
        <Form form={form} name="newProcedure" layout="vertical" onFinish={create}>
          <Form.Item name="code" label={t('procedures.fields.code')} extra={t('procedures.codeHint')}
            rules={[{ required: true, pattern: /^\d\.\d{6}$/, message: t('procedures.rules.code') }]}>
            <Input placeholder="1.001234" />
          </Form.Item>
          <Form.Item name="name" label={t('procedures.fields.name')} rules={[{ required: true, whitespace: true, message: t('procedures.rules.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="sectorCode" label={t('procedures.fields.sector')} rules={[{ required: true, message: t('procedures.rules.required') }]}>
            <Select showSearch optionFilterProp="label" options={sectors.map((sector) => ({ value: sector.code, label: language === 'en' ? sector.nameEn : sector.name }))} />
          </Form.Item>
        </Form>
        {error !== undefined && <OutcomeAlert error={error} />}
      </Modal>
    </>
  );
}
