import { Alert } from 'antd';
import { isApiError } from './errors';
import { useLanguage } from './i18n';

const TEXTS = {
  vi: {
    title: 'Bản ghi đã được người khác thay đổi',
    reloaded: 'Biểu mẫu đã được nạp lại theo dữ liệu mới nhất; vui lòng nhập lại thay đổi của bạn rồi lưu.',
  },
  en: {
    title: 'Someone else changed this record',
    reloaded: 'The form now shows the latest version; please make your changes again and save.',
  },
};

/**
 * In an edit form: when saving failed because someone else changed the record meanwhile
 * (`STALE_VERSION`), says so. Refine reloads the record after a failed save, so the form
 * already shows the latest version (with its new `version`) when this appears.
 *
 * @example
 * const form = useForm({ action: 'edit', … });
 * return <><StaleVersionAlert error={form.mutation.error} /><Form {...form.formProps}>…</Form></>;
 */
export function StaleVersionAlert({ error }: { error: unknown }) {
  const language = useLanguage();
  if (!isApiError(error, 'STALE_VERSION')) return null;
  return (
    <Alert type="warning" showIcon role="alert" message={TEXTS[language].title} description={`${error.messageIn(language)} ${TEXTS[language].reloaded}`} />
  );
}
