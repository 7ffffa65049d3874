import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useCan } from '@motcua/kernel/admin';
import { useCustom, useTranslate } from '@refinedev/core';
import { Button, Checkbox, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { AgencySelect } from '../components/AgencySelect';
import { OutcomeAlert } from '../components/OutcomeAlert';
import { useRun } from '../components/use-run';
import { AGENCIES, type AgencyOption, type Channel, ME_AGENCY, type Offering, type ProcedureDetail, REMOVE_OFFERING, SET_OFFERING, type TimeLimit } from '../queries';
import { LimitInput } from './LimitInput';

interface OfferingValues {
  agencyId: string;
  receivingUnitIds: string[];
  workflowDefinitionId?: string;
  channels: Array<{ channel: Channel; offered: boolean; localLimit?: Partial<TimeLimit> }>;
}

function useAgencyNames(ids: string[]): Record<string, string> {
  const { result } = useCustom<{ agencies: { nodes: AgencyOption[] } }>({
    url: '',
    method: 'get',
    meta: { gqlQuery: AGENCIES, gqlVariables: { filter: { ids }, limit: 100 } },
    queryOptions: { queryKey: ['catalog', 'agencyNames', ids], enabled: ids.length > 0 },
  });
  return Object.fromEntries((result.data?.agencies?.nodes ?? []).map((agency) => [agency.id, agency.name]));
}

/** The values of the offering form for an offering (or a new one of `agencyId`). */
function valuesOf(channels: Channel[], offering: Offering | undefined, agencyId: string | undefined): Partial<OfferingValues> {
  return {
    agencyId: offering?.agencyId ?? agencyId,
    receivingUnitIds: offering?.receivingUnitIds ?? [],
    workflowDefinitionId: offering?.workflowDefinitionId ?? '',
    channels: channels.map((channel) => {
      const offered = offering?.channels.find((c) => c.channel === channel);
      return { channel, offered: offering ? Boolean(offered) : true, localLimit: offered?.localLimit ?? undefined };
    }),
  };
}

function inputOf(procedureId: string, values: OfferingValues) {
  return {
    procedureId,
    agencyId: values.agencyId,
    receivingUnitIds: values.receivingUnitIds ?? [],
    workflowDefinitionId: values.workflowDefinitionId?.trim() || null,
    channels: values.channels.filter((c) => c.offered).map((c) => ({
      channel: c.channel,
      localLimit: c.localLimit?.value != null && c.localLimit.unit ? { value: Number(c.localLimit.value), unit: c.localLimit.unit } : null,
    })),
  };
}

const limitText = (t: (key: string) => string, limit: TimeLimit | null) => (limit ? `${limit.value} ${t(`procedures.limitUnit.${limit.unit}`)}` : '—');

/** Which agencies offer the procedure, on which channels, with local limits, units and workflow. */
export function OfferingsTab({ procedure, onChanged }: { procedure: ProcedureDetail; onChanged: () => void }) {
  const t = useTranslate();
  const mayOffer = useCan('catalog.offering');
  const mayPublish = useCan('catalog.publish');
  const canConfigure = mayOffer || mayPublish;
  const { result: me } = useCustom<{ me: { agencyId: string | null } }>({ url: '', method: 'get', meta: { gqlQuery: ME_AGENCY }, queryOptions: { queryKey: ['catalog', 'meAgency'] } });
  const names = useAgencyNames([...new Set(procedure.offerings.flatMap((o) => [o.agencyId, ...o.receivingUnitIds]))]);
  const channels = (procedure.listed ?? procedure.draft)?.channels.map((c) => c.channel) ?? [];
  const [editing, setEditing] = useState<{ offering?: Offering }>();
  const [form] = Form.useForm<OfferingValues>();
  const { run, running } = useRun();
  const [error, setError] = useState<unknown>();

  const save = async (values: OfferingValues) => {
    setError(undefined);
    try {
      await run(SET_OFFERING, { input: inputOf(procedure.id, values) });
      setEditing(undefined);
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  const remove = async (offering: Offering) => {
    setError(undefined);
    await run(REMOVE_OFFERING, { id: offering.id }).then(onChanged, setError);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canConfigure && <Button icon={<PlusOutlined />} onClick={() => setEditing({})}>{t('procedures.offerings.add')}</Button>}
      {error !== undefined && !editing && <OutcomeAlert error={error} />}
      <Table<Offering> dataSource={procedure.offerings} rowKey="id" size="small" pagination={false} data-testid="offerings">
        <Table.Column<Offering> dataIndex="agencyId" title={t('procedures.offerings.agency')} render={(id: string) => names[id] ?? id} />
        <Table.Column<Offering> dataIndex="channels" title={t('procedures.offerings.channels')}
          render={(list: Offering['channels']) => (
            <Space direction="vertical" size={0}>
              {list.map((c) => (
                <span key={c.channel}>
                  <Tag>{t(`procedures.channel.${c.channel}`)}</Tag>
                  {limitText(t, c.effectiveLimit)}
                  {c.localLimit && <Typography.Text type="secondary"> ({t('procedures.offerings.statutory')}: {limitText(t, c.statutoryLimit)})</Typography.Text>}
                </span>
              ))}
            </Space>
          )} />
        <Table.Column<Offering> dataIndex="receivingUnitIds" title={t('procedures.offerings.receivingUnits')} render={(ids: string[]) => ids.map((id) => names[id] ?? id).join('; ')} />
        <Table.Column<Offering> dataIndex="workflowDefinitionId" title={t('procedures.offerings.workflow')} render={(id) => id ?? '—'} />
        {canConfigure && (
          <Table.Column<Offering> key="actions" title={t('procedures.fields.actions')}
            render={(_, offering) => (
              <Space>
                <Button size="small" icon={<EditOutlined />} aria-label={t('buttons.edit')} onClick={() => setEditing({ offering })} />
                <Popconfirm title={t('procedures.offerings.removeConfirm')} okText={t('buttons.delete')} cancelText={t('buttons.cancel')} onConfirm={() => remove(offering)}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('buttons.delete')} />
                </Popconfirm>
              </Space>
            )} />
        )}
      </Table>
      <Modal open={Boolean(editing)} width={720} title={t(editing?.offering ? 'procedures.offerings.edit' : 'procedures.offerings.add')} okText={t('buttons.save')} cancelText={t('buttons.cancel')}
        onCancel={() => { setEditing(undefined); setError(undefined); }} onOk={() => form.submit()} confirmLoading={running} destroyOnHidden>
        {editing && (
          <Form form={form} layout="vertical" preserve={false} initialValues={valuesOf(channels, editing.offering, me.data?.me?.agencyId ?? undefined)} onFinish={save}>
            <Form.Item name="agencyId" label={t('procedures.offerings.agency')} rules={[{ required: true, message: t('procedures.rules.required') }]}>
              <AgencySelect disabled={Boolean(editing.offering)} />
            </Form.Item>
            <Form.Item label={t('procedures.offerings.channels')} extra={t('procedures.offerings.localLimitHint')}>
              <Form.List name="channels">
                {(rows) => rows.map((row) => {
                  const channel: Channel = form.getFieldValue(['channels', row.name, 'channel']) ?? channels[row.name];
                  return (
                    <Space key={row.key} align="center" style={{ display: 'flex', marginBottom: 8 }}>
                      <Form.Item name={[row.name, 'offered']} valuePropName="checked" noStyle><Checkbox style={{ width: 140 }}>{t(`procedures.channel.${channel}`)}</Checkbox></Form.Item>
                      <LimitInput name={[row.name, 'localLimit']} />
                    </Space>
                  );
                })}
              </Form.List>
            </Form.Item>
            <Form.Item name="receivingUnitIds" label={t('procedures.offerings.receivingUnits')}>
              <AgencySelect mode="multiple" />
            </Form.Item>
            <Form.Item name="workflowDefinitionId" label={t('procedures.offerings.workflow')} extra={t('procedures.offerings.workflowHint')}><Input /></Form.Item>
            {error !== undefined && <OutcomeAlert error={error} />}
          </Form>
        )}
      </Modal>
    </Space>
  );
}
