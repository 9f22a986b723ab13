/**
 * Locale state: Thai by default, English switchable, remembered in localStorage. `t(key, params)`
 * looks a string up in the active dictionary and fills {placeholders}.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { OrganizationKind } from '@prongsai/contracts';
import { en } from './en.ts';
import { th, type MessageKey, type Messages } from './th.ts';

export type Locale = 'th' | 'en';
export type { MessageKey };
export type TParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TParams) => string;

const DICTIONARIES: Record<Locale, Messages> = { th, en };
const STORAGE_KEY = 'prongsai.locale';

export function interpolate(template: string, params?: TParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'th' || saved === 'en') return saved;
  } catch {
    /* storage unavailable: use the default */
  }
  return 'th';
}

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* ignore */
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[locale];
    return { locale, setLocale, t: (key, params) => interpolate(dict[key], params) };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** The message key of an organisation kind; the template type makes a missing label a type error. */
export function kindKey(kind: OrganizationKind): `kind.${OrganizationKind}` & MessageKey {
  return `kind.${kind}`;
}
