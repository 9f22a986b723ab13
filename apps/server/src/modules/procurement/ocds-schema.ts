/**
 * Validation against the official OCDS 1.1 release schema (draft-04, data/ocds-schema/) with the
 * bid extension merged in. Problems are reported, never thrown: an import records them per line
 * and goes on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Ajv as AjvClass, Options, ValidateFunction } from 'ajv';

/** ajv-draft-04 is CommonJS: its default export is the class at run time. */
const Ajv04Class = ((Ajv04 as unknown as { default?: unknown }).default ?? Ajv04) as new (options: Options) => AjvClass;

export const OCDS_SCHEMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../data/ocds-schema');

const readJson = (name: string) => JSON.parse(fs.readFileSync(path.join(OCDS_SCHEMA_DIR, name), 'utf8')) as Record<string, unknown>;

/** RFC 7386 JSON Merge Patch (how OCDS extensions patch the schema). */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

export interface SchemaProblem {
  path: string;
  message: string;
}

export interface OcdsValidator {
  release(value: unknown): SchemaProblem[];
  releasePackage(value: unknown): SchemaProblem[];
  recordPackage(value: unknown): SchemaProblem[];
}

function problemsOf(validate: ValidateFunction, value: unknown, max: number): SchemaProblem[] {
  if (validate(value)) return [];
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    const text = `${e.instancePath || '/'}: ${e.message ?? 'invalid'}${e.keyword === 'enum' ? ` (${(e.params as { allowedValues?: unknown[] }).allowedValues?.join(', ')})` : ''}`;
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ path: e.instancePath || '/', message: text });
    if (out.length >= max) break;
  }
  return out;
}

let cached: OcdsValidator | undefined;

/** The validator (compiled once per process). `max` problems per document are reported. */
export function ocdsValidator(max = 20): OcdsValidator {
  if (cached) return cached;
  const release = mergePatch(readJson('release-schema.json'), readJson('bid-extension-release-schema.json')) as Record<string, unknown>;
  const ajv = new Ajv04Class({ strict: false, allErrors: true, validateFormats: true });
  (((addFormats as unknown as { default?: unknown }).default ?? addFormats) as (a: AjvClass, f: string[]) => void)(ajv, ['date-time', 'uri', 'email']);
  ajv.addSchema(release, String(release.id));
  const releaseFn = ajv.getSchema(String(release.id))!;
  ajv.addSchema(readJson('versioned-release-validation-schema.json'));
  const releasePackageFn = ajv.compile(readJson('release-package-schema.json'));
  const recordPackageFn = ajv.compile(readJson('record-package-schema.json'));
  cached = {
    release: (v) => problemsOf(releaseFn, v, max),
    releasePackage: (v) => problemsOf(releasePackageFn, v, max),
    recordPackage: (v) => problemsOf(recordPackageFn, v, max),
  };
  return cached;
}
