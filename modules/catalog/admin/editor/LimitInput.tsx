import { useTranslate } from '@refinedev/core';
import { Form, InputNumber, Select, Space } from 'antd';
import { LIMIT_UNITS } from '../queries';

type Path = Array<string | number>;

/** A time limit `{ value, unit }` at `name` in the surrounding form. */
export function LimitInput({ name, required = false }: { name: Path; required?: boolean }) {
  const t = useTranslate();
  const rules = required ? [{ required: true, message: t('procedures.rules.required') }] : [];
  return (
    <Space.Compact>
      <Form.Item name={[...name, 'value']} rules={rules} noStyle>
        <InputNumber min={0} step={1} aria-label={t('procedures.fields.limitValue')} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item name={[...name, 'unit']} rules={rules} noStyle>
        <Select aria-label={t('procedures.fields.limitUnit')} style={{ width: 190 }} options={LIMIT_UNITS.map((u) => ({ value: u, label: t(`procedures.limitUnit.${u}`) }))} />
      </Form.Item>
    </Space.Compact>
  );
}
