import { Alert, Button } from 'antd';
import { isApiError } from './errors';
import { useLanguage } from './i18n';

const TEXTS = {
  vi: { failed: 'Không tải được dữ liệu', retry: 'Thử lại' },
  en: { failed: 'Could not load the data', retry: 'Try again' },
};

/**
 * Shows a failed load in place of the content (never a blank screen): the server's message in
 * the current language and, with `onRetry`, a button to try again.
 */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const language = useLanguage();
  const message = isApiError(error) ? error.messageIn(language) : String((error as Error)?.message ?? error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={TEXTS[language].failed}
      description={message}
      action={onRetry && <Button onClick={onRetry}>{TEXTS[language].retry}</Button>}
    />
  );
}
