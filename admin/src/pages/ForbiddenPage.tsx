import { useTranslate } from '@refinedev/core';
import { Button, Result } from 'antd';
import { Link } from 'react-router';

/** The refusal shown in place of a page the user may not open (the server refuses anyway). */
export function ForbiddenPage() {
  const t = useTranslate();
  return (
    <Result
      status="403"
      title={t('pages.forbidden.title')}
      subTitle={t('pages.forbidden.description')}
      extra={<Link to="/"><Button type="primary">{t('pages.error.backHome')}</Button></Link>}
    />
  );
}
