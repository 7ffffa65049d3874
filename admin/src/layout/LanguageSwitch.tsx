import { LANGUAGES, type Language, setLanguage, useLanguage } from '@motcua/kernel/admin';
import { useTranslate } from '@refinedev/core';
import { Segmented } from 'antd';

/** Tiếng Việt / English; the choice is remembered on this browser. */
export function LanguageSwitch() {
  const t = useTranslate();
  const language = useLanguage();
  return (
    <Segmented<Language>
      aria-label={t('language.label')}
      size="small"
      value={language}
      onChange={setLanguage}
      options={LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
    />
  );
}
