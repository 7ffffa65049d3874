import { isApiError, useLanguage } from '@motcua/kernel/admin';
import { useTranslate } from '@refinedev/core';
import { Alert } from 'antd';

interface Listed { path?: string; part?: string; vi: string; en: string }

/** The itemised parts of a refusal: `details.missing` (publish) or `details.problems` (save). */
function itemsOf(error: unknown): Listed[] {
  if (!isApiError(error)) return [];
  const details = (error.details ?? {}) as { missing?: Listed[]; problems?: Listed[] };
  return details.missing ?? details.problems ?? [];
}

/**
 * A refused action: for a save or publish, every reported problem listed (the completeness
 * report lists each missing part); otherwise the server's message.
 */
export function OutcomeAlert({ error }: { error: unknown }) {
  const t = useTranslate();
  const language = useLanguage();
  const items = itemsOf(error);
  if (!items.length) {
    // The kernel's ErrorAlert speaks of loading; this is a refused action.
    const message = isApiError(error) ? error.messageIn(language) : String((error as Error)?.message ?? error);
    return <Alert type="error" showIcon role="alert" message={t('procedures.refused')} description={message} />;
  }
  const missing = isApiError(error) && Array.isArray((error.details as { missing?: unknown }).missing);
  return (
    <Alert type="error" showIcon role="alert" data-testid="refusal-report"
      message={t(missing ? 'procedures.publishRefused' : 'procedures.saveRefused')}
      description={<ul style={{ margin: 0, paddingLeft: 20 }}>{items.map((item, i) => <li key={i}>{item.path ? <code>{item.path}</code> : null} {item[language]}</li>)}</ul>} />
  );
}

/** A draft's completeness report: what is still missing before it can be published. */
export function CompletenessAlert({ missing }: { missing: Listed[] }) {
  const t = useTranslate();
  const language = useLanguage();
  if (!missing.length) return <Alert type="success" showIcon data-testid="completeness" message={t('procedures.complete')} />;
  return (
    <Alert type="warning" showIcon data-testid="completeness" message={t('procedures.incomplete', { count: missing.length })}
      description={<ul style={{ margin: 0, paddingLeft: 20 }}>{missing.map((item) => <li key={item.part ?? item.vi}>{item[language]}</li>)}</ul>} />
  );
}
