import { ErrorAlert } from '@motcua/kernel/admin';
import { useGo, useTranslate } from '@refinedev/core';
import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { formatInstant, useAgencyTree, useGql, useGqlMutation } from '../hooks';
import { FormDownload } from './FormDownload';
import { type DossierDetail, PROCEDURE_CASES, PROCEDURE_SEARCH, RECEIVE } from '../queries';

interface Component { code: string; name: string; originals: number; copies: number; mandatory: boolean; fromSharedDatabase: boolean }
interface ProcedureCases {
  procedure: { id: string; code: string; name: string; offerings: Array<{ agencyId: string }>; current: { cases: Array<{ code: string; name: string; components: Component[] }> } | null } | null;
}
interface Applicant { name: string; idNumber?: string; phone?: string; email?: string; address?: string; summary?: string }

interface Scanned { fileName: string; contentBase64: string }

/** A file scanned at the desk, as base64 for `AttachDocumentInput`. */
async function readScan(file: File): Promise<Scanned> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, contentBase64: btoa(binary) };
}

/**
 * The reception desk: search a procedure (diacritics ignored), pick the case, enter the applicant,
 * tick the components handed over, receive (a new DIRECT dossier) and show the receipt (Mẫu 01).
 */
export default function ReceptionPage() {
  const t = useTranslate();
  const go = useGo();
  const { names } = useAgencyTree();
  const [search, setSearch] = useState('');
  const [procedureId, setProcedureId] = useState<string>();
  const [caseCode, setCaseCode] = useState<string>();
  const [agencyId, setAgencyId] = useState<string>();
  const [scans, setScans] = useState<Record<string, Scanned>>({});
  const [received, setReceived] = useState<DossierDetail>();
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm<Applicant>();
  const found = useGql<{ procedures: { nodes: Array<{ id: string; code: string; name: string }> } }>(PROCEDURE_SEARCH, { search }, search.trim().length >= 2);
  const chosen = useGql<ProcedureCases>(PROCEDURE_CASES, { id: procedureId }, Boolean(procedureId));
  const procedure = chosen.data?.procedure;
  const cases = procedure?.current?.cases ?? [];
  const theCase = cases.find((c) => c.code === caseCode) ?? (cases.length === 1 ? cases[0] : undefined);
  const agency = agencyId ?? (procedure?.offerings.length === 1 ? procedure.offerings[0]!.agencyId : undefined);
  const { run, isPending } = useGqlMutation<{ receiveDossier: DossierDetail }>();

  const receive = async (applicant: Applicant) => {
    setError(undefined);
    const { summary, ...person } = applicant;
    const documents = Object.entries(scans).map(([componentCode, scan]) => ({ dossierId: '', componentCode, ...scan, digitised: true }));
    try {
      const data = await run(RECEIVE, { input: { create: { procedure: procedure!.id, agencyId: agency, caseCode: theCase!.code, channel: 'DIRECT', applicant: person, summary }, documents } });
      setReceived(data.receiveDossier);
    } catch (caught) {
      setError(caught);
    }
  };

  if (received) {
    return (
      <Card title={t('reception.received')} data-testid="receipt">
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('dossiers.fields.code')}><Typography.Text strong data-testid="receipt-code">{received.code}</Typography.Text></Descriptions.Item>
          <Descriptions.Item label={t('dossiers.fields.applicant')}>{received.applicantName}</Descriptions.Item>
          <Descriptions.Item label={t('dossiers.fields.procedure')}>{received.procedureName}</Descriptions.Item>
          <Descriptions.Item label={t('dossiers.fields.receivedAt')}>{formatInstant(received.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('dossiers.fields.dueAt')}>{formatInstant(received.dueAt)}</Descriptions.Item>
          <Descriptions.Item label={t('dossiers.forms')}>
            {received.forms.map((f) => (
              <div key={f.sha256} data-testid="receipt-form">
                {f.number} · {f.kind} · <Typography.Text code>{f.sha256.slice(0, 16)}</Typography.Text>{' '}
                <FormDownload dossierId={received.id} sha256={f.sha256} />
              </div>
            ))}
          </Descriptions.Item>
        </Descriptions>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" onClick={() => go({ to: `/dossiers/${received.id}` })}>{t('reception.open')}</Button>
          <Button onClick={() => { setReceived(undefined); setScans({}); form.resetFields(); }} data-testid="reception-next">{t('reception.next')}</Button>
        </Space>
      </Card>
    );
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('reception.title')}</Typography.Title>
      <Card title={t('reception.procedure')}>
        <Select showSearch filterOption={false} style={{ width: '100%' }} placeholder={t('reception.searchProcedure')} data-testid="procedure-search"
          onSearch={setSearch} value={procedureId} loading={found.isLoading && search.length >= 2}
          onChange={(id: string) => { setProcedureId(id); setCaseCode(undefined); setAgencyId(undefined); setScans({}); }}
          options={(found.data?.procedures.nodes ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))} />
        {procedure && (
          <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
            {!procedure.current && <Alert type="warning" message={t('reception.noVersion')} />}
            {procedure.offerings.length === 0 && <Alert type="warning" message={t('reception.notOffered')} />}
            {procedure.offerings.length > 1 && (
              <Select style={{ width: '100%' }} placeholder={t('reception.agency')} value={agency} onChange={setAgencyId} data-testid="reception-agency"
                options={procedure.offerings.map((o) => ({ value: o.agencyId, label: names.get(o.agencyId) ?? o.agencyId }))} />
            )}
            {cases.length > 1 && (
              <Select style={{ width: '100%' }} placeholder={t('reception.case')} value={theCase?.code} onChange={(code: string) => { setCaseCode(code); setScans({}); }}
                data-testid="reception-case" options={cases.map((c) => ({ value: c.code, label: `${c.code} · ${c.name}` }))} />
            )}
          </Space>
        )}
      </Card>
      {theCase && (
        <Card title={t('reception.checklist')} data-testid="checklist">
          {theCase.components.map((c) => (
            <Space key={c.code} style={{ width: '100%', justifyContent: 'space-between', padding: '6px 0' }} data-testid={`component-${c.code}`}>
              <Checkbox checked={c.fromSharedDatabase || Boolean(scans[c.code])} disabled>
                {c.name} {c.mandatory ? '*' : ''} ({t('reception.copies', { originals: c.originals, copies: c.copies })})
              </Checkbox>
              {c.fromSharedDatabase ? <Typography.Text type="secondary">{t('reception.sharedDatabase')}</Typography.Text> : (
                <Space>
                  {scans[c.code] && <Typography.Text>{scans[c.code]!.fileName}</Typography.Text>}
                  <input type="file" accept="application/pdf,image/png,image/jpeg" data-testid={`scan-${c.code}`}
                    onChange={(event) => { const file = event.target.files?.[0]; if (file) void readScan(file).then((scan) => setScans((all) => ({ ...all, [c.code]: scan }))); }} />
                </Space>
              )}
            </Space>
          ))}
        </Card>
      )}
      {theCase && (
        <Card title={t('reception.applicant')}>
          <Form form={form} layout="vertical" onFinish={(values) => void receive(values)} data-testid="applicant-form">
            <Form.Item name="name" label={t('dossiers.fields.applicant')} rules={[{ required: true, whitespace: true }]}><Input data-testid="applicant-name" /></Form.Item>
            <Space wrap>
              <Form.Item name="idNumber" label={t('reception.idNumber')}><Input data-testid="applicant-id" /></Form.Item>
              <Form.Item name="phone" label={t('reception.phone')}><Input /></Form.Item>
              <Form.Item name="email" label={t('reception.email')}><Input /></Form.Item>
            </Space>
            <Form.Item name="address" label={t('reception.address')}><Input /></Form.Item>
            <Form.Item name="summary" label={t('reception.summary')}><Input.TextArea rows={2} /></Form.Item>
            {error !== undefined && <ErrorAlert error={error} />}
            <Button type="primary" htmlType="submit" loading={isPending} disabled={!agency} data-testid="receive">{t('reception.receive')}</Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
