import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslate } from '@refinedev/core';
import { Button, Card, Checkbox, Form, Input, InputNumber, Space, Typography } from 'antd';

const EMPTY_COMPONENT = { code: '', name: '', templateFile: '', originals: 1, copies: 0, mandatory: true, fromSharedDatabase: false };

/** Dossier components (thành phần hồ sơ) grouped by case (trường hợp). */
export function CasesTab() {
  const t = useTranslate();
  const required = [{ required: true, whitespace: true, message: t('procedures.rules.required') }];
  return (
    <Form.List name="cases">
      {(cases, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {cases.map((item, index) => (
            <Card key={item.key} size="small" data-testid={`case-${index}`}
              title={
                <Space>
                  <Typography.Text type="secondary">{t('procedures.caseN', { n: index + 1 })}</Typography.Text>
                  <Form.Item name={[item.name, 'code']} rules={required} noStyle><Input placeholder={t('procedures.fields.caseCode')} aria-label={t('procedures.fields.caseCode')} style={{ width: 140 }} /></Form.Item>
                  <Form.Item name={[item.name, 'name']} rules={required} noStyle><Input placeholder={t('procedures.fields.caseName')} aria-label={t('procedures.fields.caseName')} style={{ width: 480 }} /></Form.Item>
                </Space>
              }
              extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={t('procedures.removeCase')} onClick={() => remove(item.name)} />}>
              <Form.List name={[item.name, 'components']}>
                {(components, ops) => (
                  <>
                    {components.map((component) => (
                      <Space key={component.key} align="baseline" wrap data-testid="component-row">
                        <Form.Item name={[component.name, 'code']} rules={required}><Input placeholder={t('procedures.fields.componentCode')} aria-label={t('procedures.fields.componentCode')} style={{ width: 110 }} /></Form.Item>
                        <Form.Item name={[component.name, 'name']} rules={required}><Input placeholder={t('procedures.fields.componentName')} aria-label={t('procedures.fields.componentName')} style={{ width: 380 }} /></Form.Item>
                        <Form.Item name={[component.name, 'templateFile']}><Input placeholder={t('procedures.fields.templateFile')} aria-label={t('procedures.fields.templateFile')} style={{ width: 220 }} /></Form.Item>
                        <Form.Item name={[component.name, 'originals']} label={t('procedures.fields.originals')}><InputNumber min={0} style={{ width: 64 }} /></Form.Item>
                        <Form.Item name={[component.name, 'copies']} label={t('procedures.fields.copies')}><InputNumber min={0} style={{ width: 64 }} /></Form.Item>
                        <Form.Item name={[component.name, 'mandatory']} valuePropName="checked"><Checkbox>{t('procedures.fields.mandatory')}</Checkbox></Form.Item>
                        <Form.Item name={[component.name, 'fromSharedDatabase']} valuePropName="checked"><Checkbox>{t('procedures.fields.fromSharedDatabase')}</Checkbox></Form.Item>
                        <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('procedures.removeComponent')} onClick={() => ops.remove(component.name)} />
                      </Space>
                    ))}
                    <Button size="small" icon={<PlusOutlined />} onClick={() => ops.add(EMPTY_COMPONENT)}>{t('procedures.addComponent')}</Button>
                  </>
                )}
              </Form.List>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ code: `TH${cases.length + 1}`, name: '', components: [], formModel: { title: '', fields: [] } })}>{t('procedures.addCase')}</Button>
        </Space>
      )}
    </Form.List>
  );
}
