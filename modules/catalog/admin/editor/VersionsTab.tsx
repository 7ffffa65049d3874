import { ErrorAlert } from '@motcua/kernel/admin';
import { useCustom, useTranslate } from '@refinedev/core';
import { Button, Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { DateActionButton, todayInVietnam } from '../components/DateActionButton';
import { StatusTag } from '../components/StatusTag';
import { type ProcedureDetail, VERSION_DIFF, type VersionChange, type VersionSummary } from '../queries';

/** Long JSON values wrap inside their column. */
const WRAP = { whiteSpace: 'pre-wrap', wordBreak: 'break-all' } as const;

interface Props {
  procedure: ProcedureDetail;
  /** Runs a lifecycle action on a version, then reloads (the page shows refusals). */
  onAction: (action: 'retire' | 'end', versionId: string, date: string | null) => Promise<unknown>;
}

/** Every version with its validity; retire / end of validity; the diff between two versions. */
export function VersionsTab({ procedure, onAction }: Props) {
  const t = useTranslate();
  const versions = procedure.versions;
  const [pair, setPair] = useState<[string?, string?]>([versions[1]?.id, versions[0]?.id]);
  const [compared, setCompared] = useState<[string, string]>();
  const { result, query } = useCustom<{ procedureVersionDiff: VersionChange[] }>({
    url: '',
    method: 'get',
    meta: { gqlQuery: VERSION_DIFF, gqlVariables: { a: compared?.[0], b: compared?.[1] } },
    queryOptions: { queryKey: ['catalog', 'diff', compared], enabled: Boolean(compared) },
  });
  const label = (v: VersionSummary) => `${t('procedures.versionN', { n: v.number })} · ${t(`procedures.status.${v.status}`)}`;
  const versionOptions = versions.map((v) => ({ value: v.id, label: label(v) }));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Table<VersionSummary> dataSource={versions} rowKey="id" size="small" pagination={false} data-testid="versions">
        <Table.Column<VersionSummary> dataIndex="number" title={t('procedures.fields.version')} render={(n: number) => t('procedures.versionN', { n })} />
        <Table.Column<VersionSummary> dataIndex="status" title={t('procedures.fields.status')} render={(status) => <StatusTag status={status} />} />
        <Table.Column<VersionSummary> dataIndex="effectiveFrom" title={t('procedures.fields.effectiveFrom')} render={(d) => d ?? '—'} />
        <Table.Column<VersionSummary> dataIndex="effectiveTo" title={t('procedures.fields.effectiveTo')} render={(d) => d ?? '—'} />
        {procedure.viewerCanPublish && (
          <Table.Column<VersionSummary> key="actions" title={t('procedures.fields.actions')}
            render={(_, v) => v.status === 'PUBLISHED' && (
              <Space>
                <DateActionButton label={t('procedures.setEnd')} title={t('procedures.setEndTitle', { n: v.number })} initial={v.effectiveTo ?? ''} optional
                  onConfirm={(date) => onAction('end', v.id, date)} />
                <DateActionButton label={t('procedures.retire')} title={t('procedures.retireTitle', { n: v.number })} initial={todayInVietnam()} danger
                  onConfirm={(date) => onAction('retire', v.id, date)} />
              </Space>
            )} />
        )}
      </Table>
      <Card size="small" title={t('procedures.diff.title')}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select aria-label={t('procedures.diff.from')} placeholder={t('procedures.diff.from')} style={{ width: 240 }} value={pair[0]} options={versionOptions} onChange={(a) => setPair([a, pair[1]])} />
          <Typography.Text>→</Typography.Text>
          <Select aria-label={t('procedures.diff.to')} placeholder={t('procedures.diff.to')} style={{ width: 240 }} value={pair[1]} options={versionOptions} onChange={(b) => setPair([pair[0], b])} />
          <Button type="primary" disabled={!pair[0] || !pair[1] || pair[0] === pair[1]} onClick={() => setCompared([pair[0]!, pair[1]!])}>{t('procedures.diff.compare')}</Button>
        </Space>
        {query.error && <ErrorAlert error={query.error} />}
        {compared && !query.error && (
          <Table<VersionChange> dataSource={result.data?.procedureVersionDiff ?? []} rowKey={(c) => `${c.kind}:${c.path}`} size="small" loading={query.isFetching}
            pagination={false} tableLayout="fixed" data-testid="diff" locale={{ emptyText: t('procedures.diff.none') }}>
            <Table.Column<VersionChange> dataIndex="path" width={220} title={t('procedures.diff.path')} render={(path) => <code style={WRAP}>{path}</code>} />
            <Table.Column<VersionChange> dataIndex="kind" width={90} title={t('procedures.diff.kind')} render={(kind: string) => t(`procedures.diff.kinds.${kind}`)} />
            <Table.Column<VersionChange> dataIndex="before" title={t('procedures.diff.before')} render={(v) => <code style={WRAP}>{v ?? '—'}</code>} />
            <Table.Column<VersionChange> dataIndex="after" title={t('procedures.diff.after')} render={(v) => <code style={WRAP}>{v ?? '—'}</code>} />
          </Table>
        )}
      </Card>
    </Space>
  );
}
