import type { NotificationProvider } from '@refinedev/core';
import { App } from 'antd';

/**
 * Refine's notifications as antd notifications (inside antd's `<App>`): the specific text
 * (usually the server's message) as the title, Refine's general one ("Could not save…")
 * below it. Kept here rather than taken from @refinedev/antd so that the login page does not
 * load that whole package.
 */
export function useNotificationProvider(): NotificationProvider {
  const { notification } = App.useApp();
  return {
    open: ({ key, message, description, type }) =>
      notification.open({
        key,
        type: type === 'progress' ? 'info' : type,
        message: description ?? message,
        description: description ? message : undefined,
      }),
    close: (key) => notification.destroy(key),
  };
}
