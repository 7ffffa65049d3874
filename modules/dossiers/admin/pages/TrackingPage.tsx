import { ErrorAlert } from '@motcua/kernel/admin';
import { useTranslate } from '@refinedev/core';
import { Button, Card, Descriptions, Form, Input, Layout, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { formatInstant, useGql } from '../hooks';
import { TRACK } from '../queries';

interface Tracking {
  code: string; statusLabel: string; nationalStatus: number; procedureName: string; agencyName: string; receivedAt: string | null;
  expectedReturnAt: string | null; finishedAt: string | null; returnedAt: string | null; timeline: Array<{ at: string; label: string }>;
}
interface Lookup { code: string; secret: string }

/** The code and secret of the QR link on Mẫu 01 (`?ma=…&k=…`), if the page was opened from it. */
function fromLink(): Lookup | undefined {
  const params = new URLSearchParams(window.location.search);
  const code = params.get('ma');
  const secret = params.get('k');
  return code && secret ? { code, secret } : undefined;
}

/** Public, no sign-in: a citizen tracks a dossier by the code and secret printed on the receipt slip. */
export default function TrackingPage() {
  const t = useTranslate();
  const [lookup, setLookup] = useState<Lookup | undefined>(fromLink);
  const { data, error, isLoading } = useGql<{ trackDossier: Tracking }>(TRACK, { ...lookup }, Boolean(lookup));
  const found = data?.trackDossier;
  return (
    <Layout style={{ minHeight: '100vh', padding: 24 }}>
      <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 800, margin: '0 auto' }}>
        <Typography.Title level={2}>{t('tracking.title')}</Typography.Title>
        <Form layout="inline" initialValues={lookup} onFinish={(values: Lookup) => setLookup({ code: values.code.trim(), secret: values.secret.trim() })}>
          <Form.Item name="code" rules={[{ required: true, whitespace: true }]}><Input placeholder={t('tracking.code')} style={{ width: 280 }} data-testid="track-code" /></Form.Item>
          <Form.Item name="secret" rules={[{ required: true, whitespace: true }]}><Input placeholder={t('tracking.secret')} data-testid="track-secret" /></Form.Item>
          <Button type="primary" htmlType="submit" loading={isLoading && Boolean(lookup)} data-testid="track">{t('tracking.look')}</Button>
        </Form>
        {error && <ErrorAlert error={error} />}
        {found && (
          <Card data-testid="tracking">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('dossiers.fields.code')}>{found.code}</Descriptions.Item>
              <Descriptions.Item label={t('dossiers.fields.procedure')}>{found.procedureName}</Descriptions.Item>
              <Descriptions.Item label={t('dossiers.fields.agency')}>{found.agencyName}</Descriptions.Item>
              <Descriptions.Item label={t('tracking.status')}><Typography.Text strong data-testid="track-status">{found.statusLabel}</Typography.Text></Descriptions.Item>
              <Descriptions.Item label={t('dossiers.fields.receivedAt')}>{formatInstant(found.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('tracking.expectedReturn')}>{formatInstant(found.expectedReturnAt)}</Descriptions.Item>
              <Descriptions.Item label={t('dossiers.fields.finishedAt')}>{formatInstant(found.finishedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('tracking.returnedAt')}>{formatInstant(found.returnedAt)}</Descriptions.Item>
            </Descriptions>
            <Timeline style={{ marginTop: 24 }} items={found.timeline.map((entry) => ({ children: `${formatInstant(entry.at)} — ${entry.label}` }))} />
          </Card>
        )}
      </Space>
    </Layout>
  );
}
