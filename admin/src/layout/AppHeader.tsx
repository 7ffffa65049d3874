import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useGetIdentity, useLogout, useTranslate } from '@refinedev/core';
import { Avatar, Dropdown, Layout, Space, Typography } from 'antd';
import type { Me } from '../auth/auth-provider';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';

/** The top bar: the system's name, the language switch and the user's menu. */
export function AppHeader() {
  const t = useTranslate();
  const { data: me } = useGetIdentity<Me>();
  const { mutate: logout } = useLogout();
  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
      <Brand />
      <Space size="large">
        <LanguageSwitch />
        <Dropdown
          trigger={['click']}
          menu={{ items: [{ key: 'logout', icon: <LogoutOutlined />, label: t('account.logout'), onClick: () => logout() }] }}
        >
          <Space style={{ cursor: 'pointer' }} aria-label={t('account.menu')} role="button">
            <Avatar size="small" icon={<UserOutlined />} style={{ background: '#ffffff33' }} />
            <span style={{ lineHeight: 1.2, display: 'inline-block' }}>
              <Typography.Text style={{ color: '#fff', display: 'block' }} data-testid="user-name">{me?.fullName}</Typography.Text>
              <Typography.Text style={{ color: '#ffffffbf', fontSize: 12 }}>{me?.agency?.name}</Typography.Text>
            </span>
          </Space>
        </Dropdown>
      </Space>
    </Layout.Header>
  );
}
