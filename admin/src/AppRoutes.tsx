import { Authenticated } from '@refinedev/core';
import { CatchAllNavigate } from '@refinedev/react-router';
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Outlet, Route, Routes } from 'react-router';
import { RequireAccess } from './access/RequireAccess';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { plugins } from './plugins';

// The login page comes first and alone: the signed-in frame and pages load after it.
const AppLayout = lazy(() => import('./layout/AppLayout'));
const DashboardPage = lazy(() => import('./pages/DashboardPage'));

const routes = plugins.flatMap((plugin) => plugin.routes);
const framed = routes.filter((route) => !route.fullScreen);
const fullScreen = routes.filter((route) => route.fullScreen);
const publicRoutes = plugins.flatMap((plugin) => plugin.publicRoutes ?? []);

/**
 * Public pages for everyone; signed in: the frame with the dashboard and every plugin's pages
 * (each behind its permission), full-screen pages without the frame; otherwise the login page.
 */
export function AppRoutes() {
  return (
    <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />}>
      <Routes>
        {publicRoutes.map(({ path, element }) => <Route key={path} path={path} element={element} />)}
        <Route element={<Authenticated key="bare" fallback={<CatchAllNavigate to="/login" />}><Outlet /></Authenticated>}>
          {fullScreen.map(({ path, element, resource, action }) => (
            <Route key={path} path={path} element={<RequireAccess resource={resource} action={action}>{element}</RequireAccess>} />
          ))}
        </Route>
        <Route
          element={
            <Authenticated key="app" fallback={<CatchAllNavigate to="/login" />}>
              <AppLayout>
                <Outlet />
              </AppLayout>
            </Authenticated>
          }
        >
          <Route index element={<DashboardPage />} />
          {framed.map(({ path, element, resource, action }) => (
            <Route key={path} path={path} element={<RequireAccess resource={resource} action={action}>{element}</RequireAccess>} />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route element={<Authenticated key="login" fallback={<Outlet />}><Navigate to="/" replace /></Authenticated>}>
          <Route path="/login" element={<LoginPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
