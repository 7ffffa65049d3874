/**
 * The workflow module's admin plugin (`@motcua/workflow/admin`): the calendar editor (a year
 * of working days, weekends and dated exceptions; `calendar.manage` edits), the process
 * designer (graph, validation, simulation, publishing; `process.manage`) and the officer's
 * inbox (any signed-in staff member).
 */
import { CalendarOutlined, InboxOutlined, PartitionOutlined } from '@ant-design/icons';
import { defineAdminPlugin } from '@motcua/kernel/admin';
import { lazy } from 'react';
import { en } from './messages.en';
import { vi } from './messages.vi';

const InboxPage = lazy(() => import('./inbox/InboxPage'));
const CalendarPage = lazy(() => import('./calendars/CalendarPage'));
const ProcessListPage = lazy(() => import('./processes/ProcessListPage'));
const ProcessDesignerPage = lazy(() => import('./processes/ProcessDesignerPage'));

export default defineAdminPlugin({
  name: 'workflow',
  resources: [
    { name: 'inbox', list: '/workflow/inbox' },
    { name: 'processes', list: '/workflow/processes', create: '/workflow/processes/create', edit: '/workflow/processes/edit/:id' },
    { name: 'calendars', list: '/workflow/calendars' },
  ],
  routes: [
    { path: '/workflow/inbox', element: <InboxPage />, resource: 'inbox', action: 'list' },
    { path: '/workflow/processes', element: <ProcessListPage />, resource: 'processes', action: 'list' },
    { path: '/workflow/processes/create', element: <ProcessDesignerPage />, resource: 'processes', action: 'create' },
    { path: '/workflow/processes/edit/:id', element: <ProcessDesignerPage />, resource: 'processes', action: 'edit' },
    { path: '/workflow/calendars', element: <CalendarPage />, resource: 'calendars', action: 'list' },
  ],
  menu: [
    { key: 'inbox', label: 'inbox.menu', icon: <InboxOutlined />, path: '/workflow/inbox', resource: 'inbox', order: 5 },
    { key: 'processes', label: 'processes.menu', icon: <PartitionOutlined />, path: '/workflow/processes', resource: 'processes', order: 40 },
    { key: 'calendars', label: 'calendars.menu', icon: <CalendarOutlined />, path: '/workflow/calendars', resource: 'calendars', order: 45 },
  ],
  permissions: {
    inbox: { list: null },
    processes: { list: 'process.manage', create: 'process.manage', edit: 'process.manage' },
    calendars: { list: 'calendar.manage' },
  },
  messages: { vi, en },
});
