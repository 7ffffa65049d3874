import { useGetIdentity, useTranslate } from '@refinedev/core';
import { Card, Col, Flex, Row, Typography } from 'antd';
import { Suspense } from 'react';
import { Link } from 'react-router';
import type { Me } from '../auth/auth-provider';
import { useVisibleMenuItems } from '../layout/menu-items';
import { plugins } from '../plugins';

const WIDGETS = plugins.flatMap((plugin) => plugin.widgets ?? []).sort((a, b) => a.order - b.order);

/** Home page: who is signed in, where, the plugins' widgets and links to what the user may open. */
export default function DashboardPage() {
  const t = useTranslate();
  const { data: me } = useGetIdentity<Me>();
  const links = useVisibleMenuItems();
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }} data-testid="greeting">
          {me && t('dashboard.greeting', { name: me.fullName })}
        </Typography.Title>
        <Typography.Text type="secondary">{[me?.position, me?.agency?.name].filter(Boolean).join(' · ')}</Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        {WIDGETS.map((widget) => (
          <Col key={widget.key} xs={24} xl={12}><Suspense fallback={<Card loading />}>{widget.element}</Suspense></Col>
        ))}
        <Col xs={24} xl={12}>
          <Card title={t('dashboard.quickLinks')}>
            <Flex wrap gap={12}>
              {links.map((item) => (
                <Link key={item.key} to={item.path}>
                  <Card size="small" hoverable style={{ width: 180 }}>
                    <Flex gap={8} align="center">{item.icon}{t(item.label)}</Flex>
                  </Card>
                </Link>
              ))}
            </Flex>
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
