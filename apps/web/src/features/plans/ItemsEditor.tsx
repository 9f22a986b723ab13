/**
 * Part 2: items grouped by dimension and sub-item. Each item: type, sub-item, name, budget per fiscal
 * year in baht (stored as satang) or "ไม่ใช้งบประมาณ", responsible unit, quarters, remarks. Items
 * move up/down with buttons (keyboard focus stays on the moved item); reviewer comments show on the
 * item they are about; an uncovered heading asks for a written reason.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { PLAN_ITEM_TYPES, type Plan, type PlanComment, type PlanFrameworkNode, type PlanItem, type PlanItemInput, type PlanItemType } from '@prongsai/contracts';
import { fiscalYearsOfSpan, formatNumber, parseBaht, plans as rules } from '@prongsai/core';
import { ErrorNotice } from '../../components/common.tsx';
import { usePlansI18n } from './i18n.ts';
import { plansApi } from './plans-api.ts';
import { ChecksPanel, liveChecks } from './ChecksPanel.tsx';
import { useSavePlan } from './Part1Editor.tsx';
import { Notice, baht, frameworkTree, nodeTitle, thaiDate, typeLabel } from './ui.tsx';

interface Draft {
  type: PlanItemType;
  frameworkCode: string;
  nameTh: string;
  noBudget: boolean;
  budgets: Record<number, string>;
  responsibleUnit: string;
  quarters: number[];
  remarks: string;
}

function draftOf(item: PlanItem | null, frameworkCode: string, years: number[]): Draft {
  const budgets: Record<number, string> = Object.fromEntries(years.map((y) => [y, '']));
  for (const b of item?.budgets ?? []) budgets[b.fiscalYear] = baht(b.amountSatang, false);
  return {
    type: item?.type ?? 'project',
    frameworkCode: item?.frameworkCode ?? frameworkCode,
    nameTh: item?.nameTh ?? '',
    noBudget: item?.noBudget ?? false,
    budgets,
    responsibleUnit: item?.responsibleUnit ?? '',
    quarters: item?.quarters ?? [],
    remarks: item?.remarks ?? '',
  };
}

export function CommentList({ comments }: { comments: PlanComment[] }) {
  const { locale } = usePlansI18n();
  if (comments.length === 0) return null;
  return (
    <>
      {comments.map((c) => (
        <div key={c.id} className="comment">
          <p>{c.body}</p>
          <p className="by">{c.authorLabel} · {thaiDate(c.createdAt, locale, 'dateTime')}</p>
        </div>
      ))}
    </>
  );
}

/** The read-only facts of an item (shared by the editor, the review screen and the public page). */
export function ItemFacts({ item }: { item: PlanItem }) {
  const { pt, locale } = usePlansI18n();
  return (
    <ul className="item-facts">
      <li>{typeLabel(item.type, locale)}</li>
      <li>{item.noBudget ? pt('plans.noBudget') : item.budgets.map((b) => `${pt('plans.fy', { year: b.fiscalYear })}: ${baht(b.amountSatang, false)}`).join(' · ') || '—'}</li>
      {item.responsibleUnit && <li>{pt('items.unit')}: {item.responsibleUnit}</li>}
      {item.quarters.length > 0 && <li>{pt('items.quarters')}: {item.quarters.join(', ')}</li>}
      {item.remarks && <li>{pt('items.remarks')}: {item.remarks}</li>}
    </ul>
  );
}

function ItemForm({ plan, item, frameworkCode, onDone, onCancel }: { plan: Plan; item: PlanItem | null; frameworkCode: string; onDone: (itemId: string) => void; onCancel: () => void }) {
  const { pt, locale } = usePlansI18n();
  const years = fiscalYearsOfSpan(plan.cycle.firstYear, plan.cycle.lastYear);
  const [d, setD] = useState<Draft>(() => draftOf(item, frameworkCode, years));
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => nameRef.current?.focus(), []);
  const nodes = frameworkTree(plan.frameworkNodes).all;
  const idp = item ? `item-${item.id}` : 'item-new';
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: string[] = [];
    if (d.nameTh.trim().length < 2) found.push(pt('items.nameRequired'));
    const budgets: PlanItemInput['budgets'] = [];
    if (!d.noBudget) {
      for (const y of years) {
        const raw = (d.budgets[y] ?? '').trim();
        if (!raw) continue;
        const satang = parseBaht(raw);
        if (satang === undefined || satang < 0n) found.push(pt('items.budgetInvalid', { value: raw }));
        else if (satang > 0n) budgets.push({ fiscalYear: y, amountSatang: satang.toString() });
      }
      if (budgets.length === 0 && found.length === 0) found.push(pt('items.budgetRequired'));
    }
    setProblems(found);
    if (found.length > 0) return;
    const body: PlanItemInput = { type: d.type, frameworkCode: d.frameworkCode, nameTh: d.nameTh.trim(), noBudget: d.noBudget, budgets: d.noBudget ? [] : budgets, responsibleUnit: d.responsibleUnit, quarters: [...d.quarters].sort(), remarks: d.remarks };
    setBusy(true);
    setError(undefined);
    try {
      const saved = item ? await plansApi.updateItem(plan.id, item.id, body) : await plansApi.addItem(plan.id, body);
      onDone(saved.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="editor-panel" onSubmit={submit} aria-labelledby={`${idp}-h`}>
      <h3 id={`${idp}-h`}>{item ? pt('items.editTitle') : pt('items.newTitle')}</h3>
      {problems.length > 0 && <div className="notice error" role="alert"><ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul></div>}
      {error !== undefined && <ErrorNotice error={error} />}
      <div className="form-grid two">
        <div className="field">
          <label htmlFor={`${idp}-type`}>{pt('items.type')}</label>
          <select id={`${idp}-type`} value={d.type} onChange={(e) => setD({ ...d, type: e.target.value as PlanItemType })}>
            {PLAN_ITEM_TYPES.map((t) => <option key={t} value={t}>{typeLabel(t, locale)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${idp}-code`}>{pt('items.code')}</label>
          <select id={`${idp}-code`} value={d.frameworkCode} onChange={(e) => setD({ ...d, frameworkCode: e.target.value })}>
            {nodes.map((n) => <option key={n.code} value={n.code}>{n.code} {nodeTitle(n, locale).slice(0, 70)}</option>)}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${idp}-name`}>{pt('items.name')}</label>
        <textarea id={`${idp}-name`} ref={nameRef} rows={2} value={d.nameTh} onChange={(e) => setD({ ...d, nameTh: e.target.value })} required />
      </div>
      <div className="check-line">
        <input id={`${idp}-nobudget`} type="checkbox" checked={d.noBudget} onChange={(e) => setD({ ...d, noBudget: e.target.checked })} aria-describedby={`${idp}-nobudget-hint`} />
        <label htmlFor={`${idp}-nobudget`}>{pt('plans.noBudget')}</label>
        <span className="hint" id={`${idp}-nobudget-hint`} style={{ margin: 0 }}>({pt('items.noBudgetHelp')})</span>
      </div>
      {!d.noBudget && (
        <fieldset className="plain">
          <legend>{pt('items.budget')}</legend>
          <div className="form-grid four">
            {years.map((y) => (
              <div className="field" key={y}>
                <label htmlFor={`${idp}-b${y}`}>{pt('items.budgetYear', { year: y })}</label>
                <input id={`${idp}-b${y}`} className="money" type="text" inputMode="decimal" value={d.budgets[y] ?? ''} onChange={(e) => setD({ ...d, budgets: { ...d.budgets, [y]: e.target.value } })} />
              </div>
            ))}
          </div>
        </fieldset>
      )}
      <div className="form-grid two">
        <div className="field">
          <label htmlFor={`${idp}-unit`}>{pt('items.unit')}</label>
          <input id={`${idp}-unit`} type="text" value={d.responsibleUnit} onChange={(e) => setD({ ...d, responsibleUnit: e.target.value })} />
        </div>
        <fieldset className="plain">
          <legend>{pt('items.quarters')}</legend>
          <div className="inline-checks">
            {[1, 2, 3, 4].map((q) => (
              <label key={q}>
                <input type="checkbox" checked={d.quarters.includes(q)} onChange={(e) => setD({ ...d, quarters: e.target.checked ? [...d.quarters, q] : d.quarters.filter((x) => x !== q) })} />
                {pt('items.quarter', { q })}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="field">
        <label htmlFor={`${idp}-remarks`}>{pt('items.remarks')}</label>
        <input id={`${idp}-remarks`} type="text" value={d.remarks} onChange={(e) => setD({ ...d, remarks: e.target.value })} />
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>{pt('plans.save')}</button>
        <button type="button" className="button secondary" onClick={onCancel}>{pt('plans.cancel')}</button>
      </div>
    </form>
  );
}

type Editing = { itemId: string | null; frameworkCode: string } | null;

export function ItemsEditor({ plan, onChanged }: { plan: Plan; onChanged: () => void }) {
  const { pt, locale } = usePlansI18n();
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<string>();
  const [reasons, setReasons] = useState<Record<string, string>>(plan.coverageReasons);
  const focusAfter = useRef<string | null>(null);
  const { save, busy, feedback } = useSavePlan(plan, onChanged);
  const tree = useMemo(() => frameworkTree(plan.frameworkNodes), [plan.frameworkNodes]);
  const ordered = useMemo(() => [...plan.items].sort((a, b) => a.position - b.position), [plan.items]);
  const checks = useMemo(() => liveChecks(plan, reasons), [plan, reasons]);
  const uncovered = new Set(checks.uncovered.map((u) => u.code));
  const editable = plan.canEdit;

  useEffect(() => {
    if (!focusAfter.current) return;
    const el = document.querySelector<HTMLElement>(focusAfter.current);
    focusAfter.current = null;
    el?.focus();
  }, [plan]);

  async function move(item: PlanItem, dir: -1 | 1) {
    const group = ordered.filter((i) => i.frameworkCode === item.frameworkCode);
    const at = group.findIndex((i) => i.id === item.id);
    const other = group[at + dir];
    if (!other) return;
    const ids = ordered.map((i) => i.id);
    const a = ids.indexOf(item.id);
    const b = ids.indexOf(other.id);
    [ids[a], ids[b]] = [ids[b]!, ids[a]!];
    setError(undefined);
    try {
      await plansApi.reorder(plan.id, ids);
      focusAfter.current = `[data-move="${item.id}:${dir}"]:not(:disabled), [data-move="${item.id}:${-dir}"]`;
      setStatus(pt('items.moved'));
      onChanged();
    } catch (e) {
      setError(e);
    }
  }
  async function remove(item: PlanItem) {
    if (!window.confirm(pt('items.deleteConfirm', { name: item.nameTh }))) return;
    setError(undefined);
    try {
      await plansApi.deleteItem(plan.id, item.id);
      setStatus(pt('items.deleted'));
      onChanged();
    } catch (e) {
      setError(e);
    }
  }

  const commentsOf = (itemId: string) => plan.comments.filter((c) => c.itemId === itemId);

  function renderItems(code: string) {
    const items = ordered.filter((i) => i.frameworkCode === code);
    return (
      <ul className="item-list">
        {items.map((item, index) => {
          const comments = commentsOf(item.id);
          const kpis = item.sheet?.kpis.length ?? 0;
          return (
            <li key={item.id} id={`item-${item.id}`} className={`item-card${comments.length ? ' has-comment' : ''}`}>
              {editing?.itemId === item.id ? (
                <ItemForm plan={plan} item={item} frameworkCode={code} onCancel={() => setEditing(null)} onDone={(id) => { setEditing(null); focusAfter.current = `[data-edit="${id}"]`; onChanged(); }} />
              ) : (
                <>
                  <h4>{item.nameTh}</h4>
                  <ItemFacts item={item} />
                  {rules.needsKpis(item) && <p className={kpis ? 'muted' : 'check-bad'} style={{ margin: 0 }}>{kpis ? pt('sheet.hasKpis', { count: formatNumber(kpis) }) : pt('sheet.missing')}</p>}
                  <CommentList comments={comments} />
                  {editable && (
                    <div className="item-tools">
                      <button type="button" className="button secondary small" data-edit={item.id} onClick={() => setEditing({ itemId: item.id, frameworkCode: code })} aria-label={pt('items.editItem', { name: item.nameTh })}>{pt('items.edit')}</button>
                      <button type="button" className="button secondary small" data-move={`${item.id}:-1`} disabled={index === 0} onClick={() => void move(item, -1)} aria-label={pt('items.moveUp', { name: item.nameTh })}>↑</button>
                      <button type="button" className="button secondary small" data-move={`${item.id}:1`} disabled={index === items.length - 1} onClick={() => void move(item, 1)} aria-label={pt('items.moveDown', { name: item.nameTh })}>↓</button>
                      <button type="button" className="button secondary small" onClick={() => void remove(item)} aria-label={pt('items.deleteItem', { name: item.nameTh })}>{pt('plans.delete')}</button>
                    </div>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
    );
  }

  function renderNode(node: PlanFrameworkNode) {
    const hasItems = ordered.some((i) => i.frameworkCode === node.code);
    const needsReason = uncovered.has(node.code);
    const H = node.level === 1 ? 'h3' : 'h4';
    return (
      <div key={node.code} className={node.level === 1 ? '' : 'subitem'} id={`node-${node.code}`}>
        {node.level > 1 && (
          <H>
            {node.code} {nodeTitle(node, locale)}
            {node.unconfirmed && <> <span className="tag">{pt('plans.unconfirmed')}</span></>}
          </H>
        )}
        {hasItems && renderItems(node.code)}
        {!hasItems && node.level > 1 && tree.childrenOf(node.code).length === 0 && <p className="muted">{pt('items.empty')}</p>}
        {editable && editing?.itemId === null && editing.frameworkCode === node.code && (
          <ItemForm plan={plan} item={null} frameworkCode={node.code} onCancel={() => setEditing(null)} onDone={(id) => { setEditing(null); focusAfter.current = `[data-edit="${id}"]`; onChanged(); }} />
        )}
        {editable && editing?.itemId !== null && !(editing?.frameworkCode === node.code) && (node.level > 1) && (
          <button type="button" className="button secondary small" onClick={() => setEditing({ itemId: null, frameworkCode: node.code })}>{pt('items.addUnder', { code: node.code })}</button>
        )}
        {needsReason && (
          <div className="field" style={{ marginTop: 'var(--space-2)' }}>
            <label htmlFor={`reason-${node.code}`}>{pt('items.coverageReason', { code: node.code })}</label>
            <span className="hint" id={`reason-${node.code}-hint`}>{pt('items.coverageReasonHelp')}</span>
            <textarea id={`reason-${node.code}`} rows={2} disabled={!editable} aria-describedby={`reason-${node.code}-hint`} value={reasons[node.code] ?? ''} onChange={(e) => setReasons((r) => ({ ...r, [node.code]: e.target.value }))} />
          </div>
        )}
        {tree.childrenOf(node.code).map(renderNode)}
      </div>
    );
  }

  const reasonsChanged = JSON.stringify(reasons) !== JSON.stringify(plan.coverageReasons);
  return (
    <div className="plan-two-col">
      <div>
        <h2>{pt('items.title')}</h2>
        <p className="muted">{pt('items.count', { count: formatNumber(plan.items.length) })}</p>
        {plan.items.length === 0 && <p>{pt('items.none')}</p>}
        {error !== undefined && <ErrorNotice error={error} />}
        <p className="visually-hidden" role="status" aria-live="polite">{status}</p>
        {tree.dimensions.map((dim) => (
          <section key={dim.code} className="dimension-block" aria-labelledby={`dim-${dim.code}`}>
            <h3 id={`dim-${dim.code}`}>{pt('plans.dimension', { code: dim.code })} {nodeTitle(dim, locale)}</h3>
            {renderNode(dim)}
          </section>
        ))}
        {editable && reasonsChanged && (
          <div className="button-row">
            <button type="button" className="button" disabled={busy} onClick={() => void save({ coverageReasons: Object.fromEntries(Object.entries(reasons).filter(([, v]) => v.trim())) })}>{pt('items.saveReasons')}</button>
          </div>
        )}
        {feedback}
        {editable && !editing && <p className="button-row"><button type="button" className="button" onClick={() => setEditing({ itemId: null, frameworkCode: tree.all.find((n) => n.level > 1)?.code ?? '1' })}>{pt('items.add')}</button></p>}
      </div>
      <aside aria-label={pt('checks.title')}>
        <ChecksPanel plan={plan} checks={checks} headingLevel={2} onItem={(id) => `#item-${id}`} />
      </aside>
    </div>
  );
}
