/**
 * Part 1 (risk analysis with likelihood × impact, rationale, vision, objectives, targets, benefits)
 * and the working group (members and the appointing order). Edited locally, saved with the plan's
 * rowVersion so a concurrent change is detected instead of overwritten.
 */
import { useState, type FormEvent } from 'react';
import type { Plan, PlanPart1, PlanRiskRow, PlanWorkingGroup } from '@prongsai/contracts';
import { formatNumber } from '@prongsai/core';
import { ErrorNotice } from '../../components/common.tsx';
import { ApiError } from '../../lib/api.ts';
import { usePlansI18n, type PlanTranslate } from './i18n.ts';
import { plansApi } from './plans-api.ts';
import { Notice, fromLines, toLines } from './ui.tsx';

export function riskLevel(row: Pick<PlanRiskRow, 'likelihood' | 'impact'>, pt: PlanTranslate): { score: number; label: string; cls: string } {
  const score = row.likelihood * row.impact;
  if (score >= 15) return { score, label: pt('part1.levelVeryHigh'), cls: 'l4' };
  if (score >= 10) return { score, label: pt('part1.levelHigh'), cls: 'l3' };
  if (score >= 5) return { score, label: pt('part1.levelMedium'), cls: 'l2' };
  return { score, label: pt('part1.levelLow'), cls: 'l1' };
}

/** Saves a PATCH of the plan; on a stale version explains and reloads. */
function useSavePlan(plan: Plan, onSaved: () => void) {
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const { pt } = usePlansI18n();
  async function save(body: Parameters<typeof plansApi.update>[1]) {
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      await plansApi.update(plan.id, { ifVersion: plan.rowVersion, ...body });
      setMessage(pt('plans.saved'));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT_STALE_VERSION') {
        setMessage(undefined);
        setError(e);
        onSaved();
      } else setError(e);
    } finally {
      setBusy(false);
    }
  }
  const feedback = (
    <>
      {error instanceof ApiError && error.code === 'CONFLICT_STALE_VERSION' ? <Notice kind="warn">{pt('plans.conflict')}</Notice> : error !== undefined ? <ErrorNotice error={error} /> : null}
      {message && <Notice kind="success">{message}</Notice>}
    </>
  );
  return { save, busy, feedback };
}

const LEVELS = [1, 2, 3, 4, 5];
const emptyRisk = (): PlanRiskRow => ({ area: '', risk: '', likelihood: 3, impact: 3, existingControls: '', owner: '' });

export function Part1Editor({ plan, onSaved }: { plan: Plan; onSaved: () => void }) {
  const { pt } = usePlansI18n();
  const [part, setPart] = useState<PlanPart1>(plan.part1);
  const [lists, setLists] = useState({ objectives: toLines(plan.part1.objectives), targets: toLines(plan.part1.targets), expectedBenefits: toLines(plan.part1.expectedBenefits) });
  const { save, busy, feedback } = useSavePlan(plan, onSaved);
  const disabled = !plan.canEdit;
  const setRisk = (index: number, patch: Partial<PlanRiskRow>) => setPart((p) => ({ ...p, riskAnalysis: p.riskAnalysis.map((r, i) => (i === index ? { ...r, ...patch } : r)) }));
  function submit(event: FormEvent) {
    event.preventDefault();
    void save({
      part1: {
        ...part,
        riskAnalysis: part.riskAnalysis.filter((r) => r.area.trim() && r.risk.trim()),
        objectives: fromLines(lists.objectives),
        targets: fromLines(lists.targets),
        expectedBenefits: fromLines(lists.expectedBenefits),
      },
    });
  }
  return (
    <form onSubmit={submit}>
      <fieldset disabled={disabled} style={{ border: 0, padding: 0, margin: 0 }}>
        <h2 id="risks-h">{pt('part1.risks')}</h2>
        <p className="hint">{pt('part1.risksHelp')}</p>
        {part.riskAnalysis.length === 0 && <p>{pt('part1.noRisks')}</p>}
        {part.riskAnalysis.map((r, i) => {
          const level = riskLevel(r, pt);
          const id = `risk-${i}`;
          return (
            <fieldset key={i} className="row-card">
              <legend>{pt('part1.riskRow', { n: i + 1 })} · <span className={`risk-level ${level.cls}`}>{pt('part1.level')} {formatNumber(level.score)} ({level.label})</span></legend>
              <div className="form-grid two">
                <div className="field"><label htmlFor={`${id}-area`}>{pt('part1.area')}</label><input id={`${id}-area`} type="text" value={r.area} onChange={(e) => setRisk(i, { area: e.target.value })} /></div>
                <div className="field"><label htmlFor={`${id}-owner`}>{pt('part1.owner')}</label><input id={`${id}-owner`} type="text" value={r.owner} onChange={(e) => setRisk(i, { owner: e.target.value })} /></div>
              </div>
              <div className="field"><label htmlFor={`${id}-risk`}>{pt('part1.risk')}</label><textarea id={`${id}-risk`} rows={2} value={r.risk} onChange={(e) => setRisk(i, { risk: e.target.value })} /></div>
              <div className="form-grid two">
                <div className="field">
                  <label htmlFor={`${id}-l`}>{pt('part1.likelihood')}</label>
                  <select id={`${id}-l`} value={r.likelihood} onChange={(e) => setRisk(i, { likelihood: Number(e.target.value) })}>{LEVELS.map((n) => <option key={n} value={n}>{n}</option>)}</select>
                </div>
                <div className="field">
                  <label htmlFor={`${id}-i`}>{pt('part1.impact')}</label>
                  <select id={`${id}-i`} value={r.impact} onChange={(e) => setRisk(i, { impact: Number(e.target.value) })}>{LEVELS.map((n) => <option key={n} value={n}>{n}</option>)}</select>
                </div>
              </div>
              <div className="field"><label htmlFor={`${id}-c`}>{pt('part1.controls')}</label><textarea id={`${id}-c`} rows={2} value={r.existingControls} onChange={(e) => setRisk(i, { existingControls: e.target.value })} /></div>
              <button type="button" className="button secondary small" onClick={() => setPart((p) => ({ ...p, riskAnalysis: p.riskAnalysis.filter((_, j) => j !== i) }))}>{pt('part1.removeRisk', { n: i + 1 })}</button>
            </fieldset>
          );
        })}
        <button type="button" className="button secondary" onClick={() => setPart((p) => ({ ...p, riskAnalysis: [...p.riskAnalysis, emptyRisk()] }))}>{pt('part1.addRisk')}</button>

        <h2>{pt('part1.rationale')}</h2>
        <div className="field"><label htmlFor="p1-rationale" className="visually-hidden">{pt('part1.rationale')}</label><textarea id="p1-rationale" rows={6} value={part.rationale} onChange={(e) => setPart((p) => ({ ...p, rationale: e.target.value }))} /></div>
        <div className="field"><label htmlFor="p1-vision">{pt('part1.vision')}</label><textarea id="p1-vision" rows={2} value={part.vision} onChange={(e) => setPart((p) => ({ ...p, vision: e.target.value }))} /></div>
        {(['objectives', 'targets', 'expectedBenefits'] as const).map((key) => (
          <div className="field" key={key}>
            <label htmlFor={`p1-${key}`}>{pt(key === 'objectives' ? 'part1.objectives' : key === 'targets' ? 'part1.targets' : 'part1.benefits')}</label>
            <span className="hint" id={`p1-${key}-hint`}>{pt('part1.oneLine')}</span>
            <textarea id={`p1-${key}`} rows={4} aria-describedby={`p1-${key}-hint`} value={lists[key]} onChange={(e) => setLists((l) => ({ ...l, [key]: e.target.value }))} />
          </div>
        ))}
      </fieldset>
      {feedback}
      {!disabled && <button type="submit" className="button" disabled={busy}>{pt('plans.save')}</button>}
    </form>
  );
}

export function WorkingGroupEditor({ plan, onSaved }: { plan: Plan; onSaved: () => void }) {
  const { pt } = usePlansI18n();
  const [group, setGroup] = useState<PlanWorkingGroup>(plan.workingGroup);
  const order = group.appointingOrder ?? { number: '', date: null, signedBy: '' };
  const { save, busy, feedback } = useSavePlan(plan, onSaved);
  const disabled = !plan.canEdit;
  const setMember = (index: number, patch: Partial<PlanWorkingGroup['members'][number]>) => setGroup((g) => ({ ...g, members: g.members.map((m, i) => (i === index ? { ...m, ...patch } : m)) }));
  function submit(event: FormEvent) {
    event.preventDefault();
    const hasOrder = order.number.trim() || order.date || order.signedBy.trim();
    void save({ workingGroup: { appointingOrder: hasOrder ? order : null, members: group.members.filter((m) => m.name.trim()) } });
  }
  return (
    <form onSubmit={submit}>
      <fieldset disabled={disabled} style={{ border: 0, padding: 0, margin: 0 }}>
        <fieldset className="plain">
          <legend>{pt('group.order')}</legend>
          <div className="form-grid three">
            <div className="field">
              <label htmlFor="wg-number">{pt('group.orderNumber')}</label>
              <span className="hint" id="wg-number-hint">{pt('group.orderNumberHelp')}</span>
              <input id="wg-number" type="text" aria-describedby="wg-number-hint" value={order.number} onChange={(e) => setGroup((g) => ({ ...g, appointingOrder: { ...order, number: e.target.value } }))} />
            </div>
            <div className="field">
              <label htmlFor="wg-date">{pt('group.orderDate')}</label>
              <input id="wg-date" type="date" value={order.date ?? ''} onChange={(e) => setGroup((g) => ({ ...g, appointingOrder: { ...order, date: e.target.value || null } }))} />
            </div>
            <div className="field">
              <label htmlFor="wg-signed">{pt('group.signedBy')}</label>
              <input id="wg-signed" type="text" value={order.signedBy} onChange={(e) => setGroup((g) => ({ ...g, appointingOrder: { ...order, signedBy: e.target.value } }))} />
            </div>
          </div>
        </fieldset>
        <h2>{pt('group.members')}</h2>
        {group.members.length === 0 && <p>{pt('group.none')}</p>}
        {group.members.map((m, i) => (
          <fieldset key={i} className="row-card">
            <legend>{pt('group.member', { n: i + 1 })}</legend>
            <div className="form-grid three">
              <div className="field"><label htmlFor={`wg-${i}-name`}>{pt('group.name')}</label><input id={`wg-${i}-name`} type="text" value={m.name} onChange={(e) => setMember(i, { name: e.target.value })} /></div>
              <div className="field"><label htmlFor={`wg-${i}-pos`}>{pt('group.position')}</label><input id={`wg-${i}-pos`} type="text" value={m.position} onChange={(e) => setMember(i, { position: e.target.value })} /></div>
              <div className="field"><label htmlFor={`wg-${i}-role`}>{pt('group.role')}</label><input id={`wg-${i}-role`} type="text" placeholder={pt('group.roleHelp')} value={m.role} onChange={(e) => setMember(i, { role: e.target.value })} /></div>
            </div>
            <button type="button" className="button secondary small" onClick={() => setGroup((g) => ({ ...g, members: g.members.filter((_, j) => j !== i) }))}>{pt('group.removeMember', { n: i + 1 })}</button>
          </fieldset>
        ))}
        <button type="button" className="button secondary" onClick={() => setGroup((g) => ({ ...g, members: [...g.members, { name: '', position: '', role: '' }] }))}>{pt('group.addMember')}</button>
      </fieldset>
      {feedback}
      {!disabled && <p className="button-row"><button type="submit" className="button" disabled={busy}>{pt('plans.save')}</button></p>}
    </form>
  );
}

export { useSavePlan };
