import { useResourceParams, useTranslate } from '@refinedev/core';
import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** Keeps the browser tab's title on the current page's translated title. */
export function DocumentTitle() {
  const t = useTranslate();
  const { pathname } = useLocation();
  const { resource, action } = useResourceParams();
  const page = resource && action ? t(`${resource.name}.titles.${action}`) : pathname === '/login' ? t('login.title') : t('dashboard.title');
  useEffect(() => {
    document.title = `${page}${t('documentTitle.suffix')}`;
  }, [page, t]);
  return null;
}
