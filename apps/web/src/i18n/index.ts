import type { Locale } from '@nianbao/report-format';
import { watch } from 'vue';
import { createI18n } from 'vue-i18n';
import { en } from './en';
import { zhCN } from './zh-CN';

export type UiLocale = Locale;

export const UI_LOCALES: readonly { code: UiLocale; name: string }[] = [
  { code: 'zh-CN', name: '中文' },
  { code: 'en', name: 'English' },
];

const STORAGE_KEY = 'nianbao.locale';

function savedLocale(): UiLocale {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export const i18n = createI18n<[typeof zhCN], UiLocale, false>({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

export function currentLocale(): UiLocale {
  return i18n.global.locale.value;
}

export function setLocale(locale: UiLocale): void {
  i18n.global.locale.value = locale;
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage can be unavailable (private mode); the choice then lasts for this page only.
  }
}

/** Keeps `<html lang>` and the document title in step with the UI language. */
export function followLocaleInDocument(): void {
  watch(
    i18n.global.locale,
    (locale) => {
      document.documentElement.lang = locale;
      document.title = `${i18n.global.t('app.name')} · ${i18n.global.t('app.subtitle')}`;
    },
    { immediate: true },
  );
}
