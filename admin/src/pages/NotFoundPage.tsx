import { useTranslate } from '@refinedev/core';
import { Button, Result } from 'antd';
import { Link } from 'react-router';

export function NotFoundPage() {
  const t = useTranslate();
  return (
    <Result
      status="404"
      title={t('pages.error.404')}
      subTitle={t('pages.error.info')}
      extra={<Link to="/"><Button type="primary">{t('pages.error.backHome')}</Button></Link>}
    />
  );
}
