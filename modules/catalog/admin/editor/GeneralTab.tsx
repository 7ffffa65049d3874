import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useLanguage } from '@motcua/kernel/admin';
import { useTranslate } from '@refinedev/core';
import { Button, Checkbox, Col, Form, Input, Row, Select, Space } from 'antd';
import { useSectors } from '../components/use-sectors';
import { LEVELS, ONLINE_MODES } from '../queries';

/** Name, sector, levels, online mode, applicants, agencies, steps, conditions, decision, results. */
export function GeneralTab() {
  const t = useTranslate();
  const language = useLanguage();
  const sectors = useSectors();
  const required = [{ required: true, whitespace: true, message: t('procedures.rules.required') }];
  return (
    <>
      <Form.Item name="name" label={t('procedures.fields.name')} rules={required}><Input /></Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="sectorCode" label={t('procedures.fields.sector')} rules={required}>
            <Select showSearch optionFilterProp="label" options={sectors.map((s) => ({ value: s.code, label: language === 'en' ? s.nameEn : s.name }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="levels" label={t('procedures.fields.levels')}>
            <Select mode="multiple" options={LEVELS.map((level) => ({ value: level, label: t(`procedures.level.${level}`), disabled: level === 'HUYEN' }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="onlineMode" label={t('procedures.fields.onlineMode')}>
            <Select options={ONLINE_MODES.map((mode) => ({ value: mode, label: t(`procedures.onlineMode.${mode}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="applicantTypes" label={t('procedures.fields.applicantTypes')} extra={t('procedures.tagsHint')}><Select mode="tags" /></Form.Item>
      <Form.Item name="implementingAgencies" label={t('procedures.fields.implementingAgencies')} extra={t('procedures.tagsHint')}><Select mode="tags" /></Form.Item>
      <Form.Item name="steps" label={t('procedures.fields.steps')}><Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} /></Form.Item>
      <Form.Item name="conditions" label={t('procedures.fields.conditions')}><Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} /></Form.Item>
      <Row gutter={16}>
        <Col span={12}><Form.Item name={['publishingDecision', 'number']} label={t('procedures.fields.decisionNumber')}><Input /></Form.Item></Col>
        <Col span={12}><Form.Item name={['publishingDecision', 'date']} label={t('procedures.fields.decisionDate')}><Input type="date" /></Form.Item></Col>
      </Row>
      <Form.Item label={t('procedures.fields.results')}>
        <Form.List name="results">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'name']} rules={required}><Input placeholder={t('procedures.fields.resultName')} style={{ width: 420 }} /></Form.Item>
                  <Form.Item name={[field.name, 'code']}><Input placeholder={t('procedures.fields.resultCode')} style={{ width: 140 }} /></Form.Item>
                  <Form.Item name={[field.name, 'paper']} valuePropName="checked"><Checkbox>{t('procedures.fields.paper')}</Checkbox></Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('buttons.delete')} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', code: '', paper: true })}>{t('procedures.addResult')}</Button>
            </>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}
