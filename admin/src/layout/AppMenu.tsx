import { DashboardOutlined } from '@ant-design/icons';
import { useTranslate } from '@refinedev/core';
import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import { selectedMenuKey, useVisibleMenuItems } from './menu-items';

/** The side menu: the overview, then the plugins' items the user may open. */
export function AppMenu() {
  const t = useTranslate();
  const { pathname } = useLocation();
  const items = [{ key: 'dashboard', label: 'menu.dashboard', icon: <DashboardOutlined />, path: '/' }, ...useVisibleMenuItems()];
  const selected = selectedMenuKey(items, pathname);
  return (
    <Menu
      mode="inline"
      aria-label="menu"
      selectedKeys={selected ? [selected] : []}
      style={{ borderInlineEnd: 'none', paddingTop: 8 }}
      items={items.map((item) => ({ key: item.key, icon: item.icon, label: <Link to={item.path}>{t(item.label)}</Link> }))}
    />
  );
}
