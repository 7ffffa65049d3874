import { createI18nProvider, useLanguage } from '@motcua/kernel/admin';
import { Refine } from '@refinedev/core';
import routerProvider, { UnsavedChangesNotifier } from '@refinedev/react-router';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import viVN from 'antd/es/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useMemo } from 'react';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './AppRoutes';
import { translate } from './i18n';
import { DocumentTitle } from './layout/DocumentTitle';
import { useNotificationProvider } from './notifications';
import { plugins } from './plugins';
import { accessControlProvider, authProvider, dataProvider, queryClient } from './providers';
import { theme } from './theme';

const resources = plugins.flatMap((plugin) => plugin.resources);

/** The admin app: Refine on antd with every plugin's resources, Vietnamese first. */
export function App() {
  const language = useLanguage();
  const i18nProvider = useMemo(() => createI18nProvider(translate, language), [language]);
  dayjs.locale(language);

  return (
    <BrowserRouter basename="/admin">
      <ConfigProvider locale={language === 'en' ? enUS : viVN} theme={theme}>
        <AntdApp notification={{ placement: 'bottomLeft' }}>
          <Refine
            dataProvider={dataProvider}
            authProvider={authProvider}
            accessControlProvider={accessControlProvider}
            i18nProvider={i18nProvider}
            routerProvider={routerProvider}
            notificationProvider={useNotificationProvider}
            resources={resources}
            options={{ syncWithLocation: true, warnWhenUnsavedChanges: true, disableTelemetry: true, reactQuery: { clientConfig: queryClient } }}
          >
            <AppRoutes />
            <UnsavedChangesNotifier />
            <DocumentTitle />
          </Refine>
        </AntdApp>
      </ConfigProvider>
    </BrowserRouter>
  );
}
