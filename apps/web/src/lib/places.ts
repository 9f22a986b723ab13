/** Provinces (cached for the page's lifetime) and helpers to name places in the active locale. */
import { z } from 'zod';
import { ProvinceSchema, type Province } from '@prongsai/contracts';
import { compareThai } from '@prongsai/core';
import { api } from './api.ts';
import type { Locale } from '../i18n/index.tsx';

let provinces: Promise<Province[]> | undefined;

export function loadProvinces(): Promise<Province[]> {
  provinces ??= api.get('/provinces', z.array(ProvinceSchema)).catch((error: unknown) => {
    provinces = undefined;
    throw error;
  });
  return provinces;
}

/** Thai name in Thai, English name (falling back to Thai) in English. */
export function localName(locale: Locale, th: string, en: string | null | undefined): string {
  return locale === 'en' && en ? en : th;
}

export function sortProvinces(list: Province[], locale: Locale): Province[] {
  return [...list].sort((a, b) => (locale === 'en' ? a.nameEn.localeCompare(b.nameEn, 'en') : compareThai(a.nameTh, b.nameTh)));
}

/** English names of the six regions (ภาค) used in the reference data. */
const REGION_EN: Record<string, string> = {
  'ภาคเหนือ': 'Northern region',
  'ภาคกลาง': 'Central region',
  'ภาคตะวันออกเฉียงเหนือ': 'North-eastern region',
  'ภาคตะวันออก': 'Eastern region',
  'ภาคตะวันตก': 'Western region',
  'ภาคใต้': 'Southern region',
};

export function regionName(locale: Locale, regionTh: string): string {
  return locale === 'en' ? (REGION_EN[regionTh] ?? regionTh) : regionTh;
}
