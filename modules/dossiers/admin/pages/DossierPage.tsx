import { ErrorAlert } from '@motcua/kernel/admin';
import { useParsed, useTranslate } from '@refinedev/core';
import { Button, Card, Col, Descriptions, List, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { formatInstant, useGql } from '../hooks';
import { ACTION_MUTATIONS, DOSSIER, type DossierDetail, OPEN_TASK, type OfficeAction } from '../queries';
import { ActionDialog } from './ActionDialog';

interface OpenTask { task: { id: string; stepName: string; dueAt: string; clockExplanation: string[]; allowedActions: Array<{ action: string; to: string[] }> } }

/** Actions of `allowedActions` this page can run, in the order the server lists them. */
function actionsOf(dossier: DossierDetail): OfficeAction[] {
  return dossier.allowedActions.filter((action): action is OfficeAction => action in ACTION_MUTATIONS);
}

/** One dossier for officers: applicant, documents, e-form data, timeline, clocks, result, and the actions allowed now. */
export default function DossierPage() {
  const t = useTranslate();
  const { id } = useParsed();
  const { data, error, refetch } = useGql<{ dossier: DossierDetail }>(DOSSIER, { id }, Boolean(id));
  const [latest, setLatest] = useState<DossierDetail>();
  const [open, setOpen] = useState<OfficeAction>();
  const dossier = latest && latest.id === id && latest.version >= (data?.dossier.version ?? 0) ? latest : data?.dossier;
  // The open step is shown to those who may read it (its assignee or role); for others it is left out, without an error.
  const task = useGql<OpenTask>(OPEN_TASK, { id: dossier?.openTaskId }, Boolean(dossier?.openTaskId), { quiet: true });
  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!dossier) return null;
  const stepActions = task.data?.task.allowedActions ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="dossier-code">{dossier.code ?? t('dossiers.noCode')}</Typography.Title>
        <Tag color="blue" data-testid="dossier-state">{dossier.nationalStatus ?? '—'} · {t(`dossiers.states.${dossier.state}`)}</Tag>
        {dossier.timeliness && <Tag>{t(`dossiers.timeliness.${dossier.timeliness}`)}</Tag>}
        {dossier.boundaryFree && (
          <Tag color="purple" data-testid="dossier-boundary-free">
            {t('dossiers.boundaryFree')}{dossier.competentReceivedAt ? '' : ` · ${t('dossiers.awaitingCompetent')}`}
          </Tag>
        )}
      </Space>
      <Space wrap data-testid="dossier-actions">
        {actionsOf(dossier).map((action) => (
          <Button key={action} onClick={() => setOpen(action)} data-testid={`action-${action}`} disabled={(action === 'FORWARD' || action === 'HAND_OVER') && stepActions.length === 0}>
            {t(`dossiers.actions.${action}`)}
          </Button>
        ))}
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('dossiers.general')} size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('dossiers.fields.procedure')}>{dossier.procedureCode} · {dossier.procedureName} ({dossier.caseCode})</Descriptions.Item>
              <Descriptions.Item label={t('dossiers.fields.agency')}>{dossier.agencyName}</Descriptions.Item>
              <Descriptions.Item label={t('dossiers.fields.applicant')}><span data-testid="dossier-applicant">{dossier.applicantName}</span></Descriptions.Item>
              <Descriptions.Item label={t('reception.idNumber')}>{dossier.applicantIdNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('reception.phone')}>{dossier.applicantPhone ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('dossiers.fields.channel')}>{dossier.channel}</Descriptions.Item>
              <Descriptions.Item label={t('dossiers.fields.receivedAt')}>{formatInstant(dossier.receivedAt)}</Descriptions.Item>
              {dossier.boundaryFree && (
                <>
                  <Descriptions.Item label={t('dossiers.fields.lodgedAt')}><span data-testid="dossier-lodged-at">{dossier.receivedAtUnitName ?? '—'}</span></Descriptions.Item>
                  <Descriptions.Item label={t('dossiers.fields.competentReceivedAt')}>
                    <span data-testid="dossier-competent-received-at">{dossier.competentReceivedAt ? formatInstant(dossier.competentReceivedAt) : t('dossiers.awaitingCompetent')}</span>
                  </Descriptions.Item>
                </>
              )}
              <Descriptions.Item label={t('dossiers.fields.originalDueAt')}>{formatInstant(dossier.originalDueAt)}</Descriptions.Item>
              <Descriptions.Item label={t('dossiers.fields.dueAt')}>{formatInstant(dossier.dueAt)}</Descriptions.Item>
              <Descriptions.Item label={t('dossiers.fields.finishedAt')}>{formatInstant(dossier.finishedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('dossiers.result')}>
                <span data-testid="dossier-result">{dossier.result.number ?? '—'} · {t('dossiers.signatureCount', { count: dossier.result.signatureCount })}
                  {dossier.result.returnRecipient && ` · ${t(`dossiers.returnMethods.${dossier.result.returnMethod}`)}: ${dossier.result.returnRecipient}`}</span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('dossiers.clock')} size="small" data-testid="dossier-clock">
            <List size="small" dataSource={dossier.ledgerExplanation} renderItem={(line) => <List.Item>{line}</List.Item>} />
            {task.data && (
              <>
                <Typography.Text strong>{t('dossiers.openStep', { name: task.data.task.stepName, due: formatInstant(task.data.task.dueAt) })}</Typography.Text>
                <List size="small" dataSource={task.data.task.clockExplanation} renderItem={(line) => <List.Item>{line}</List.Item>} />
              </>
            )}
          </Card>
        </Col>
      </Row>
      <Card title={t('dossiers.documents')} size="small">
        <Table size="small" rowKey="code" pagination={false} dataSource={dossier.components} data-testid="dossier-components"
          columns={[
            { title: t('dossiers.component'), render: (_, c) => `${c.code} · ${c.name}${c.mandatory ? ' *' : ''}` },
            { title: t('dossiers.present'), render: (_, c) => (c.present ? '✓' : '✗') + (c.fromSharedDatabase ? ` (${t('reception.sharedDatabase')})` : '') },
            { title: t('dossiers.files'), render: (_, c) => dossier.documents.filter((d) => d.componentCode === c.code).map((d) => `${d.fileName} (${d.mediaType}, ${d.byteLength} B${d.digitised ? `, ${t('dossiers.digitised')}` : ''})`).join('; ') },
          ]} />
      </Card>
      <Card title={t('dossiers.formData')} size="small">
        {Object.keys(dossier.formData).length === 0 ? '—' : (
          <Descriptions column={1} size="small">
            {Object.entries(dossier.formData).map(([key, value]) => <Descriptions.Item key={key} label={key}>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</Descriptions.Item>)}
          </Descriptions>
        )}
      </Card>
      <Card title={t('dossiers.controlSheet')} size="small">
        <Table size="small" rowKey={(row) => `${row.at}-${row.content}`} pagination={false} dataSource={dossier.timeline} data-testid="dossier-timeline"
          columns={[
            { title: t('dossiers.at'), render: (_, row) => formatInstant(row.at), width: 150 },
            { title: t('dossiers.actor'), render: (_, row) => `${row.actorName}${row.unitName ? ` (${row.unitName})` : ''}` },
            { title: t('dossiers.content'), dataIndex: 'content' },
            { title: t('dossiers.stepDueAt'), render: (_, row) => formatInstant(row.stepDueAt), width: 150 },
            { title: t('dossiers.fields.state'), dataIndex: 'nationalStatus', width: 80 },
          ]} />
      </Card>
      {(dossier.supplements.length > 0 || dossier.apologies.length > 0 || dossier.signatures.length > 0 || dossier.forms.length > 0) && (
        <Card title={t('dossiers.history')} size="small">
          <Timeline items={[
            ...dossier.supplements.map((s) => ({ children: `${t('dossiers.supplement', { ordinal: s.ordinal })} ${formatInstant(s.requestedAt)}: ${s.missing.join('; ')}${s.receivedAt ? ` → ${formatInstant(s.receivedAt)}` : ''}` })),
            ...dossier.apologies.map((a) => ({ children: `${t('dossiers.apology')} ${formatInstant(a.issuedAt)}: ${a.reason} (${formatInstant(a.previousDueAt)} → ${formatInstant(a.newDueAt)})` })),
            ...dossier.signatures.map((s) => ({ children: `${t('dossiers.signature')} ${s.role}: ${s.signerName}, ${formatInstant(s.signedAt)}` })),
            ...dossier.forms.map((f) => ({ children: `${f.number} (${f.kind}) ${formatInstant(f.createdAt)}` })),
          ]} />
        </Card>
      )}
      {open && (
        <ActionDialog action={open} dossierId={dossier.id} applicantName={dossier.applicantName} stepActions={stepActions} onClose={() => setOpen(undefined)}
          onDone={(next) => { setOpen(undefined); setLatest(next); void refetch(); }} />
      )}
    </Space>
  );
}
