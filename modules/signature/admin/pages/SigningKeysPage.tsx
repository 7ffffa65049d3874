import { ErrorAlert } from '@motcua/kernel/admin';
import { useCustom, useTranslate } from '@refinedev/core';
import { Alert, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { AUDIT_ANCHOR_REPORT, type AuditAnchorReport, type CertificateStanding, type CertificateStatus, type ConfiguredSigner, SIGNING_CONFIGURATION, type SigningConfiguration } from '../queries';

const STATUS_COLOURS: Record<CertificateStatus, string> = { OK: 'success', EXPIRING_SOON: 'warning', EXPIRED: 'error', NOT_YET_VALID: 'warning' };
const day = (value: string) => new Date(value).toLocaleDateString('vi-VN');
const fingerprint = (sha: string) => <Typography.Text code copyable={{ text: sha }}>{sha.match(/.{2}/g)!.slice(0, 8).join(':')}…</Typography.Text>;

function StatusTag({ status }: { status: CertificateStatus }) {
  const t = useTranslate();
  return <Tag color={STATUS_COLOURS[status]} data-testid="certificate-status">{t(`signingKeys.statuses.${status}`)}</Tag>;
}

/** The facts of one certificate, as a bordered description list. */
function CertificateFacts({ certificate }: { certificate: CertificateStanding }) {
  const t = useTranslate();
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label={t('signingKeys.subject')}>{certificate.subjectDn}</Descriptions.Item>
      <Descriptions.Item label={t('signingKeys.issuer')}>{certificate.issuerDn}</Descriptions.Item>
      <Descriptions.Item label={t('signingKeys.serial')}><Typography.Text code>{certificate.serialHex}</Typography.Text></Descriptions.Item>
      <Descriptions.Item label={t('signingKeys.validity')}>{t('signingKeys.validityRange', { from: day(certificate.notBefore), to: day(certificate.notAfter) })} <StatusTag status={certificate.status} /></Descriptions.Item>
      <Descriptions.Item label={t('signingKeys.algorithm')}>{certificate.keyAlgorithm}</Descriptions.Item>
      <Descriptions.Item label={t('signingKeys.fingerprint')}>{fingerprint(certificate.sha256)}</Descriptions.Item>
    </Descriptions>
  );
}

function SignerCard({ signer }: { signer: ConfiguredSigner }) {
  const t = useTranslate();
  const title = (
    <Space>
      {t(`signingKeys.roles.${signer.role}`)}
      <Typography.Text type="secondary">· {signer.certificate.commonName}</Typography.Text>
    </Space>
  );
  return (
    <Card size="small" title={title} extra={<StatusTag status={signer.certificate.status} />} data-testid="signer">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Tag>{t('signingKeys.keyId')}: {signer.keyId}</Tag>
          <Tag color="blue" data-testid="custody">{t(`signingKeys.custodies.${signer.custody}`)}</Tag>
          <Tag>{signer.openToAllSigners ? t('signingKeys.openToAll') : t('signingKeys.operators', { count: signer.operatorCount })}</Tag>
        </Space>
        <CertificateFacts certificate={signer.certificate} />
      </Space>
    </Card>
  );
}

function AnchorsCard() {
  const t = useTranslate();
  const { query, result } = useCustom<{ auditAnchorReport: AuditAnchorReport }>({ url: '', method: 'get', meta: { gqlQuery: AUDIT_ANCHOR_REPORT }, queryOptions: { queryKey: ['signature', 'auditAnchors'] } });
  const report = result.data?.auditAnchorReport;
  const columns = [
    { title: t('signingKeys.anchors.seq'), dataIndex: 'seq' },
    { title: t('signingKeys.anchors.genTime'), dataIndex: 'genTime', render: (value: string) => new Date(value).toLocaleString('vi-VN') },
    { title: t('signingKeys.anchors.tsa'), dataIndex: 'tsa' },
    { title: t('signingKeys.anchors.result'), key: 'result', render: (_: unknown, row: AuditAnchorReport['anchors'][number]) => (row.problems.length ? <Tag color="error">{row.problems.join('; ')}</Tag> : <Tag color="success">{t('signingKeys.anchors.valid')}</Tag>) },
  ];
  return (
    <Card title={t('signingKeys.anchors.title')} loading={query.isLoading}>
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {report && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type={report.ok ? 'success' : 'error'} showIcon data-testid="anchor-verdict"
            message={report.chain.ok ? t('signingKeys.anchors.chainOk', { count: report.chain.checked }) : t('signingKeys.anchors.chainBroken', { seq: report.chain.firstBrokenSeq, reason: report.chain.firstBrokenReason })} />
          <Typography.Paragraph type="secondary">{t('signingKeys.anchors.hint')}</Typography.Paragraph>
          <Table rowKey="seq" size="small" dataSource={report.anchors.slice().reverse()} columns={columns} pagination={{ pageSize: 10 }} locale={{ emptyText: t('signingKeys.anchors.none') }} />
        </Space>
      )}
    </Card>
  );
}

/** "Khóa ký và chứng thư số": the server-side signers configured at start-up, the TSA, and the audit-log anchors. */
export default function SigningKeysPage() {
  const t = useTranslate();
  const { query, result } = useCustom<{ signingConfiguration: SigningConfiguration }>({ url: '', method: 'get', meta: { gqlQuery: SIGNING_CONFIGURATION }, queryOptions: { queryKey: ['signature', 'signingConfiguration'] } });
  const configuration = result.data?.signingConfiguration;
  const development = configuration?.signers.some((s) => s.custody === 'DEVELOPMENT_TEST_PKI');
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('signingKeys.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('signingKeys.intro')}</Typography.Paragraph>
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {development && <Alert type="warning" showIcon message={t('signingKeys.developmentWarning')} data-testid="development-warning" />}
      <Card title={t('signingKeys.signers')} loading={query.isLoading}>
        {configuration && !configuration.signers.length && <Empty description={t('signingKeys.noSigners')} />}
        <Space direction="vertical" style={{ width: '100%' }}>
          {configuration?.signers.map((signer) => <SignerCard key={signer.keyId} signer={signer} />)}
        </Space>
      </Card>
      <Card title={t('signingKeys.tsa')} loading={query.isLoading} data-testid="tsa">
        {configuration && !configuration.tsa && <Alert type="warning" showIcon message={t('signingKeys.noTsa')} />}
        {configuration?.tsa && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Tag color="blue">{t(`signingKeys.tsaKinds.${configuration.tsa.kind}`)}</Tag>
            {configuration.tsa.url && <Typography.Text code>{configuration.tsa.url}</Typography.Text>}
            {configuration.tsa.certificate && <CertificateFacts certificate={configuration.tsa.certificate} />}
          </Space>
        )}
      </Card>
      <AnchorsCard />
    </Space>
  );
}
