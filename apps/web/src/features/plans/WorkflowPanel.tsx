/**
 * The submit flow: where the plan is in draft → internal review → approved → submitted → accepted →
 * published, the deadline countdown, and the buttons the caller's role allows now (from the server's
 * allowedActions). Actions that need passing checks are held back while the live checks fail.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PLAN_STATUSES, type Plan, type PlanAction } from '@prongsai/contracts';
import { plans as rules } from '@prongsai/core';
import { ErrorNotice } from '../../components/common.tsx';
import { hasRole, useSession } from '../../lib/session.tsx';
import { usePlansI18n, type PlanMessageKey } from './i18n.ts';
import { plansApi } from './plans-api.ts';
import { problemCount, type LiveChecks } from './ChecksPanel.tsx';
import { Countdown, Notice, statusLabel, thaiDate } from './ui.tsx';

export const actionKey = (a: PlanAction) => `action.${a}` as PlanMessageKey;
const STEPS = PLAN_STATUSES.filter((s) => s !== 'returned');

export function WorkflowPanel({ plan, checks, onChanged }: { plan: Plan; checks: LiveChecks; onChanged: () => void }) {
  const { pt, locale } = usePlansI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const blocked = problemCount(checks) > 0;
  const canEditOrg = hasRole(me, 'org_editor', plan.organization.code) || hasRole(me, 'org_admin', plan.organization.code);
  const actions = plan.allowedActions.filter((a) => a !== 'return' && a !== 'accept');
  const current = plan.status === 'returned' ? 'submitted' : plan.status;
  const needsChecks = (a: PlanAction) => {
    const t = rules.findTransition(plan.status, a);
    return t.ok && t.transition.requiresChecks;
  };

  async function act(action: PlanAction) {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      await plansApi.transition(plan.id, { action, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setComment('');
      setDone(pt('flow.done', { action: pt(actionKey(action)) }));
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  async function newVersion() {
    setBusy(true);
    setError(undefined);
    try {
      const next = await plansApi.newVersion(plan.id);
      navigate(`/plans/${next.id}/edit`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="flow-h">
      <h2 id="flow-h">{pt('flow.title')}</h2>
      <p><strong>{pt('plans.deadline')}:</strong> <Countdown deadline={plan.deadline} status={plan.status} /></p>
      <ol className="timeline" aria-label={pt('flow.steps')}>
        {STEPS.map((s) => {
          const index = STEPS.indexOf(s);
          const at = STEPS.indexOf(current);
          const state = index < at ? 'done' : index === at ? '' : 'future';
          return (
            <li key={s} className={state} aria-current={index === at ? 'step' : undefined}>
              {statusLabel(s, locale)}
              {index === at && plan.status === 'returned' && <> — <strong>{statusLabel('returned', locale)}</strong></>}
              {s === 'submitted' && plan.submittedAt && <> · <time dateTime={plan.submittedAt}>{thaiDate(plan.submittedAt, locale)}</time></>}
              {s === 'accepted' && plan.acceptedAt && <> · <time dateTime={plan.acceptedAt}>{thaiDate(plan.acceptedAt, locale)}</time></>}
              {s === 'published' && plan.publishedAt && <> · <time dateTime={plan.publishedAt}>{thaiDate(plan.publishedAt, locale)}</time></>}
            </li>
          );
        })}
      </ol>
      {error !== undefined && <ErrorNotice error={error} />}
      {done && <Notice kind="success">{done}</Notice>}
      {actions.length === 0 ? <p className="muted">{pt('flow.noActions')}</p> : (
        <>
          {actions.some(needsChecks) && blocked && (
            <Notice kind="warn">{pt('flow.checksFirst')}</Notice>
          )}
          <div className="field form-narrow">
            <label htmlFor="flow-comment">{pt('flow.comment')}</label>
            <textarea id="flow-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
          </div>
          <div className="button-row">
            {actions.map((a) => {
              return (
                <button key={a} type="button" className={a === 'send_back' ? 'button secondary' : 'button'} disabled={busy || (needsChecks(a) && blocked)} onClick={() => void act(a)}>
                  {pt(actionKey(a))}
                </button>
              );
            })}
          </div>
        </>
      )}
      {rules.canStartNewVersion(plan.status) && canEditOrg && (
        <div className="notice">
          <p>{pt('flow.newVersionHelp')}</p>
          <button type="button" className="button secondary" disabled={busy} onClick={() => void newVersion()}>{pt('flow.newVersion')}</button>
        </div>
      )}
    </section>
  );
}

/** Comments from the NACC provincial office: on the whole plan, then per item (returned view). */
export function ReturnedComments({ plan, itemHref }: { plan: Plan; itemHref: (itemId: string) => string }) {
  const { pt, locale } = usePlansI18n();
  if (plan.comments.length === 0) return null;
  const general = plan.comments.filter((c) => c.itemId === null);
  const perItem = plan.comments.filter((c) => c.itemId !== null);
  return (
    <section className={plan.status === 'returned' ? 'notice warn' : 'notice'} aria-labelledby="returned-h">
      <h2 id="returned-h" style={{ marginTop: 0 }}>{pt('returned.title')}</h2>
      {plan.status === 'returned' && <p>{pt('returned.lead')}</p>}
      {general.length > 0 && (
        <>
          <h3>{pt('returned.general')}</h3>
          {general.map((c) => (
            <div key={c.id} className="comment"><p>{c.body}</p><p className="by">{pt('returned.by', { who: c.authorLabel, when: thaiDate(c.createdAt, locale, 'dateTime') })}</p></div>
          ))}
        </>
      )}
      {perItem.map((c) => {
        const item = plan.items.find((i) => i.id === c.itemId);
        return (
          <div key={c.id} className="comment">
            <p className="by"><a href={itemHref(c.itemId!)}>{pt('returned.onItem', { name: item?.nameTh ?? c.itemId! })}</a></p>
            <p>{c.body}</p>
            <p className="by">{pt('returned.by', { who: c.authorLabel, when: thaiDate(c.createdAt, locale, 'dateTime') })}</p>
          </div>
        );
      })}
    </section>
  );
}
