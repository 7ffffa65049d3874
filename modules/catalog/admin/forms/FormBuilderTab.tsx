import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslate } from '@refinedev/core';
import { Button, Card, Checkbox, Col, Empty, Form, Input, Row, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import type { EditorValues } from '../editor/content';
import { EDITABLE_KINDS, type FieldKind, type FormField, type FormModel, formOf, nameFromLabel } from './form-model';
import { FormPreview } from './FormPreview';

/**
 * The e-form of each case, edited as a list of fields (label, property name, kind, required,
 * choices) next to a live preview of the rendered form and the JSON it produces.
 */
export function FormBuilderTab({ disabled }: { disabled: boolean }) {
  const t = useTranslate();
  // Paths into the editor's values are built at run time (case index), hence the untyped instance.
  const form = Form.useFormInstance();
  const cases: EditorValues['cases'] = Form.useWatch('cases', form) ?? [];
  const [chosen, setChosen] = useState(0);
  const index = Math.min(chosen, Math.max(cases.length - 1, 0));
  const model: FormModel | undefined = Form.useWatch(['cases', index, 'formModel'], form);
  if (!cases.length) return <Empty description={t('procedures.form.noCases')} />;
  const stored = formOf(model ?? { title: '', fields: [] });

  const fieldsPath: Array<string | number> = ['cases', index, 'formModel', 'fields'];
  const nameFromLabelIfEmpty = (row: number) => {
    const field: FormField | undefined = form.getFieldValue([...fieldsPath, row]);
    if (field && !field.name?.trim() && field.label?.trim()) form.setFieldValue([...fieldsPath, row, 'name'], nameFromLabel(field.label));
  };

  return (
    <Row gutter={24}>
      <Col span={14}>
        <Space style={{ marginBottom: 12 }}>
          <Typography.Text>{t('procedures.form.case')}</Typography.Text>
          <Select aria-label={t('procedures.form.case')} value={index} onChange={setChosen} style={{ width: 420 }}
            options={cases.map((item, i) => ({ value: i, label: `${item?.code ?? ''} — ${item?.name ?? ''}` }))} />
        </Space>
        <Form.Item name={['cases', index, 'formModel', 'title']} label={t('procedures.form.title')}><Input /></Form.Item>
        <Form.List name={fieldsPath}>
          {(fields, { add, remove, move }) => (
            <Space direction="vertical" style={{ width: '100%' }} data-testid="form-fields">
              {fields.map((field, row) => {
                const kind: FieldKind | undefined = form.getFieldValue([...fieldsPath, field.name, 'kind']);
                return (
                  <Card key={field.key} size="small" data-testid="form-field"
                    extra={
                      <Space>
                        <Form.Item name={[field.name, 'required']} valuePropName="checked" noStyle><Checkbox>{t('procedures.form.required')}</Checkbox></Form.Item>
                        <Button size="small" icon={<ArrowUpOutlined />} aria-label={t('procedures.form.up')} disabled={row === 0} onClick={() => move(row, row - 1)} />
                        <Button size="small" icon={<ArrowDownOutlined />} aria-label={t('procedures.form.down')} disabled={row === fields.length - 1} onClick={() => move(row, row + 1)} />
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('procedures.form.remove')} onClick={() => remove(field.name)} />
                      </Space>
                    }>
                    <Space wrap align="baseline">
                      <Form.Item name={[field.name, 'label']} rules={[{ required: true, whitespace: true, message: t('procedures.rules.required') }]}>
                        <Input placeholder={t('procedures.form.label')} aria-label={t('procedures.form.label')} style={{ width: 230 }} onBlur={() => nameFromLabelIfEmpty(field.name)} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'name']} rules={[{ required: true, pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, message: t('procedures.form.nameRule') }]}>
                        <Input placeholder={t('procedures.form.name')} aria-label={t('procedures.form.name')} style={{ width: 150 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'kind']}>
                        <Select aria-label={t('procedures.form.kind')} style={{ width: 150 }} disabled={kind === 'other'}
                          options={(kind === 'other' ? ['other' as const] : EDITABLE_KINDS).map((k) => ({ value: k, label: t(`procedures.form.kinds.${k}`) }))} />
                      </Form.Item>
                    </Space>
                    {kind === 'select' && (
                      <Form.Item name={[field.name, 'options']} label={t('procedures.form.options')} extra={t('procedures.tagsHint')}>
                        <Select mode="tags" aria-label={t('procedures.form.options')} />
                      </Form.Item>
                    )}
                  </Card>
                );
              })}
              <Button icon={<PlusOutlined />} disabled={disabled} onClick={() => add({ name: '', label: '', kind: 'text', required: false })}>{t('procedures.form.addField')}</Button>
            </Space>
          )}
        </Form.List>
      </Col>
      <Col span={10}>
        <Card size="small" data-testid="form-preview">
          <Tabs items={[
            { key: 'preview', label: t('procedures.form.preview'), children: <FormPreview form={stored} /> },
            { key: 'json', label: t('procedures.form.json'), children: <pre data-testid="form-json" style={{ fontSize: 12, maxHeight: 520, overflow: 'auto' }}>{JSON.stringify(stored, null, 2)}</pre> },
          ]} />
        </Card>
      </Col>
    </Row>
  );
}
