import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslate } from '@refinedev/core';
import { Button, Card, Col, Form, Input, Row, Space } from 'antd';

/** The legal basis: number, title, issuer, issue and effective dates of each document. */
export function LegalBasisTab() {
  const t = useTranslate();
  const required = [{ required: true, whitespace: true, message: t('procedures.rules.required') }];
  return (
    <Form.List name="legalBasis">
      {(laws, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {laws.map((law) => (
            <Card key={law.key} size="small" extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={t('buttons.delete')} onClick={() => remove(law.name)} />}>
              <Row gutter={12}>
                <Col span={6}><Form.Item name={[law.name, 'number']} label={t('procedures.fields.lawNumber')} rules={required}><Input /></Form.Item></Col>
                <Col span={18}><Form.Item name={[law.name, 'title']} label={t('procedures.fields.lawTitle')} rules={required}><Input /></Form.Item></Col>
                <Col span={10}><Form.Item name={[law.name, 'issuer']} label={t('procedures.fields.issuer')}><Input /></Form.Item></Col>
                <Col span={7}><Form.Item name={[law.name, 'issuedOn']} label={t('procedures.fields.issuedOn')}><Input type="date" /></Form.Item></Col>
                <Col span={7}><Form.Item name={[law.name, 'effectiveOn']} label={t('procedures.fields.effectiveOn')}><Input type="date" /></Form.Item></Col>
              </Row>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ number: '', title: '', issuer: '', issuedOn: '', effectiveOn: '' })}>{t('procedures.addLaw')}</Button>
        </Space>
      )}
    </Form.List>
  );
}
