import { ErrorAlert, useCan } from '@motcua/kernel/admin';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useOne, useTranslate } from '@refinedev/core';
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { AGENCY } from './queries';
import type { AgencyKind, LocatedAgency } from './use-agency-tree';

interface AgencyRecord {
  id: string;
  name: string;
  shortName: string | null;
  code: string;
  kind: AgencyKind;
  active: boolean;
  address: string | null;
  phone: string | null;
  email: string | null;
  version: number;
}

interface AgencyDetailsProps {
  unit: LocatedAgency;
  parentName?: string;
  onEdit: () => void;
  onAddChild: () => void;
}

/** The selected unit's record, with Edit / Add sub-unit where the user administers it. */
export function AgencyDetails({ unit, parentName, onEdit, onAddChild }: AgencyDetailsProps) {
  const t = useTranslate();
  const canEdit = useCan('agency.update', unit);
  const canAddChild = useCan('agency.create', unit);
  const { result: agency, query } = useOne<AgencyRecord>({ resource: 'agencies', id: unit.id, meta: { gqlQuery: AGENCY } });
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  const field = (value: string | null | undefined) => value || '—';
  return (
    <Card
      loading={query.isLoading}
      title={agency?.name ?? unit.agency.name}
      extra={
        <Space>
          {canAddChild && <Button icon={<PlusOutlined />} onClick={onAddChild}>{t('agencies.addChild')}</Button>}
          {canEdit && <Button type="primary" icon={<EditOutlined />} onClick={onEdit}>{t('buttons.edit')}</Button>}
        </Space>
      }
    >
      {agency && (
        <Descriptions column={1} bordered size="small" styles={{ label: { width: 180 } }}>
          <Descriptions.Item label={t('agencies.fields.name')}>{agency.name}</Descriptions.Item>
          <Descriptions.Item label={t('agencies.fields.shortName')}>{field(agency.shortName)}</Descriptions.Item>
          <Descriptions.Item label={t('agencies.fields.code')}><code>{agency.code}</code></Descriptions.Item>
          <Descriptions.Item label={t('agencies.fields.kind')}>{t(`agencies.kinds.${agency.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('agencies.fields.parent')}>{field(parentName)}</Descriptions.Item>
          <Descriptions.Item label={t('agencies.fields.address')}>{field(agency.address)}</Descriptions.Item>
          <Descriptions.Item label={t('agencies.fields.phone')}>{field(agency.phone)}</Descriptions.Item>
          <Descriptions.Item label={t('agencies.fields.email')}>{field(agency.email)}</Descriptions.Item>
          <Descriptions.Item label={t('agencies.fields.active')}>
            {agency.active ? <Tag color="green">{t('agencies.active')}</Tag> : <Tag>{t('agencies.inactive')}</Tag>}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
