/**
 * Progress reports (รายงานผลการดำเนินงาน) by fiscal year and round (6/12 months by default): per item
 * status (which implies a default %), % complete, money spent, outputs, KPI actuals, links and
 * evidence files. Saved as a draft, then submitted (a submitted report is public on a published plan).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { PLAN_PROGRESS_STATUSES, type Plan, type PlanItem, type PlanProgressReport, type PlanProgressStatus, type PlanReportRound } from '@prongsai/contracts';
import { fiscalYearOf, fiscalYearsOfSpan, formatNumber, parseBaht, plans as rules } from '@prongsai/core';
import { ErrorNotice, Loading } from '../../components/common.tsx';
import { ApiError } from '../../lib/api.ts';
import { usePlansI18n } from './i18n.ts';
import { fileToBase64, planLinks, plansApi } from './plans-api.ts';
import { Notice, baht, progressLabel, roundKey, thaiDate } from './ui.tsx';

interface Entry {
  status: PlanProgressStatus;
  percent: string;
  spent: string;
  outputs: string;
  kpi: Record<string, string>;
  links: Array<{ url: string; label: string }>;
  note: string;
}

function entryFrom(item: PlanItem, report: PlanProgressReport | null): Entry {
  const e = report?.entries.find((x) => x.itemId === item.id);
  return {
    status: e?.status ?? 'not_started',
    percent: String(e?.percent ?? 0),
    spent: e ? baht(e.spentSatang, false) : '',
    outputs: e?.outputs ?? '',
    kpi: Object.fromEntries((item.sheet?.kpis ?? []).map((k) => [k.id, String(e?.kpiActuals.find((a) => a.kpiId === k.id)?.actual ?? '')])),
    links: e?.links ?? [],
    note: e?.note ?? '',
  };
}

export function ProgressPanel({ plan }: { plan: Plan }) {
  const { pt } = usePlansI18n();
  const years = fiscalYearsOfSpan(plan.cycle.firstYear, plan.cycle.lastYear);
  const thisYear = fiscalYearOf(new Date());
  const [year, setYear] = useState(years.includes(thisYear) ? thisYear : years[0]!);
  const [round, setRound] = useState<PlanReportRound>(plan.reportingRounds[0] ?? '6m');
  const open = rules.canStartNewVersion(plan.status);
  return (
    <>
      <h2>{pt('progress.title')}</h2>
      {!open && <Notice kind="warn">{pt('progress.notAccepted')}</Notice>}
      <div className="form-grid two form-narrow">
        <div className="field">
          <label htmlFor="pr-year">{pt('plans.fiscalYear')}</label>
          <select id="pr-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>{years.map((y) => <option key={y} value={y}>{y}</option>)}</select>
        </div>
        <div className="field">
          <label htmlFor="pr-round">{pt('progress.round')}</label>
          <select id="pr-round" value={round} onChange={(e) => setRound(e.target.value as PlanReportRound)}>{plan.reportingRounds.map((r) => <option key={r} value={r}>{pt(roundKey(r))}</option>)}</select>
        </div>
      </div>
      {open && <ProgressReportForm key={`${year}:${round}`} plan={plan} year={year} round={round} />}
    </>
  );
}

function ProgressReportForm({ plan, year, round }: { plan: Plan; year: number; round: PlanReportRound }) {
  const { pt, locale } = usePlansI18n();
  const [report, setReport] = useState<PlanProgressReport | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>();
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [summary, setSummary] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const items = [...plan.items].sort((a, b) => rules.compareCodes(a.frameworkCode, b.frameworkCode) || a.position - b.position);

  function adopt(r: PlanProgressReport | null) {
    setReport(r);
    setSummary(r?.summary ?? '');
    setEntries(Object.fromEntries(items.map((i) => [i.id, entryFrom(i, r)])));
  }
  useEffect(() => {
    const controller = new AbortController();
    plansApi.progress(plan.id, year, round, controller.signal).then(adopt, (e: unknown) => {
      if (controller.signal.aborted) return;
      if (e instanceof ApiError && e.status === 404) adopt(null);
      else setLoadError(e);
    });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plan.id, year, round]);

  if (loadError !== undefined) return <ErrorNotice error={loadError} />;
  if (report === undefined) return <Loading />;
  const set = (itemId: string, patch: Partial<Entry>) => setEntries((all) => ({ ...all, [itemId]: { ...all[itemId]!, ...patch } }));

  async function save(event?: FormEvent) {
    event?.preventDefault();
    const found: string[] = [];
    const body = items.map((item) => {
      const e = entries[item.id]!;
      const spent = e.spent.trim() ? parseBaht(e.spent) : 0n;
      if (spent === undefined || spent < 0n) found.push(`${item.nameTh}: ${pt('items.budgetInvalid', { value: e.spent })}`);
      const links = e.links.filter((l) => l.url.trim());
      for (const l of links) if (!/^https?:\/\/\S+$/.test(l.url.trim())) found.push(`${item.nameTh}: ${pt('progress.linkInvalid')}`);
      return {
        itemId: item.id,
        status: e.status,
        percent: Math.max(0, Math.min(100, Math.round(Number(e.percent) || 0))),
        spentSatang: (spent ?? 0n).toString(),
        outputs: e.outputs,
        kpiActuals: Object.entries(e.kpi).filter(([, v]) => v.trim() !== '' && Number.isFinite(Number(v))).map(([kpiId, v]) => ({ kpiId, actual: Number(v) })),
        links: links.map((l) => ({ url: l.url.trim(), label: l.label })),
        note: e.note,
      };
    });
    setProblems(found);
    if (found.length) return false;
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      adopt(await plansApi.saveProgress(plan.id, year, round, { summary, entries: body }));
      setMessage(pt('plans.saved'));
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }
  async function submit() {
    if (!(await save())) return;
    setBusy(true);
    try {
      adopt(await plansApi.submitProgress(plan.id, year, round));
      setMessage(pt('progress.submitted'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  async function upload(item: PlanItem, input: HTMLInputElement | null) {
    const file = input?.files?.[0];
    if (!file) return setProblems([pt('import.pickFile')]);
    setBusy(true);
    setError(undefined);
    try {
      const stored = await plansApi.uploadEvidence(plan.id, year, round, item.id, { fileName: file.name, contentType: file.type || 'application/octet-stream', contentBase64: await fileToBase64(file) });
      if (input) input.value = '';
      adopt(await plansApi.progress(plan.id, year, round));
      setMessage(pt('progress.uploaded', { name: stored.fileName }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} aria-labelledby="report-h">
      <h3 id="report-h">{pt(roundKey(round))} · {pt('plans.fy', { year })} {report && <span className={`plan-status status-${report.status === 'submitted' ? 'accepted' : 'draft'}`}>{report.status === 'submitted' ? pt('progress.submitted') : pt('progress.draft')}</span>}</h3>
      {report && (
        <p>
          {pt('progress.totals', { reported: formatNumber(report.totals.reported), items: formatNumber(report.totals.items), completed: formatNumber(report.totals.completed), percent: formatNumber(report.totals.averagePercent, { fractionDigits: 0 }), spent: baht(report.totals.spentSatang), planned: baht(report.totals.plannedSatang) })}
          {' · '}<a href={planLinks.progressDocx(plan.id, year, round)}>DOCX</a> · <a href={planLinks.progressPdf(plan.id, year, round)}>PDF</a>
        </p>
      )}
      <div className="field">
        <label htmlFor="pr-summary">{pt('progress.summary')}</label>
        <textarea id="pr-summary" rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </div>
      {items.map((item) => {
        const e = entries[item.id];
        if (!e) return null;
        const saved = report?.entries.find((x) => x.itemId === item.id);
        const idp = `pr-${item.id}`;
        return (
          <fieldset key={item.id} className="row-card" id={`progress-${item.id}`}>
            <legend>{item.frameworkCode} · {item.nameTh}</legend>
            <div className="form-grid three">
              <div className="field">
                <label htmlFor={`${idp}-status`}>{pt('progress.status')}</label>
                <select id={`${idp}-status`} value={e.status} onChange={(ev) => { const s = ev.target.value as PlanProgressStatus; set(item.id, { status: s, percent: String(rules.defaultPercent(s)) }); }}>
                  {PLAN_PROGRESS_STATUSES.map((s) => <option key={s} value={s}>{progressLabel(s, locale)}</option>)}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${idp}-pct`}>{pt('progress.percent')}</label>
                <input id={`${idp}-pct`} type="number" min={0} max={100} step={1} value={e.percent} onChange={(ev) => set(item.id, { percent: ev.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`${idp}-spent`}>{pt('progress.spent')}</label>
                <input id={`${idp}-spent`} type="text" inputMode="decimal" className="money" disabled={item.noBudget} value={e.spent} onChange={(ev) => set(item.id, { spent: ev.target.value })} />
              </div>
            </div>
            <div className="field">
              <label htmlFor={`${idp}-out`}>{pt('progress.outputs')}</label>
              <textarea id={`${idp}-out`} rows={2} value={e.outputs} onChange={(ev) => set(item.id, { outputs: ev.target.value })} />
            </div>
            {(item.sheet?.kpis ?? []).map((k) => (
              <div className="field" key={k.id}>
                <label htmlFor={`${idp}-kpi-${k.id}`}>{pt('progress.kpiActual', { name: k.nameTh, target: formatNumber(k.target, { fractionDigits: Number.isInteger(k.target) ? 0 : 2 }), unit: k.unit })}</label>
                <input id={`${idp}-kpi-${k.id}`} type="text" inputMode="decimal" className="money" style={{ maxWidth: '10rem' }} value={e.kpi[k.id] ?? ''} onChange={(ev) => set(item.id, { kpi: { ...e.kpi, [k.id]: ev.target.value } })} />
              </div>
            ))}
            <fieldset className="plain">
              <legend>{pt('progress.links')}</legend>
              {e.links.map((l, i) => (
                <div className="form-grid two" key={i}>
                  <div className="field"><label htmlFor={`${idp}-l${i}-url`}>{pt('progress.linkUrl')}</label><input id={`${idp}-l${i}-url`} type="url" value={l.url} onChange={(ev) => set(item.id, { links: e.links.map((x, j) => (j === i ? { ...x, url: ev.target.value } : x)) })} /></div>
                  <div className="field"><label htmlFor={`${idp}-l${i}-label`}>{pt('progress.linkLabel')}</label><input id={`${idp}-l${i}-label`} type="text" value={l.label} onChange={(ev) => set(item.id, { links: e.links.map((x, j) => (j === i ? { ...x, label: ev.target.value } : x)) })} /></div>
                </div>
              ))}
              <button type="button" className="button secondary small" onClick={() => set(item.id, { links: [...e.links, { url: '', label: '' }] })}>{pt('progress.addLink')}</button>
            </fieldset>
            <fieldset className="plain">
              <legend>{pt('progress.evidence')}</legend>
              {saved && saved.evidence.length > 0 && (
                <ul>{saved.evidence.map((f) => <li key={f.fileId}><a href={planLinks.evidence(plan.id, f.fileId)}>{f.fileName}</a> <span className="muted">({formatNumber(Math.ceil(f.sizeBytes / 1024))} KB)</span></li>)}</ul>
              )}
              {saved ? (
                <div className="form-grid two">
                  <div className="field"><label htmlFor={`${idp}-file`}>{pt('progress.upload')}</label><input id={`${idp}-file`} type="file" /></div>
                  <div className="field" style={{ alignSelf: 'end' }}><button type="button" className="button secondary small" disabled={busy} onClick={() => void upload(item, document.getElementById(`${idp}-file`) as HTMLInputElement | null)}>{pt('progress.upload')}: {item.nameTh.slice(0, 30)}</button></div>
                </div>
              ) : <p className="hint">{pt('progress.saveFirst')}</p>}
            </fieldset>
            {saved && <p className="hint">{thaiDate(saved.updatedAt, locale, 'dateTime')}</p>}
          </fieldset>
        );
      })}
      {problems.length > 0 && <div className="notice error" role="alert"><ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul></div>}
      {error !== undefined && <ErrorNotice error={error} />}
      {message && <Notice kind="success">{message}</Notice>}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>{pt('progress.save')}</button>
        <button type="button" className="button secondary" disabled={busy} onClick={() => void submit()}>{pt('progress.submit')}</button>
      </div>
    </form>
  );
}
