/**
 * Part 3: the project sheet of an item — rationale, objectives, target group, area, method, period,
 * responsible unit, outputs and outcomes, and measurable KPI targets (which progress reports fill in).
 */
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { Plan, PlanItem, PlanKpi, PlanProjectSheet } from '@prongsai/contracts';
import { plans as rules } from '@prongsai/core';
import { ErrorNotice } from '../../components/common.tsx';
import { usePlansI18n } from './i18n.ts';
import { plansApi } from './plans-api.ts';
import { Notice, fromLines, toLines, typeLabel } from './ui.tsx';

const emptySheet = (item: PlanItem): PlanProjectSheet => ({
  rationale: '', objectives: [], targetGroup: '', area: '', method: [], period: '', responsibleUnit: item.responsibleUnit, outputs: '', outcomes: '', kpis: [],
});

function newKpiId(kpis: PlanKpi[]): string {
  let n = kpis.length + 1;
  while (kpis.some((k) => k.id === `k${n}`)) n++;
  return `k${n}`;
}

function SheetForm({ plan, item, onSaved }: { plan: Plan; item: PlanItem; onSaved: () => void }) {
  const { pt } = usePlansI18n();
  const [sheet, setSheet] = useState<PlanProjectSheet>(item.sheet ?? emptySheet(item));
  const [lists, setLists] = useState({ objectives: toLines(sheet.objectives), method: toLines(sheet.method) });
  const [targets, setTargets] = useState<string[]>(sheet.kpis.map((k) => String(k.target)));
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const disabled = !plan.canEdit;
  const setKpi = (i: number, patch: Partial<PlanKpi>) => setSheet((s) => ({ ...s, kpis: s.kpis.map((k, j) => (j === i ? { ...k, ...patch } : k)) }));
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const kpis = sheet.kpis
        .map((k, i) => ({ ...k, target: Number((targets[i] ?? '').replace(/,/g, '')) }))
        .filter((k) => k.nameTh.trim() && Number.isFinite(k.target));
      await plansApi.updateItem(plan.id, item.id, { sheet: { ...sheet, objectives: fromLines(lists.objectives), method: fromLines(lists.method), kpis } });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const text = (key: 'rationale' | 'targetGroup' | 'area' | 'period' | 'responsibleUnit' | 'outputs' | 'outcomes', label: string, rows = 0) => (
    <div className="field">
      <label htmlFor={`sheet-${key}`}>{label}</label>
      {rows > 0 ? (
        <textarea id={`sheet-${key}`} rows={rows} value={sheet[key]} onChange={(e) => setSheet((s) => ({ ...s, [key]: e.target.value }))} />
      ) : (
        <input id={`sheet-${key}`} type="text" value={sheet[key]} onChange={(e) => setSheet((s) => ({ ...s, [key]: e.target.value }))} />
      )}
    </div>
  );
  return (
    <form onSubmit={submit} aria-labelledby="sheet-h">
      <h2 id="sheet-h">{pt('sheet.title', { name: item.nameTh })}</h2>
      <fieldset disabled={disabled} style={{ border: 0, padding: 0, margin: 0 }}>
        {text('rationale', pt('sheet.rationale'), 4)}
        <div className="field">
          <label htmlFor="sheet-objectives">{pt('sheet.objectives')}</label>
          <span className="hint" id="sheet-objectives-hint">{pt('part1.oneLine')}</span>
          <textarea id="sheet-objectives" rows={3} aria-describedby="sheet-objectives-hint" value={lists.objectives} onChange={(e) => setLists((l) => ({ ...l, objectives: e.target.value }))} />
        </div>
        <div className="form-grid two">
          {text('targetGroup', pt('sheet.targetGroup'))}
          {text('area', pt('sheet.area'))}
          {text('period', pt('sheet.period'))}
          {text('responsibleUnit', pt('items.unit'))}
        </div>
        <div className="field">
          <label htmlFor="sheet-method">{pt('sheet.method')}</label>
          <span className="hint" id="sheet-method-hint">{pt('part1.oneLine')}</span>
          <textarea id="sheet-method" rows={4} aria-describedby="sheet-method-hint" value={lists.method} onChange={(e) => setLists((l) => ({ ...l, method: e.target.value }))} />
        </div>
        <div className="form-grid two">
          {text('outputs', pt('sheet.outputs'), 2)}
          {text('outcomes', pt('sheet.outcomes'), 2)}
        </div>
        <h3>{pt('sheet.kpis')}</h3>
        {sheet.kpis.length === 0 && <p className={rules.needsKpis(item) ? 'check-bad' : 'muted'}>{pt('sheet.missing')}</p>}
        {sheet.kpis.map((k, i) => (
          <fieldset key={k.id} className="row-card">
            <legend>{pt('sheet.kpi', { n: i + 1 })}</legend>
            <div className="form-grid four">
              <div className="field" style={{ gridColumn: 'span 2' }}><label htmlFor={`kpi-${i}-name`}>{pt('sheet.kpiName')}</label><input id={`kpi-${i}-name`} type="text" value={k.nameTh} onChange={(e) => setKpi(i, { nameTh: e.target.value })} /></div>
              <div className="field"><label htmlFor={`kpi-${i}-target`}>{pt('sheet.kpiTarget')}</label><input id={`kpi-${i}-target`} type="text" inputMode="decimal" className="money" value={targets[i] ?? ''} onChange={(e) => setTargets((t) => t.map((x, j) => (j === i ? e.target.value : x)))} /></div>
              <div className="field"><label htmlFor={`kpi-${i}-unit`}>{pt('sheet.kpiUnit')}</label><input id={`kpi-${i}-unit`} type="text" value={k.unit} onChange={(e) => setKpi(i, { unit: e.target.value })} /></div>
            </div>
            <div className="field">
              <label htmlFor={`kpi-${i}-kind`}>{pt('sheet.kpiKind')}</label>
              <select id={`kpi-${i}-kind`} value={k.kind} onChange={(e) => setKpi(i, { kind: e.target.value as PlanKpi['kind'] })}>
                <option value="output">{pt('sheet.kpiOutput')}</option>
                <option value="outcome">{pt('sheet.kpiOutcome')}</option>
              </select>
            </div>
            <button type="button" className="button secondary small" onClick={() => { setSheet((s) => ({ ...s, kpis: s.kpis.filter((_, j) => j !== i) })); setTargets((t) => t.filter((_, j) => j !== i)); }}>{pt('sheet.removeKpi', { n: i + 1 })}</button>
          </fieldset>
        ))}
        <button type="button" className="button secondary" onClick={() => { setSheet((s) => ({ ...s, kpis: [...s.kpis, { id: newKpiId(s.kpis), nameTh: '', unit: '', target: 0, kind: 'outcome' }] })); setTargets((t) => [...t, '']); }}>{pt('sheet.addKpi')}</button>
      </fieldset>
      {error !== undefined && <ErrorNotice error={error} />}
      {saved && <Notice kind="success">{pt('plans.saved')}</Notice>}
      {!disabled && <p className="button-row"><button type="submit" className="button" disabled={busy}>{pt('plans.save')}</button></p>}
    </form>
  );
}

export function SheetsEditor({ plan, onSaved }: { plan: Plan; onSaved: () => void }) {
  const { pt, locale } = usePlansI18n();
  const [params, setParams] = useSearchParams();
  const items = [...plan.items].sort((a, b) => (a.type === 'project' ? 0 : 1) - (b.type === 'project' ? 0 : 1) || rules.compareCodes(a.frameworkCode, b.frameworkCode) || a.position - b.position);
  const chosen = items.find((i) => i.id === params.get('item')) ?? items[0];
  if (items.length === 0) return <p>{pt('sheet.none')}</p>;
  return (
    <>
      <div className="field form-narrow">
        <label htmlFor="sheet-pick">{pt('sheet.pick')}</label>
        <select id="sheet-pick" value={chosen?.id} onChange={(e) => setParams((p) => { p.set('item', e.target.value); return p; }, { replace: true })}>
          {items.map((i) => <option key={i.id} value={i.id}>{i.frameworkCode} · {typeLabel(i.type, locale)} · {i.nameTh.slice(0, 60)}{rules.needsKpis(i) && !(i.sheet?.kpis.length) ? ' ⚠' : ''}</option>)}
        </select>
      </div>
      {chosen && <SheetForm key={chosen.id} plan={plan} item={chosen} onSaved={onSaved} />}
    </>
  );
}
