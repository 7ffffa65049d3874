import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useLogin, useTranslate } from '@refinedev/core';
import { Alert, Button, Card, Flex, Form, Input, Layout, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { forgetSignOutReason, signOutReason } from '../auth/session';
import { Brand } from '../layout/Brand';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { BRAND } from '../theme';

interface Credentials {
  username: string;
  password: string;
}

/** Sign-in against the server's `login`; says why when the previous session ended. */
export function LoginPage() {
  const t = useTranslate();
  const [expired, setExpired] = useState(() => signOutReason() === 'expired');
  const [failure, setFailure] = useState<string | null>(null);
  const { mutate: login, isPending } = useLogin<Credentials>();
  useEffect(forgetSignOutReason, []);

  const submit = (credentials: Credentials) => {
    setExpired(false);
    setFailure(null);
    login(credentials, { onSuccess: ({ success, error }) => !success && setFailure(error?.message ?? t('login.failed')) });
  };

  return (
    <Layout style={{ minHeight: '100vh', background: `linear-gradient(160deg, ${BRAND.blue} 0%, #1565c0 45%, #e3ecf7 45%)` }}>
      <Flex justify="space-between" align="center" style={{ padding: '16px 24px' }}>
        <Brand />
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} justify="center" align="start" style={{ paddingTop: '6vh' }}>
        <Card style={{ width: 400, boxShadow: '0 8px 24px #0b4a8f33' }}>
          <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>{t('login.title')}</Typography.Title>
          <Flex vertical gap={12} style={{ marginBottom: 16 }}>
            {expired && <Alert type="warning" showIcon message={t('login.sessionExpired')} data-testid="session-expired" />}
            {failure && <Alert type="error" showIcon message={t('login.failed')} description={failure} data-testid="login-error" />}
          </Flex>
          <Form<Credentials> layout="vertical" requiredMark={false} onFinish={submit} autoComplete="on">
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={isPending}>{t('login.submit')}</Button>
          </Form>
        </Card>
      </Flex>
      <Typography.Text type="secondary" style={{ textAlign: 'center', padding: 16 }}>{t('app.footer')}</Typography.Text>
    </Layout>
  );
}
