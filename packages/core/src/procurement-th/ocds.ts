/**
 * OCDS input shapes → compiled releases. Accepts a compiled release, a bare release, a release
 * package (releases compiled per ocid), a record package or a single record (its compiledRelease,
 * else its embedded releases compiled). Compiling follows the OCDS 1.1 merge rules for what we use:
 * releases in date order; objects merged field by field; `null` deletes a field; arrays of objects
 * that all have an `id` are merged by id; any other array replaces the previous one; `id`, `date`
 * and `tag` of the compiled release are set afresh (tag `compiled`).
 * https://standard.open-contracting.org/1.1/en/schema/merging/
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export type OcdsKind = 'release' | 'compiled_release' | 'release_package' | 'record_package' | 'record' | 'unknown';

/** What a parsed JSON document is. */
export function detectOcdsKind(doc: unknown): OcdsKind {
  if (!isObj(doc)) return 'unknown';
  if (Array.isArray(doc.records)) return 'record_package';
  if (Array.isArray(doc.releases) && !('ocid' in doc) && !('compiledRelease' in doc)) return 'release_package';
  if ('compiledRelease' in doc || ('releases' in doc && 'ocid' in doc)) return 'record';
  if (typeof doc.ocid === 'string') return Array.isArray(doc.tag) && doc.tag.includes('compiled') ? 'compiled_release' : 'release';
  return 'unknown';
}

function identifiable(list: unknown[]): list is Obj[] {
  return list.length > 0 && list.every((x) => isObj(x) && (typeof x.id === 'string' || typeof x.id === 'number'));
}

function mergeValue(prev: unknown, next: unknown): unknown {
  if (isObj(next)) return mergeObject(isObj(prev) ? prev : {}, next);
  if (Array.isArray(next)) {
    if (Array.isArray(prev) && identifiable(next) && (prev.length === 0 || identifiable(prev))) {
      const out = (prev as Obj[]).map((x) => ({ ...x }));
      const index = new Map(out.map((x, i) => [String(x.id), i]));
      for (const item of next) {
        const at = index.get(String(item.id));
        if (at === undefined) {
          index.set(String(item.id), out.length);
          out.push(mergeObject({}, item));
        } else out[at] = mergeObject(out[at]!, item);
      }
      return out;
    }
    return next.map((x) => (isObj(x) ? mergeObject({}, x) : x));
  }
  return next;
}

function mergeObject(prev: Obj, next: Obj): Obj {
  const out: Obj = { ...prev };
  for (const [key, value] of Object.entries(next)) {
    if (value === null) delete out[key];
    else out[key] = mergeValue(out[key], value);
  }
  return out;
}

/** Compiles the releases of ONE contracting process (same ocid) into a compiled release. */
export function compileReleases(releases: readonly Obj[]): Obj {
  const sorted = releases
    .map((r, i) => [r, i] as const)
    .sort(([a, i], [b, j]) => String(a.date ?? '').localeCompare(String(b.date ?? '')) || i - j)
    .map(([r]) => r);
  let compiled: Obj = {};
  for (const r of sorted) {
    const { tag: _tag, id: _id, ...rest } = r;
    compiled = mergeObject(compiled, rest);
  }
  const date = typeof compiled.date === 'string' ? compiled.date : '';
  return { ...compiled, id: `${String(compiled.ocid)}-${date}`, tag: ['compiled'] };
}

export interface CompiledItem {
  release: Obj;
  /** Where it came from, for messages: "releases[3]", "records[0]". */
  source: string;
}

export interface CompileProblem {
  source: string;
  ocid: string | null;
  reason: 'not_an_object' | 'no_ocid' | 'linked_releases_only' | 'unknown_shape';
  message: string;
}

export interface CompileOutcome {
  kind: OcdsKind;
  /** OCDS version declared by the package (absent means 1.0). */
  version: string | null;
  items: CompiledItem[];
  problems: CompileProblem[];
}

function fromRecord(record: unknown, source: string, out: CompileOutcome): void {
  if (!isObj(record)) {
    out.problems.push({ source, ocid: null, reason: 'not_an_object', message: 'record is not an object' });
    return;
  }
  const ocid = typeof record.ocid === 'string' ? record.ocid : null;
  if (isObj(record.compiledRelease)) {
    out.items.push({ release: record.compiledRelease, source: `${source}.compiledRelease` });
    return;
  }
  const embedded = Array.isArray(record.releases) ? record.releases.filter((r): r is Obj => isObj(r) && typeof r.ocid === 'string') : [];
  if (embedded.length > 0) {
    out.items.push({ release: compileReleases(embedded), source: `${source}.releases` });
    return;
  }
  out.problems.push({
    source,
    ocid,
    reason: 'linked_releases_only',
    message: 'the record has neither a compiledRelease nor embedded releases (only links); fetch the releases and import them as a release package',
  });
}

/** Turns any supported OCDS document into compiled releases, with reasons for what was skipped. */
export function toCompiledReleases(doc: unknown): CompileOutcome {
  const kind = detectOcdsKind(doc);
  const out: CompileOutcome = { kind, version: isObj(doc) && typeof doc.version === 'string' ? doc.version : null, items: [], problems: [] };
  if (!isObj(doc)) {
    out.problems.push({ source: 'document', ocid: null, reason: 'not_an_object', message: 'not a JSON object' });
    return out;
  }
  switch (kind) {
    case 'compiled_release':
      out.items.push({ release: doc, source: 'document' });
      break;
    case 'release':
      out.items.push({ release: compileReleases([doc]), source: 'document' });
      break;
    case 'record':
      fromRecord(doc, 'record', out);
      break;
    case 'record_package':
      (doc.records as unknown[]).forEach((r, i) => fromRecord(r, `records[${i}]`, out));
      break;
    case 'release_package': {
      const byOcid = new Map<string, Obj[]>();
      (doc.releases as unknown[]).forEach((r, i) => {
        if (!isObj(r)) out.problems.push({ source: `releases[${i}]`, ocid: null, reason: 'not_an_object', message: 'release is not an object' });
        else if (typeof r.ocid !== 'string') out.problems.push({ source: `releases[${i}]`, ocid: null, reason: 'no_ocid', message: 'release has no ocid' });
        else (byOcid.get(r.ocid) ?? byOcid.set(r.ocid, []).get(r.ocid)!).push(r);
      });
      for (const [ocid, list] of byOcid) out.items.push({ release: compileReleases(list), source: `releases(ocid=${ocid})` });
      break;
    }
    default:
      out.problems.push({ source: 'document', ocid: null, reason: 'unknown_shape', message: 'not a release, compiled release, release package, record or record package' });
  }
  return out;
}
