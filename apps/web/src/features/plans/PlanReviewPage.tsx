/**
 * /plans/:id/review — the NACC provincial officer's review of a submitted plan: a comment per item,
 * an overall comment, return (with comments) or accept, and scores with the configurable rubric.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { Plan, PlanRubric } from '@prongsai/contracts';
import { formatNumber, plans as rules } from '@prongsai/core';
import { Breadcrumbs, ErrorNotice, Loading, useTitle } from '../../components/common.tsx';
import { useApi } from '../../lib/use-api.ts';
import { usePlansI18n } from './i18n.ts';
import { planLinks, plansApi } from './plans-api.ts';
import { ChecksPanel, liveChecks } from './ChecksPanel.tsx';
import { CommentList, ItemFacts } from './ItemsEditor.tsx';
import { PlanHeading } from './PlanEditorPage.tsx';
import { actionKey } from './WorkflowPanel.tsx';
import { EventList } from './HistoryPanel.tsx';
import { Notice, frameworkTree, itemsOfDimension, nodeTitle, thaiDate } from './ui.tsx';

function RubricForm({ plan, rubric, onSaved }: { plan: Plan; rubric: PlanRubric; onSaved: () => void }) {
  const { pt, locale } = usePlansI18n();
  const [points, setPoints] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const scores = rubric.criteria.filter((c) => (points[c.id] ?? '') !== '').map((c) => ({ criterionId: c.id, points: Math.round(Number(points[c.id])) || 0, note: notes[c.id] ?? '' }));
  const result = rules.scoreWithRubric(rubric.criteria, scores);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      await plansApi.score(plan.id, { rubricId: rubric.id, scores, note });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <form onSubmit={submit} aria-labelledby="rubric-h">
      <h2 id="rubric-h">{pt('review.score')}</h2>
      <p><strong>{pt('review.rubric')}:</strong> {(locale === 'en' && rubric.nameEn) || rubric.nameTh} {!rubric.isOfficial && <span className="tag">{pt('review.rubricOurs')}</span>}</p>
      <div className="table-wrap">
        <table className="compact">
          <caption className="visually-hidden">{pt('review.rubric')}</caption>
          <thead><tr><th scope="col">{pt('review.criterion')}</th><th scope="col">{pt('checks.dimension')}</th><th scope="col">{pt('review.pointsCol')}</th><th scope="col">{pt('review.note')}</th></tr></thead>
          <tbody>
            {rubric.criteria.map((c) => {
              const over = Number(points[c.id] ?? 0) > c.maxPoints;
              return (
                <tr key={c.id}>
                  <th scope="row" style={{ fontWeight: 400 }}>{(locale === 'en' && c.textEn) || c.textTh}</th>
                  <td>{c.dimensionCode ?? pt('review.whole')}</td>
                  <td>
                    <label className="visually-hidden" htmlFor={`score-${c.id}`}>{pt('review.points', { max: c.maxPoints })}: {c.textTh}</label>
                    <input id={`score-${c.id}`} type="number" min={0} max={c.maxPoints} step={1} style={{ maxWidth: '6rem' }} aria-invalid={over || undefined} aria-describedby={`score-${c.id}-max`} value={points[c.id] ?? ''} onChange={(e) => setPoints((p) => ({ ...p, [c.id]: e.target.value }))} />
                    <span id={`score-${c.id}-max`} className="muted"> / {c.maxPoints}</span>
                    {over && <span className="check-bad"> {pt('review.overMax')}</span>}
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={`score-${c.id}-note`}>{pt('review.note')}: {c.textTh}</label>
                    <input id={`score-${c.id}-note`} type="text" value={notes[c.id] ?? ''} onChange={(e) => setNotes((n) => ({ ...n, [c.id]: e.target.value }))} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p aria-live="polite"><strong>{pt('review.total', { points: formatNumber(result.totalPoints), max: formatNumber(result.maxPoints) })}</strong></p>
      <div className="field">
        <label htmlFor="score-note">{pt('review.note')}</label>
        <textarea id="score-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {error !== undefined && <ErrorNotice error={error} />}
      {saved && <Notice kind="success">{pt('review.scored')}</Notice>}
      <button type="submit" className="button secondary" disabled={scores.length === 0 || result.problems.length > 0}>{pt('review.saveScore')}</button>
    </form>
  );
}

export function PlanReviewPage() {
  const { id = '' } = useParams();
  const { pt, locale } = usePlansI18n();
  const loaded = useApi(async (signal) => {
    const [plan, rubrics] = await Promise.all([plansApi.get(id, signal), plansApi.rubrics(signal)]);
    return { plan, rubrics: rubrics.filter((r) => r.active) };
  }, [id]);
  const plan = loaded.data?.plan;
  useTitle(plan ? pt('review.title', { name: plan.titleTh }) : undefined);
  const [itemComments, setItemComments] = useState<Record<string, string>>({});
  const [overall, setOverall] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const checks = useMemo(() => (plan ? liveChecks(plan) : null), [plan]);
  if (loaded.loading && !plan) return <Loading />;
  if (!plan || !checks) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  const tree = frameworkTree(plan.frameworkNodes);
  const canReturn = plan.allowedActions.includes('return');
  const canAccept = plan.allowedActions.includes('accept');
  const commentsGiven = Object.values(itemComments).some((c) => c.trim()) || overall.trim() !== '';

  async function act(action: 'return' | 'accept') {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const list = Object.entries(itemComments).filter(([, c]) => c.trim()).map(([itemId, comment]) => ({ itemId, comment: comment.trim() }));
      await plansApi.transition(plan!.id, { action, ...(overall.trim() ? { comment: overall.trim() } : {}), ...(list.length ? { itemComments: list } : {}) });
      setItemComments({});
      setOverall('');
      setDone(pt('flow.done', { action: pt(actionKey(action)) }));
      loaded.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const reviewing = canReturn || canAccept;
  return (
    <>
      <Breadcrumbs items={[{ label: pt('plans.workspace'), to: '/plans/manage' }, { label: pt('review.title', { name: plan.titleTh }) }]} />
      <PlanHeading plan={plan} />
      <p><a href={planLinks.pdf(plan.id)}>{pt('public.pdf')}</a> · <a href={planLinks.docx(plan.id)}>{pt('public.docx')}</a> · <a href={planLinks.xlsx(plan.id)}>{pt('public.xlsx')}</a> · <Link to={`/plans/${plan.id}`}>{pt('plans.view')}</Link></p>
      {done && <Notice kind="success">{done}</Notice>}
      {!reviewing && <Notice kind="info">{pt('flow.noActions')}</Notice>}
      <div className="plan-two-col">
        <div>
          {tree.dimensions.map((dim) => (
            <section key={dim.code} className="dimension-block" aria-labelledby={`rv-dim-${dim.code}`}>
              <h2 id={`rv-dim-${dim.code}`}>{pt('plans.dimension', { code: dim.code })} {nodeTitle(dim, locale)}</h2>
              <ul className="item-list">
                {itemsOfDimension(plan.items, dim.code).sort((a, b) => rules.compareCodes(a.frameworkCode, b.frameworkCode) || a.position - b.position).map((item) => (
                  <li key={item.id} className="item-card" id={`item-${item.id}`}>
                    <h3><span className="muted">{item.frameworkCode}</span> {item.nameTh}</h3>
                    <ItemFacts item={item} />
                    {item.sheet && item.sheet.kpis.length > 0 && <p className="muted" style={{ margin: 0 }}>{pt('items.kpis')}: {item.sheet.kpis.map((k) => `${k.nameTh} ${formatNumber(k.target)} ${k.unit}`).join(' · ')}</p>}
                    <CommentList comments={plan.comments.filter((c) => c.itemId === item.id)} />
                    {reviewing && (
                      <div className="field" style={{ marginTop: 'var(--space-2)' }}>
                        <label htmlFor={`rc-${item.id}`}>{pt('review.itemComment')}</label>
                        <textarea id={`rc-${item.id}`} rows={2} value={itemComments[item.id] ?? ''} onChange={(e) => setItemComments((c) => ({ ...c, [item.id]: e.target.value }))} />
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {reviewing && (
            <section aria-labelledby="decide-h" className="editor-panel">
              <h2 id="decide-h">{pt('flow.title')}</h2>
              <p className="hint">{pt('review.returnHelp')}</p>
              <div className="field">
                <label htmlFor="rc-overall">{pt('review.overall')}</label>
                <textarea id="rc-overall" rows={3} value={overall} onChange={(e) => setOverall(e.target.value)} />
              </div>
              {error !== undefined && <ErrorNotice error={error} />}
              <div className="button-row">
                {canReturn && <button type="button" className="button warning" disabled={busy || !commentsGiven} onClick={() => void act('return')}>{pt('action.return')}</button>}
                {canAccept && <button type="button" className="button" disabled={busy} onClick={() => void act('accept')}>{pt('action.accept')}</button>}
              </div>
            </section>
          )}
          {loaded.data!.rubrics.map((r) => <RubricForm key={r.id} plan={plan} rubric={r} onSaved={loaded.reload} />)}
          {plan.reviews.length > 0 && (
            <section aria-labelledby="reviews-h">
              <h2 id="reviews-h">{pt('review.previous')}</h2>
              <ul>
                {plan.reviews.map((r) => (
                  <li key={r.id}>
                    {r.rubricNameTh}: <strong>{pt('review.total', { points: formatNumber(r.totalPoints), max: formatNumber(r.maxPoints) })}</strong> · {r.reviewerLabel} · {thaiDate(r.createdAt, locale, 'dateTime')}
                    {r.byDimension.length > 0 && <ul>{r.byDimension.map((d) => <li key={d.dimensionCode ?? 'all'}>{d.dimensionCode ? pt('plans.dimension', { code: d.dimensionCode }) : pt('review.whole')}: {d.points}/{d.maxPoints}</li>)}</ul>}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <h2>{pt('history.events')}</h2>
          <EventList planId={plan.id} key={plan.rowVersion} />
        </div>
        <aside aria-label={pt('checks.title')}><ChecksPanel plan={plan} checks={checks} onItem={(i) => `#item-${i}`} /></aside>
      </div>
    </>
  );
}
