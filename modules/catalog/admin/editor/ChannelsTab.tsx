import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslate } from '@refinedev/core';
import { Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { CHANNELS, FEE_MOMENTS, LIMIT_UNITS } from '../queries';
import { LimitInput } from './LimitInput';

/** Each channel (direct, online, postal) with its own statutory time limit and fees. */
export function ChannelsTab() {
  const t = useTranslate();
  const required = [{ required: true, message: t('procedures.rules.required') }];
  return (
    <Form.List name="channels">
      {(channels, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {channels.map((channel) => (
            <Card key={channel.key} size="small"
              title={
                <Form.Item name={[channel.name, 'channel']} rules={required} noStyle>
                  <Select aria-label={t('procedures.fields.channel')} style={{ width: 200 }} options={CHANNELS.map((c) => ({ value: c, label: t(`procedures.channel.${c}`) }))} />
                </Form.Item>
              }
              extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={t('buttons.delete')} onClick={() => remove(channel.name)} />}>
              <Form.Item label={t('procedures.fields.limit')} required>
                <LimitInput name={[channel.name, 'limit']} required />
              </Form.Item>
              <Form.Item name={[channel.name, 'description']} label={t('procedures.fields.channelDescription')}><Input /></Form.Item>
              <Form.Item label={t('procedures.fields.fees')}>
                <Form.List name={[channel.name, 'fees']}>
                  {(fees, feeOps) => (
                    <>
                      {fees.map((fee) => (
                        <Space key={fee.key} align="baseline" wrap>
                          <Form.Item name={[fee.name, 'name']} rules={required}><Input placeholder={t('procedures.fields.feeName')} style={{ width: 300 }} /></Form.Item>
                          <Form.Item name={[fee.name, 'amount']} rules={required}>
                            <InputNumber min={0} step={1000} placeholder={t('procedures.fields.amount')} addonAfter="₫" style={{ width: 180 }} />
                          </Form.Item>
                          <Form.Item name={[fee.name, 'moment']}>
                            <Select style={{ width: 190 }} options={FEE_MOMENTS.map((m) => ({ value: m, label: t(`procedures.feeMoment.${m}`) }))} />
                          </Form.Item>
                          <Form.Item name={[fee.name, 'note']}><Input placeholder={t('procedures.fields.note')} style={{ width: 260 }} /></Form.Item>
                          <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('buttons.delete')} onClick={() => feeOps.remove(fee.name)} />
                        </Space>
                      ))}
                      <Button size="small" icon={<PlusOutlined />} onClick={() => feeOps.add({ name: '', amount: 0, moment: 'AT_SUBMISSION', note: '' })}>{t('procedures.addFee')}</Button>
                    </>
                  )}
                </Form.List>
              </Form.Item>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ channel: undefined, limit: { value: 5, unit: LIMIT_UNITS[0] }, fees: [], description: '' })}>{t('procedures.addChannel')}</Button>
        </Space>
      )}
    </Form.List>
  );
}
