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

/** Signed in: the frame with the dashboard and every plugin's pages (each behind its permission); otherwise the login page. */
export function AppRoutes() {
  return (
    <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />}>
      <Routes>
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
          {routes.map(({ path, element, resource, action }) => (
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
