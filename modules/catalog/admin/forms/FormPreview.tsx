import { useTranslate } from '@refinedev/core';
import { Button, Checkbox, Empty, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import type { JsonObject } from './form-model';

interface Props {
  form: { schema: JsonObject; uiSchema: JsonObject } | null;
}

function widgetFor(property: JsonObject, widget: string | undefined) {
  if (Array.isArray(property.enum) && widget === 'radio') return <Radio.Group options={property.enum.map((value) => ({ value: String(value), label: String(value) }))} />;
  if (Array.isArray(property.enum)) return <Select allowClear options={property.enum.map((value) => ({ value: String(value), label: String(value) }))} />;
  if (property.type === 'boolean') return <Checkbox />;
  if (property.type === 'number' || property.type === 'integer') return <InputNumber style={{ width: '100%' }} precision={property.type === 'integer' ? 0 : undefined} />;
  if (property.format === 'date' || widget === 'date') return <Input type="date" />;
  if (widget === 'textarea') return <Input.TextArea autoSize={{ minRows: 2 }} />;
  return <Input />;
}

/**
 * The e-form as an applicant would see it, rendered from the JSON Schema and UI hints the
 * server stores (so the preview shows exactly what is saved). "Check" runs the required rules.
 */
export function FormPreview({ form }: Props) {
  const t = useTranslate();
  const [preview] = Form.useForm();
  if (!form) return <Empty description={t('procedures.form.emptyPreview')} />;
  const properties = (form.schema.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((form.schema.required ?? []) as string[]);
  const ui = form.uiSchema as Record<string, any>;
  const order: string[] = Array.isArray(ui['ui:order']) ? ui['ui:order'] : Object.keys(properties);
  return (
    // component={false}: the preview sits inside the editor's own <form>.
    <Form form={preview} component={false} layout="vertical" disabled={false}>
      {typeof form.schema.title === 'string' && <Typography.Title level={5}>{form.schema.title}</Typography.Title>}
      {order.filter((name) => properties[name]).map((name) => {
        const property = properties[name];
        const checkbox = property.type === 'boolean';
        return (
          <Form.Item key={name} name={name} label={String(property.title ?? name)} valuePropName={checkbox ? 'checked' : 'value'}
            rules={required.has(name) ? [{ required: true, message: t('procedures.rules.required') }] : []}>
            {widgetFor(property, ui[name]?.['ui:widget'])}
          </Form.Item>
        );
      })}
      <Button onClick={() => preview.validateFields().catch(() => undefined)}>{t('procedures.form.check')}</Button>
    </Form>
  );
}
