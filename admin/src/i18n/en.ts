import type { Messages } from '@motcua/kernel/admin';

/** The host's English texts (same keys as `vi.ts`). */
export const en: Messages = {
  app: {
    name: 'One-stop shop',
    fullName: 'Administrative procedure information system',
    footer: 'Motcua — open-source software for one-stop shops',
    loading: 'Loading…',
  },
  menu: { dashboard: 'Overview' },
  language: { label: 'Language', vi: 'Tiếng Việt', en: 'English' },
  account: { logout: 'Sign out', menu: 'Account' },
  login: {
    title: 'Sign in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    usernameRequired: 'Please enter your username',
    passwordRequired: 'Please enter your password',
    failed: 'Sign-in failed',
    sessionExpired: 'Your session has expired or is no longer valid. Please sign in again.',
    staffOnly: 'The admin app is for civil servants. Citizens please use the public service portal.',
  },
  dashboard: {
    title: 'Overview',
    greeting: 'Welcome, {{name}}',
    quickLinks: 'Quick links',
  },
  pages: {
    forbidden: { title: 'Access denied', description: 'Your account may not open this page. Ask your agency administrator for the permission if you need it.' },
    error: { '404': 'The page you asked for does not exist.', info: 'The address may be wrong or the page was removed.', backHome: 'Back to the overview' },
  },
  buttons: {
    create: 'Create', save: 'Save', logout: 'Sign out', delete: 'Delete', edit: 'Edit', cancel: 'Cancel', confirm: 'Are you sure?',
    filter: 'Filter', clear: 'Clear', refresh: 'Refresh', show: 'Show', undo: 'Undo', import: 'Import', clone: 'Clone',
    notAccessTitle: 'You are not allowed to do this', list: 'List',
  },
  actions: { list: 'List', create: 'Create', edit: 'Edit', show: 'Show', clone: 'Clone' },
  notifications: {
    success: 'Success',
    error: 'Something went wrong',
    undoable: 'You have {{seconds}} seconds to undo',
    createSuccess: 'The {{resource}} was created',
    createError: 'Could not create the {{resource}}',
    editSuccess: 'The {{resource}} was saved',
    editError: 'Could not save the {{resource}}',
    deleteSuccess: 'The {{resource}} was deleted',
    deleteError: 'Could not delete the {{resource}}',
  },
  warnWhenUnsavedChanges: 'You have unsaved changes. Leave the page anyway?',
  loading: 'Loading',
  documentTitle: { suffix: ' | Motcua', default: 'Motcua — One-stop shop' },
};
