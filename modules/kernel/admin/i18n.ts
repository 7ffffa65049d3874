import type { I18nProvider } from '@refinedev/core';
import { useSyncExternalStore } from 'react';

/** The platform's languages: Vietnamese first, English second. */
export type Language = 'vi' | 'en';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];

/** A tree of messages; keys are looked up by dotted path (`staff.fields.fullName`). */
export interface Messages {
  [key: string]: string | Messages;
}

/** The same message tree in every language. Hosts and plugins each contribute one. */
export type Dictionary = Record<Language, Messages>;

const STORAGE_KEY = 'motcua.language';
const listeners = new Set<() => void>();

function storedLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'vi';
}

let current: Language = storedLanguage();

/** The language in use (persisted in localStorage; Vietnamese by default). */
export function getLanguage(): Language {
  return current;
}

/** Switches the language for the whole app and remembers it for the next visit. */
export function setLanguage(language: Language): void {
  if (language === current) return;
  current = language;
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  for (const listener of listeners) listener();
}

/** The current language, re-rendering the component when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getLanguage,
  );
}

/**
 * Picks the text for the current language from a record's two fields (e.g. a role's `name`
 * and `nameEn`), falling back to Vietnamese when the English one is empty.
 */
export function useLocalized(): (vi: string, en?: string | null) => string {
  const language = useLanguage();
  return (vi, en) => (language === 'en' && en ? en : vi);
}

function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Fills `{{name}}` placeholders. */
export function interpolate(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

/** Dotted keys present in one language of a dictionary and missing in another. */
export function missingTranslations(dictionary: Dictionary): string[] {
  const keys = (messages: Messages, prefix = ''): string[] =>
    Object.entries(messages).flatMap(([key, value]) => (typeof value === 'string' ? [prefix + key] : keys(value, `${prefix}${key}.`)));
  const all = new Set(LANGUAGES.flatMap((language) => keys(dictionary[language])));
  return LANGUAGES.flatMap((language) => [...all].filter((key) => lookup(dictionary[language], key) === undefined).map((key) => `${language}:${key}`));
}

/** Translates a key in a language; reports (console warning) keys found in no dictionary. */
export type Translator = (key: string, params?: Record<string, unknown>, language?: Language, fallback?: string) => string;

/**
 * Keys that may be missing without a warning. `permissionGroups.<subject>` names the subject of
 * permission keys (`staff` in `staff.create`) in role editors: each module's plugin names its
 * own subjects, and a module without an admin plugin still has permissions, shown by subject.
 */
const OPTIONAL_KEYS = /^permissionGroups\./;

/**
 * A translator over the host's and plugins' dictionaries (first match wins), in the current
 * language unless one is given. A key found nowhere falls back to `fallback` (or the key) and
 * is reported as a console warning — the browser tests fail on it — so untranslated labels
 * do not go unnoticed.
 */
export function createTranslator(dictionaries: readonly Dictionary[]): Translator {
  return (key, params, language = getLanguage(), fallback) => {
    for (const dictionary of dictionaries) {
      const message = lookup(dictionary[language], key);
      if (message !== undefined) return interpolate(message, params);
    }
    if (!OPTIONAL_KEYS.test(key)) console.warn(`[i18n] missing ${language} translation: ${key}`);
    return fallback ?? key;
  };
}

/**
 * A Refine i18n provider for one language. The host creates a new one when the language
 * changes, so everything re-renders in the new language.
 */
export function createI18nProvider(translate: Translator, language: Language): I18nProvider {
  return {
    translate(key: string, options?: unknown, defaultMessage?: string) {
      const params = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : undefined;
      return translate(key, params, language, typeof options === 'string' ? options : defaultMessage);
    },
    changeLocale: async (locale: string) => setLanguage(locale === 'en' ? 'en' : 'vi'),
    getLocale: () => language,
  };
}
