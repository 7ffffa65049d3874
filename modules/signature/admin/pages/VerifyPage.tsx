import { InboxOutlined } from '@ant-design/icons';
import { ApiError, ErrorAlert } from '@motcua/kernel/admin';
import { useCustomMutation, useTranslate } from '@refinedev/core';
import { Alert, Card, Descriptions, Empty, Space, Spin, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { en } from '../messages.en';
import { type Indication, MAX_STREAMED_UPLOAD_BYTES, MAX_UPLOAD_BYTES, type SignatureVerification, toBase64, VERIFY_DOCUMENT, type VerificationReport } from '../queries';

const COLOURS: Record<Indication, string> = { TOTAL_PASSED: 'success', TOTAL_FAILED: 'error', INDETERMINATE: 'warning' };
const KNOWN_SUB = new Set(Object.keys((en.verify as { sub: Record<string, string> }).sub));
const KNOWN_LEVELS = new Set(['PADES_B_B', 'PADES_B_T', 'PKCS7_DETACHED', 'NOT_PADES']);
const KNOWN_SOURCES = new Set(['TIMESTAMP', 'CURRENT_TIME']);
const kB = (bytes: number) => Math.ceil(bytes / 1000);

function IndicationTag({ indication }: { indication: Indication }) {
  const t = useTranslate();
  return (
    <Tag color={COLOURS[indication]} data-testid="indication" style={{ fontSize: 14, padding: '2px 10px' }}>
      {t(`verify.indications.${indication}`)}
    </Tag>
  );
}

function when(value: string | null | undefined): string {
  return value ? new Date(value).toLocaleString('vi-VN') : '—';
}

function SignatureCard({ signature }: { signature: SignatureVerification }) {
  const t = useTranslate();
  const sub = signature.subIndication;
  const explanation = sub
    ? KNOWN_SUB.has(sub) ? t(`verify.sub.${sub}`) : t('verify.sub.unknown', { code: sub })
    : signature.indication === 'TOTAL_PASSED' ? t('verify.passedSentence') : '—';
  const time = signature.timestampTime ?? signature.claimedTime;
  const source = signature.timestampTime ? 'TIMESTAMP' : signature.validationTimeSource;
  return (
    <Card size="small" title={<Space>{t('verify.signature', { n: signature.index + 1 })}<IndicationTag indication={signature.indication} /></Space>} data-testid="signature">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('verify.signer')}>{signature.signer?.commonName ?? t('verify.unknownSigner')}</Descriptions.Item>
        {signature.signer && <Descriptions.Item label={t('verify.issuer')}>{signature.signer.issuerDn}</Descriptions.Item>}
        <Descriptions.Item label={t('verify.level')}>{KNOWN_LEVELS.has(signature.level) ? t(`verify.levels.${signature.level}`) : signature.level}</Descriptions.Item>
        <Descriptions.Item label={t('verify.signingTime')}>
          {when(time)}
          {KNOWN_SOURCES.has(source) && <Typography.Text type="secondary"> ({t(`verify.timeSources.${source}`)})</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.coverage')}>{t(signature.coversWholeDocument ? 'verify.wholeDocument' : 'verify.partDocument')}</Descriptions.Item>
        <Descriptions.Item label={t('verify.explanation')}>
          <Typography.Text data-testid="explanation">{explanation}</Typography.Text>
        </Descriptions.Item>
        {signature.modificationsAfterSigning.length > 0 && (
          <Descriptions.Item label={t('verify.modifications')}>{signature.modificationsAfterSigning.join('; ')}</Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/**
 * Verifies a PDF too large for GraphQL's base64 (over 700 KB) through `POST /signature/verify`,
 * which takes the raw bytes; its errors become the same ApiError the data provider raises.
 */
async function verifyLargePdf(pdf: Blob): Promise<VerificationReport> {
  const response = await fetch('/signature/verify', { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: pdf });
  const answer = (await response.json()) as { data?: VerificationReport; errors?: Array<{ extensions: { code: string; messages: { vi: string; en: string } } }> };
  const [failure] = answer.errors ?? [];
  if (failure || !answer.data) throw new ApiError(failure?.extensions.code ?? 'SERVER_ERROR', failure?.extensions.messages ?? { vi: `HTTP ${response.status}`, en: `HTTP ${response.status}` }, response.status);
  return answer.data;
}

/** Drop a PDF, see whether its signatures hold, in plain words. */
export default function VerifyPage() {
  const t = useTranslate();
  const { mutate, mutation } = useCustomMutation<{ verifyDocument: VerificationReport }>();
  const [fileName, setFileName] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [report, setReport] = useState<VerificationReport>();
  const [error, setError] = useState<unknown>();
  const [streaming, setStreaming] = useState(false);

  const check = async (file: File) => {
    setReport(undefined);
    setError(undefined);
    setFileName(file.name);
    if (file.size > MAX_STREAMED_UPLOAD_BYTES) {
      setProblem(t('verify.tooLarge', { name: file.name, size: kB(file.size), max: kB(MAX_STREAMED_UPLOAD_BYTES) }));
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (String.fromCharCode(...bytes.subarray(0, 5)) !== '%PDF-') {
      setProblem(t('verify.notPdf', { name: file.name }));
      return;
    }
    setProblem(undefined);
    if (bytes.length > MAX_UPLOAD_BYTES) {
      setStreaming(true);
      await verifyLargePdf(file).then(setReport, setError).finally(() => setStreaming(false));
      return;
    }
    mutate(
      { url: '', method: 'post', values: { input: { contentBase64: toBase64(bytes) } }, meta: { gqlMutation: VERIFY_DOCUMENT }, successNotification: false, errorNotification: false },
      { onSuccess: ({ data }) => setReport(data.verifyDocument), onError: setError },
    );
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('verify.title')}</Typography.Title>
      <Upload.Dragger accept="application/pdf,.pdf" multiple={false} showUploadList={false} beforeUpload={(file) => (void check(file), false)} data-testid="verify-upload">
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">{t('verify.drop')}</p>
        <p className="ant-upload-hint">{t('verify.hint', { max: kB(MAX_STREAMED_UPLOAD_BYTES) })}</p>
      </Upload.Dragger>
      {problem && <Alert type="warning" showIcon message={problem} data-testid="verify-problem" />}
      {error !== undefined && <ErrorAlert error={error} />}
      {(mutation.isPending || streaming) && <Spin tip={t('verify.checking')}><div style={{ height: 60 }} /></Spin>}
      {report && !mutation.isPending && !streaming && (
        <Card title={t('verify.result')} data-testid="verify-report">
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('verify.file')}>{fileName}</Descriptions.Item>
              <Descriptions.Item label={t('verify.overall')}><IndicationTag indication={report.overall} /></Descriptions.Item>
              <Descriptions.Item label={t('verify.trustListVersion')}>{report.trustListVersion}</Descriptions.Item>
              <Descriptions.Item label={t('verify.verifiedAt')}>{when(report.verifiedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('verify.documentSha256')}><Typography.Text code copyable>{report.documentSha256}</Typography.Text></Descriptions.Item>
            </Descriptions>
            {report.signatures.length === 0 ? <Empty description={t('verify.noSignatures')} /> : report.signatures.map((signature) => <SignatureCard key={signature.index} signature={signature} />)}
          </Space>
        </Card>
      )}
    </Space>
  );
}
