import { useTranslate } from '@refinedev/core';
import { Typography } from 'antd';
import { BRAND } from '../theme';

/** The star emblem with the system's names. */
export function Brand({ color = '#fff' }: { color?: string }) {
  const t = useTranslate();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
      <svg width="36" height="36" viewBox="0 0 32 32" aria-hidden>
        <circle cx="16" cy="16" r="15" fill={BRAND.red} />
        <path d="M16 6l2.4 7.2H26l-6.1 4.5 2.3 7.3L16 20.5 9.8 25l2.3-7.3L6 13.2h7.6z" fill={BRAND.gold} />
      </svg>
      <div style={{ lineHeight: 1.25 }}>
        <Typography.Text strong style={{ color, fontSize: 16, display: 'block', textTransform: 'uppercase' }}>{t('app.name')}</Typography.Text>
        <Typography.Text style={{ color, opacity: 0.85, fontSize: 12 }}>{t('app.fullName')}</Typography.Text>
      </div>
    </div>
  );
}
