import { createTranslator, type Dictionary, missingTranslations } from '@motcua/kernel/admin';
import { plugins } from '../plugins';
import { en } from './en';
import { vi } from './vi';

export const HOST_DICTIONARY: Dictionary = { vi, en };

/** The host's texts first, then each plugin's. */
export const DICTIONARIES: readonly Dictionary[] = [HOST_DICTIONARY, ...plugins.map((plugin) => plugin.messages)];

// Every text exists in every language: a key missing from one is reported at start-up (the
// browser tests fail on such warnings), like a key missing everywhere is when it is used.
for (const missing of DICTIONARIES.flatMap(missingTranslations)) console.warn(`[i18n] missing translation ${missing}`);

/** Translates in the current language, outside React (providers, errors). */
export const translate = createTranslator(DICTIONARIES);
