/**
 * The evaluation module's admin plugin (`@motcua/evaluation/admin`): scorecards with charts and
 * drill-down, disputes, periodic reviews, petitions (phản ánh, kiến nghị), the desk kiosk (full screen), and two public pages —
 * agency rankings (`/cong-khai/xep-hang`) and the rating link of the result email (`/danh-gia/:token`).
 */
import { AuditOutlined, BarChartOutlined, LikeOutlined, MessageOutlined, TabletOutlined } from '@ant-design/icons';
import { defineAdminPlugin } from '@motcua/kernel/admin';
import { lazy } from 'react';
import { en } from './messages.en';
import { vi } from './messages.vi';

const ScorecardPage = lazy(() => import('./pages/ScorecardPage'));
const DisputesPage = lazy(() => import('./pages/DisputesPage'));
const PetitionsPage = lazy(() => import('./pages/PetitionsPage'));
const ReviewsPage = lazy(() => import('./pages/ReviewsPage'));
const KioskPage = lazy(() => import('./pages/KioskPage'));
const RankingsPage = lazy(() => import('./pages/RankingsPage'));
const RatingLinkPage = lazy(() => import('./pages/RatingLinkPage'));

export default defineAdminPlugin({
  name: 'evaluation',
  resources: [
    { name: 'scorecards', list: '/evaluation/scorecards' },
    { name: 'disputes', list: '/evaluation/disputes' },
    { name: 'reviews', list: '/evaluation/reviews' },
    { name: 'petitions', list: '/evaluation/petitions' },
    { name: 'kiosk', list: '/kiosk/danh-gia' },
  ],
  routes: [
    { path: '/evaluation/scorecards', element: <ScorecardPage />, resource: 'scorecards', action: 'list' },
    { path: '/evaluation/disputes', element: <DisputesPage />, resource: 'disputes', action: 'list' },
    { path: '/evaluation/reviews', element: <ReviewsPage />, resource: 'reviews', action: 'list' },
    { path: '/evaluation/petitions', element: <PetitionsPage />, resource: 'petitions', action: 'list' },
    { path: '/kiosk/danh-gia', element: <KioskPage />, resource: 'kiosk', action: 'list', fullScreen: true },
  ],
  publicRoutes: [
    { path: '/cong-khai/xep-hang', element: <RankingsPage /> },
    { path: '/danh-gia/:token', element: <RatingLinkPage /> },
  ],
  menu: [
    { key: 'scorecards', label: 'scorecards.menu', icon: <BarChartOutlined />, path: '/evaluation/scorecards', resource: 'scorecards', order: 80 },
    { key: 'disputes', label: 'disputes.menu', icon: <AuditOutlined />, path: '/evaluation/disputes', resource: 'disputes', order: 81 },
    { key: 'reviews', label: 'reviews.menu', icon: <LikeOutlined />, path: '/evaluation/reviews', resource: 'reviews', order: 82 },
    { key: 'petitions', label: 'petitions.menu', icon: <MessageOutlined />, path: '/evaluation/petitions', resource: 'petitions', order: 84 },
    { key: 'kiosk', label: 'kiosk.menu', icon: <TabletOutlined />, path: '/kiosk/danh-gia', resource: 'kiosk', order: 83 },
  ],
  permissions: {
    // Scorecards and disputes are scoped by the server: everyone signed in reads at least their own.
    scorecards: { list: null },
    disputes: { list: null },
    reviews: { list: 'evaluation.review' },
    kiosk: { list: 'evaluation.kiosk' },
    petitions: { list: 'petition.handle' },
  },
  messages: { vi, en },
});
