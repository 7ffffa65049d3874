import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { ErrorAlert, useCan } from '@motcua/kernel/admin';
import { useCustom, useCustomMutation, useTranslate } from '@refinedev/core';
import { Alert, Button, Card, Form, Input, Popconfirm, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ADD_TRUST_ANCHOR, MAX_UPLOAD_BYTES, pemToBase64, REMOVE_TRUST_ANCHOR, toBase64, TRUST_LIST, type TrustList, type TrustListEntry, UPLOAD_CRL } from '../queries';

const kB = (bytes: number) => Math.ceil(bytes / 1000);
const short = (sha: string) => <Typography.Text code copyable={{ text: sha }}>{sha.slice(0, 16)}…</Typography.Text>;
const date = (value?: string | null) => (value ? new Date(value).toLocaleString('vi-VN') : '—');

/** The current trust list: roots and CRLs; adding, removing and uploading make new versions. */
export default function TrustListPage() {
  const t = useTranslate();
  const canManage = useCan('signature.trust.manage');
  const { query, result } = useCustom<{ trustList: TrustList }>({
    url: '',
    method: 'get',
    meta: { gqlQuery: TRUST_LIST },
    queryOptions: { queryKey: ['signature', 'trustList'] },
  });
  const { mutate, mutation } = useCustomMutation();
  const [form] = Form.useForm<{ name: string; pem: string }>();
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const list = result.data?.trustList;

  const run = (gqlMutation: unknown, values: Record<string, unknown>, message: string, onDone?: () => void) => {
    setError(undefined);
    mutate(
      { url: '', method: 'post', values, meta: { gqlMutation: gqlMutation as never }, successNotification: { type: 'success', message }, errorNotification: false },
      { onSuccess: () => { onDone?.(); void query.refetch(); }, onError: setError },
    );
  };

  const tooLarge = (file: File) => {
    if (file.size <= MAX_UPLOAD_BYTES) return false;
    setProblem(t('trustList.tooLarge', { name: file.name, size: kB(file.size), max: kB(MAX_UPLOAD_BYTES) }));
    return true;
  };

  const readPemFile = async (file: File) => {
    if (tooLarge(file)) return;
    setProblem(undefined);
    const text = await file.text();
    form.setFieldsValue({ pem: text, name: form.getFieldValue('name') || file.name.replace(/\.[^.]+$/, '') });
  };

  const uploadCrl = async (file: File) => {
    if (tooLarge(file)) return;
    setProblem(undefined);
    // The server takes the file's bytes, PEM or DER, as base64.
    run(UPLOAD_CRL, { input: { crlBase64: toBase64(new Uint8Array(await file.arrayBuffer())) } }, t('trustList.crlUploaded'));
  };

  const addAnchor = ({ name, pem }: { name: string; pem: string }) =>
    run(ADD_TRUST_ANCHOR, { input: { name: name.trim(), certificateBase64: pemToBase64(pem) } }, t('trustList.added'), () => form.resetFields());

  const anchorColumns = [
    { title: t('trustList.name'), dataIndex: 'name', render: (name: string | null, entry: TrustListEntry) => name ?? entry.subject },
    { title: t('trustList.subject'), dataIndex: 'subject' },
    { title: t('trustList.sha256'), dataIndex: 'sha256', render: short },
    ...(canManage
      ? [{
          title: t('trustList.actions'),
          key: 'actions',
          render: (_: unknown, entry: TrustListEntry) => (
            <Popconfirm title={t('trustList.removeConfirm', { name: entry.name ?? entry.subject })} okText={t('trustList.remove')} cancelText={t('buttons.cancel')} okButtonProps={{ danger: true }}
              onConfirm={() => run(REMOVE_TRUST_ANCHOR, { sha256: entry.sha256 }, t('trustList.removed'))}>
              <Button size="small" danger icon={<DeleteOutlined />}>{t('trustList.remove')}</Button>
            </Popconfirm>
          ),
        }]
      : []),
  ];
  const crlColumns = [
    { title: t('trustList.subject'), dataIndex: 'subject' },
    { title: t('trustList.thisUpdate'), dataIndex: 'thisUpdate', render: date },
    { title: t('trustList.nextUpdate'), dataIndex: 'nextUpdate', render: date },
    { title: t('trustList.sha256'), dataIndex: 'sha256', render: short },
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('trustList.title')}</Typography.Title>
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {list && (
        <Typography.Text type="secondary" data-testid="trust-list-version">
          {t('trustList.version', { label: list.label })} · {t('trustList.change')}: {list.change}
        </Typography.Text>
      )}
      {problem && <Alert type="warning" showIcon message={problem} />}
      {error !== undefined && <ErrorAlert error={error} />}
      <Card title={t('trustList.anchors')}>
        <Table rowKey="sha256" size="small" loading={query.isLoading} dataSource={list?.anchors ?? []} columns={anchorColumns} pagination={false} locale={{ emptyText: t('trustList.empty') }} data-testid="anchors" />
      </Card>
      <Card title={t('trustList.crls')} extra={canManage && (
        <Upload accept=".crl,.pem,.der" showUploadList={false} beforeUpload={(file) => (void uploadCrl(file), false)}>
          <Button icon={<UploadOutlined />} loading={mutation.isPending}>{t('trustList.uploadCrl')}</Button>
        </Upload>
      )}>
        <Typography.Paragraph type="secondary">{t('trustList.crlHint')}</Typography.Paragraph>
        <Table rowKey="sha256" size="small" loading={query.isLoading} dataSource={list?.crls ?? []} columns={crlColumns} pagination={false} locale={{ emptyText: t('trustList.empty') }} />
      </Card>
      {canManage && (
        <Card title={t('trustList.addAnchor')}>
          <Form form={form} layout="vertical" onFinish={addAnchor}>
            <Form.Item name="name" label={t('trustList.anchorName')} rules={[{ required: true, whitespace: true, message: t('trustList.rules.nameRequired') }]}>
              <Input />
            </Form.Item>
            <Form.Item name="pem" label={t('trustList.anchorPem')} extra={t('trustList.anchorPemHint')}
              rules={[{ required: true, message: t('trustList.rules.pemRequired') }, { validator: (_, value) => (!value || pemToBase64(value) ? Promise.resolve() : Promise.reject(new Error(t('trustList.rules.pemInvalid')))) }]}>
              <Input.TextArea rows={6} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
            <Space>
              <Upload accept=".pem,.crt,.cer" showUploadList={false} beforeUpload={(file) => (void readPemFile(file), false)}>
                <Button icon={<UploadOutlined />}>{t('trustList.chooseFile')}</Button>
              </Upload>
              <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={mutation.isPending}>{t('trustList.addAnchor')}</Button>
            </Space>
          </Form>
        </Card>
      )}
    </Space>
  );
}
