/**
 * Procurement screens: the public leads page (map + flags with the agency's answer), and the
 * officers' workspace (import with a progress bar that survives reloads, flags with answer/review,
 * risk ranking with filters, watchlists). A flag is a lead, not proof — every list says so.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  FlagListSchema,
  FlagMapSchema,
  FlagSchema,
  ProcurementImportSchema,
  RiskListSchema,
  WatchlistSchema,
  type ProcurementFlag,
} from '@prongsai/contracts';
import { formatBaht } from '@prongsai/core/money.ts';
import { z } from 'zod';
import { api, apiUrl, ApiError, errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { hasRole, useSession } from '../../lib/session.tsx';
import { ErrorNotice, Loading, useTitle } from '../../components/common.tsx';
import { ThailandChoropleth } from '../../components/maps/ThailandChoropleth.tsx';
import { useProcurementI18n } from './i18n.ts';

const IMPORT_KEY = 'prongsai.procurement.import';
const baht = (satang: string | null) => (satang === null ? '–' : formatBaht(BigInt(satang)));

export function FlagCard({ flag, onChange }: { flag: ProcurementFlag; onChange?: (f: ProcurementFlag) => void }) {
  const { pt, locale } = useProcurementI18n();
  const { me } = useSession();
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const canRespond = !!flag.organizationCode && (hasRole(me, 'org_editor', flag.organizationCode) || hasRole(me, 'org_admin', flag.organizationCode));
  const canReview = !!me?.memberships?.some((m) => ['nacc_provincial_officer', 'pacc_regional_officer', 'nacc_national_officer', 'pacc_national_officer'].includes(m.role));
  async function send(path: string, body: unknown) {
    setError(undefined);
    try {
      onChange?.(await api.post(`/procurement/flags/${flag.id}/${path}`, body, FlagSchema));
    } catch (e) {
      setError(e);
    }
  }
  return (
    <article className="card flag-card" aria-label={`${flag.code} ${locale === 'en' ? flag.titleEn : flag.title}`}>
      <h3>
        <span className="badge">{flag.code}</span> {locale === 'en' ? flag.titleEn : flag.title}{' '}
        <span className="muted">({pt(`p.status.${flag.status}`)})</span>
      </h3>
      <p>{locale === 'en' ? flag.explanationEn : flag.explanation}</p>
      <p className="muted">
        {pt('p.process')}: <Link to={`/procurement/processes/${encodeURIComponent(flag.ocid)}`}>{flag.processTitle ?? flag.ocid}</Link>
        {flag.buyerName ? <> · {pt('p.buyer')}: {flag.organizationCode ? <Link to={`/organizations/${flag.organizationCode}`}>{flag.buyerName}</Link> : flag.buyerName}</> : null}
        {flag.valueSatang ? <> · {baht(flag.valueSatang)} ฿</> : null}
      </p>
      <details>
        <summary>{pt('p.evidence')}</summary>
        <pre className="evidence">{JSON.stringify(flag.evidence, null, 2)}</pre>
      </details>
      <p><strong>{pt('p.answer')}:</strong> {flag.response ?? <span className="muted">{pt('p.noAnswer')}</span>}</p>
      {flag.reviewOutcome && <p><strong>{pt('p.review')}:</strong> {pt(`p.outcome.${flag.reviewOutcome}`)}{flag.reviewNote ? ` — ${flag.reviewNote}` : ''}</p>}
      {error !== undefined && <ErrorNotice error={error} />}
      {canRespond && onChange && (
        <form onSubmit={(e) => { e.preventDefault(); void send('response', { response: text }); }}>
          <label>{pt('p.respond')} <span className="muted">({pt('p.respondHelp')})</span>
            <textarea value={text} onChange={(e) => setText(e.target.value)} required maxLength={5000} />
          </label>
          <button type="submit">{pt('p.send')}</button>
        </form>
      )}
      {canReview && onChange && (
        <form onSubmit={(e) => { e.preventDefault(); const outcome = (e.currentTarget.elements.namedItem('outcome') as HTMLSelectElement).value; void send('review', { outcome, note }); }}>
          <label>{pt('p.markReviewed')}
            <select name="outcome" defaultValue="noted">
              {(['cleared', 'noted', 'referred'] as const).map((o) => <option key={o} value={o}>{pt(`p.outcome.${o}`)}</option>)}
            </select>
          </label>
          <label>{pt('p.note')}<input value={note} onChange={(e) => setNote(e.target.value)} maxLength={5000} /></label>
          <button type="submit">{pt('p.markReviewed')}</button>
        </form>
      )}
    </article>
  );
}

export function FlagList({ path, query }: { path: string; query: Record<string, string | number | undefined> }) {
  const { pt, locale } = useProcurementI18n();
  const loaded = useApi((signal) => api.get(path, FlagListSchema, { limit: 50, ...query }, signal), [path, JSON.stringify(query)]);
  const [items, setItems] = useState<ProcurementFlag[]>([]);
  useEffect(() => setItems(loaded.data?.items ?? []), [loaded.data]);
  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  return (
    <div>
      <p className="notice" role="note">{locale === 'en' ? loaded.data?.leadNotProofEn : loaded.data?.leadNotProof}</p>
      {items.length === 0 ? <p>{pt('p.none')}</p> : items.map((f) => <FlagCard key={f.id} flag={f} onChange={(n) => setItems((all) => all.map((x) => (x.id === n.id ? n : x)))} />)}
    </div>
  );
}

/** Public: map of flags per province and the flags as leads. */
export function ProcurementPublicPage() {
  const { pt } = useProcurementI18n();
  useTitle(pt('p.title'));
  const map = useApi((signal) => api.get('/procurement/map', FlagMapSchema, undefined, signal), []);
  const values = new Map((map.data?.provinces ?? []).map((p) => [p.provinceCode, p.flags]));
  return (
    <div>
      <h1>{pt('p.title')}</h1>
      <p>{pt('p.lead')}</p>
      <section aria-labelledby="p-map">
        <h2 id="p-map">{pt('p.map')}</h2>
        {map.data && (
          <ThailandChoropleth values={values} nameOf={(code, fb) => fb.th || code} describe={(name, value) => pt('p.mapDescribe', { name, value })} label={pt('p.map')} legendTitle={pt('p.flags')} hrefOf={(code) => `/provinces/${code}`} />
        )}
      </section>
      <section aria-labelledby="p-flags">
        <h2 id="p-flags">{pt('p.flags')}</h2>
        <FlagList path="/public/procurement/flags" query={{}} />
      </section>
    </div>
  );
}

export function ProcessPage({ ocid }: { ocid: string }) {
  const loaded = useApi((signal) => api.get(`/procurement/processes/${encodeURIComponent(ocid)}`, z.any(), undefined, signal), [ocid]);
  const { pt } = useProcurementI18n();
  useTitle(ocid);
  if (loaded.loading) return <Loading />;
  if (loaded.error) return <ErrorNotice error={loaded.error} />;
  const p = loaded.data as { title: string | null; buyerName: string | null; methodDetails: string | null; valueSatang: string | null; referenceSatang: string | null; flags: ProcurementFlag[] };
  return (
    <div>
      <h1>{p.title ?? ocid}</h1>
      <p>{pt('p.buyer')}: {p.buyerName} · {p.methodDetails} · {baht(p.valueSatang)} ฿ (ราคากลาง {baht(p.referenceSatang)} ฿)</p>
      {p.flags.map((f) => <FlagCard key={f.id} flag={f} />)}
    </div>
  );
}

function ImportPanel() {
  const { pt, locale } = useProcurementI18n();
  const [importId, setImportId] = useState<string | null>(() => localStorage.getItem(IMPORT_KEY));
  const [view, setView] = useState<z.infer<typeof ProcurementImportSchema>>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (!importId) return;
    let stop = false;
    const poll = async () => {
      try {
        const v = await api.get(`/procurement/imports/${importId}`, ProcurementImportSchema);
        if (stop) return;
        setView(v);
        if (v.status === 'queued' || v.status === 'running') setTimeout(poll, 1000);
      } catch (e) {
        if (!stop) setError(e);
      }
    };
    void poll();
    return () => { stop = true; };
  }, [importId]);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(undefined);
    const res = await fetch(apiUrl('/procurement/imports'), { method: 'POST', body: new FormData(e.currentTarget), credentials: 'same-origin' });
    if (!res.ok) return setError(new ApiError((((await res.json().catch(() => ({}))) as { code?: string }).code ?? 'INTERNAL') as ConstructorParameters<typeof ApiError>[0], res.status));
    const v = ProcurementImportSchema.parse(await res.json());
    localStorage.setItem(IMPORT_KEY, v.id);
    setImportId(v.id);
    setView(v);
  }
  const percent = view?.job?.percent ?? (view?.status === 'done' ? 100 : 0);
  return (
    <section aria-labelledby="p-import">
      <h2 id="p-import">{pt('p.import')}</h2>
      <p>{pt('p.importHelp')}</p>
      <form onSubmit={submit}>
        <label>{pt('p.file')} <input type="file" name="file" accept=".jsonl,.ndjson,.json,.csv" required /></label>
        <button type="submit">{pt('p.upload')}</button>
      </form>
      {error !== undefined && <p role="alert">{errorText(error, locale)}</p>}
      {view && (
        <div>
          <label>{pt('p.progress')}: {view.fileName} <progress max={100} value={percent} aria-valuetext={`${percent}%`}>{percent}%</progress> {percent}%</label>
          {view.status === 'done' && <p role="status">{pt('p.importDone', { n: view.releasesUpserted, e: view.errorsCount, w: view.warningsCount })}</p>}
        </div>
      )}
    </section>
  );
}

function RiskPanel() {
  const { pt } = useProcurementI18n();
  const [query, setQuery] = useState<Record<string, string>>({ entity: 'buyer' });
  const loaded = useApi((signal) => api.get('/procurement/risk', RiskListSchema, { ...query, limit: 50 }, signal), [JSON.stringify(query)]);
  return (
    <section aria-labelledby="p-risk">
      <h2 id="p-risk">{pt('p.risk')}</h2>
      <form onSubmit={(e) => { e.preventDefault(); const f = new FormData(e.currentTarget); setQuery(Object.fromEntries([...f.entries()].filter(([, v]) => v !== '').map(([k, v]) => [k, String(v)]))); }}>
        <label>{pt('p.entity.buyer')}/{pt('p.entity.supplier')}
          <select name="entity" defaultValue="buyer"><option value="buyer">{pt('p.entity.buyer')}</option><option value="supplier">{pt('p.entity.supplier')}</option></select>
        </label>
        <label>{pt('p.province')}<input name="province" pattern="\d{2}" size={3} /></label>
        <label>{pt('p.region')}<input name="region" type="number" min={1} max={9} /></label>
        <label>{pt('p.method')}
          <select name="method" defaultValue=""><option value="">{pt('p.any')}</option>{['e_bidding', 'e_market', 'selective', 'specific'].map((m) => <option key={m} value={m}>{m}</option>)}</select>
        </label>
        <label>{pt('p.year')}<input name="year" type="number" min={2500} max={2700} /></label>
        <label>{pt('p.minValue')}<input name="minValue" type="number" min={0} /></label>
        <button type="submit">{pt('p.filter')}</button>
      </form>
      {loaded.loading && <Loading />}
      {loaded.error !== undefined && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
      {loaded.data && (
        <>
          <p className="muted">{pt('p.riskMethod')}: {loaded.data.method}</p>
          <table>
            <thead><tr><th>#</th><th>{query.entity === 'supplier' ? pt('p.entity.supplier') : pt('p.entity.buyer')}</th><th>{pt('p.score')}</th><th>{pt('p.processes')}</th><th>{pt('p.flagged')}</th><th>{pt('p.value')}</th></tr></thead>
            <tbody>
              {loaded.data.items.map((r) => (
                <tr key={r.id}>
                  <td>{r.rank}</td>
                  <td>{r.organizationCode ? <Link to={`/organizations/${r.organizationCode}`}>{r.name ?? r.id}</Link> : (r.name ?? r.id)}</td>
                  <td>{r.score.toFixed(2)}</td><td>{r.processes}</td><td>{r.flaggedProcesses}</td><td>{baht(r.valueSatang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function WatchlistPanel() {
  const { pt } = useProcurementI18n();
  const loaded = useApi((signal) => api.get('/procurement/watchlists', z.array(WatchlistSchema), undefined, signal), []);
  const [name, setName] = useState('');
  if (loaded.error instanceof ApiError && loaded.error.status === 403) return null;
  return (
    <section aria-labelledby="p-watch">
      <h2 id="p-watch">{pt('p.watchlists')}</h2>
      <form onSubmit={async (e) => { e.preventDefault(); await api.post('/procurement/watchlists', { name }, WatchlistSchema); setName(''); loaded.reload(); }}>
        <label>{pt('p.newWatchlist')}<input value={name} onChange={(e) => setName(e.target.value)} required /></label>
        <button type="submit">{pt('p.create')}</button>
      </form>
      {loaded.data?.map((w) => (
        <div key={w.id} className="card">
          <h3>{w.name}</h3>
          <ul>{w.items.map((i) => <li key={i.id}>{i.kind}: {i.label ?? i.subjectId} <button type="button" onClick={async () => { await api.delete(`/procurement/watchlists/${w.id}/items/${i.id}`); loaded.reload(); }}>{pt('p.remove')}</button></li>)}</ul>
          <form onSubmit={async (e) => { e.preventDefault(); const f = new FormData(e.currentTarget); await api.post(`/procurement/watchlists/${w.id}/items`, { kind: f.get('kind'), subjectId: f.get('subjectId') }, z.any()); loaded.reload(); }}>
            <select name="kind" aria-label={pt('p.watch')}><option value="buyer">{pt('p.entity.buyer')}</option><option value="supplier">{pt('p.entity.supplier')}</option></select>
            <label>{pt('p.subject')}<input name="subjectId" required /></label>
            <button type="submit">{pt('p.watch')}</button>
          </form>
        </div>
      ))}
    </section>
  );
}

/** Officers' workspace (and the agency's view of its own flags). */
export function ProcurementWorkPage() {
  const { pt } = useProcurementI18n();
  const { me } = useSession();
  useTitle(pt('p.work'));
  const oversight = !!me?.memberships?.some((m) => ['nacc_provincial_officer', 'pacc_regional_officer', 'nacc_national_officer', 'pacc_national_officer', 'system_admin'].includes(m.role));
  return (
    <div>
      <h1>{pt('p.work')}</h1>
      {oversight && <ImportPanel />}
      {oversight && <RiskPanel />}
      <section aria-labelledby="p-myflags">
        <h2 id="p-myflags">{pt('p.flags')}</h2>
        <FlagList path="/procurement/flags" query={{}} />
      </section>
      {oversight && <WatchlistPanel />}
    </div>
  );
}
