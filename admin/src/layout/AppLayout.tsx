import { useTranslate } from '@refinedev/core';
import { Layout, Spin, Typography } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { AppHeader } from './AppHeader';
import { AppMenu } from './AppMenu';

/** The signed-in frame: header bar, side menu from the plugins, the page. */
export default function AppLayout({ children }: { children: ReactNode }) {
  const t = useTranslate();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader />
      <Layout>
        <Layout.Sider width={248} breakpoint="lg" collapsedWidth={64} style={{ borderRight: '1px solid #e8e8e8' }}>
          <AppMenu />
        </Layout.Sider>
        <Layout>
          <Layout.Content style={{ padding: 24 }}>
            <Suspense fallback={<Spin tip={t('app.loading')} style={{ display: 'block', marginTop: 80 }}><div /></Spin>}>{children}</Suspense>
          </Layout.Content>
          <Layout.Footer style={{ textAlign: 'center', padding: '12px 24px' }}>
            <Typography.Text type="secondary">{t('app.footer')}</Typography.Text>
          </Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
