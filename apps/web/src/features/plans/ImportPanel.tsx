/**
 * Bulk import of Part 2 items from XLSX/CSV. The server checks every row first; in the default
 * (atomic) mode nothing is saved when any row is wrong, and the errors name the row and the problem.
 * The writer can then fix the file, or choose to import only the valid rows.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { Plan, PlanImportItemsResult } from '@prongsai/contracts';
import { fiscalYearsOfSpan, formatNumber, plans as rules } from '@prongsai/core';
import { ErrorNotice } from '../../components/common.tsx';
import { usePlansI18n } from './i18n.ts';
import { fileToBase64, plansApi } from './plans-api.ts';
import { Notice, statusLabel } from './ui.tsx';

const MAX_BYTES = 10 * 1024 * 1024;

function templateCsv(plan: Plan): string {
  const years = fiscalYearsOfSpan(plan.cycle.firstYear, plan.cycle.lastYear);
  const c = rules.ITEM_COLUMNS;
  const header = [c.code, c.type, c.name, ...years.map(rules.budgetColumn), c.noBudget, c.unit, c.quarters, c.remarks];
  const example = ['1.1.1', 'โครงการ', 'โครงการอบรมคุณธรรมจริยธรรมแก่บุคลากร', ...years.map((_, i) => (i === 0 ? '20000' : '')), '', 'สำนักปลัด', '2', ''];
  const line = (cells: string[]) => cells.map((x) => (/[",\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x)).join(',');
  return `\uFEFF${line(header)}\n${line(example)}\n`;
}

export function ImportPanel({ plan, onImported }: { plan: Plan; onImported: () => void }) {
  const { pt, locale } = usePlansI18n();
  const fileRef = useRef<HTMLInputElement>(null);
  const [replace, setReplace] = useState(false);
  const [result, setResult] = useState<PlanImportItemsResult>();
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const c = rules.ITEM_COLUMNS;
  const columns = [c.code, c.type, c.name, c.noBudget, c.unit, c.quarters, c.remarks].map((x) => `“${x}”`).join(', ');
  const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv(plan))}`;

  async function run(mode: 'atomic' | 'valid_only') {
    const file = fileRef.current?.files?.[0];
    setProblem(undefined);
    setError(undefined);
    if (!file) return setProblem(pt('import.pickFile'));
    if (file.size > MAX_BYTES) return setProblem(pt('import.tooLarge'));
    setBusy(true);
    try {
      const r = await plansApi.importItems(plan.id, { fileName: file.name, contentType: file.type || 'application/octet-stream', contentBase64: await fileToBase64(file), mode, replace });
      setResult(r);
      if (r.saved) onImported();
      requestAnimationFrame(() => summaryRef.current?.focus());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    void run('atomic');
  }
  return (
    <section aria-labelledby="import-h">
      <h2 id="import-h">{pt('import.title')}</h2>
      <p>{pt('import.help', { columns })}</p>
      <p><a href={templateHref} download={`items-template-${plan.cycle.code}.csv`}>{pt('import.template')}</a></p>
      {!plan.canEdit ? <Notice kind="warn">{pt('plans.readOnly', { status: statusLabel(plan.status, locale) })}</Notice> : (
        <form onSubmit={submit} className="form-narrow">
          <div className="field">
            <label htmlFor="import-file">{pt('import.file')}</label>
            <input id="import-file" ref={fileRef} type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={() => setResult(undefined)} />
          </div>
          <div className="check-line">
            <input id="import-replace" type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
            <label htmlFor="import-replace">{pt('import.replace')}</label>
          </div>
          {problem && <div className="notice error" role="alert">{problem}</div>}
          {error !== undefined && <ErrorNotice error={error} />}
          <button type="submit" className="button" disabled={busy}>{pt('import.submit')}</button>
        </form>
      )}
      {result && (
        <div ref={summaryRef} tabIndex={-1} className="import-result">
          {result.saved && result.errors.length === 0 && <Notice kind="success">{pt('import.done', { count: formatNumber(result.imported) })}</Notice>}
          {result.saved && result.errors.length > 0 && <Notice kind="warn">{pt('import.errorsSaved', { imported: formatNumber(result.imported), skipped: formatNumber(result.skipped) })}</Notice>}
          {!result.saved && <div className="notice error" role="alert"><strong>{pt('import.errors', { count: formatNumber(result.errors.length) })}</strong></div>}
          {result.errors.length > 0 && (
            <div className="table-wrap">
              <table className="compact import-errors">
                <caption>{pt('import.errors', { count: formatNumber(result.errors.length) })}</caption>
                <thead><tr><th scope="col" className="num">{pt('import.row')}</th><th scope="col">{pt('import.column')}</th><th scope="col">{pt('import.problem')}</th></tr></thead>
                <tbody>
                  {result.errors.map((e, i) => (
                    <tr key={i}><td className="num">{e.row}</td><td>{e.column ?? '—'}</td><td>{locale === 'en' ? e.messageEn : e.message}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {!result.saved && result.errors.some((e) => e.row > 1) && plan.canEdit && (
            <p className="button-row"><button type="button" className="button secondary" disabled={busy} onClick={() => void run('valid_only')}>{pt('import.validOnly')}</button></p>
          )}
        </div>
      )}
    </section>
  );
}
