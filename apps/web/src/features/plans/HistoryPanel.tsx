/**
 * Version history and comparison: every version of the plan (a change after acceptance makes a new
 * one), the workflow events (who did what, when), and a comparison of any two versions.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { PLAN_ACTIONS, type Plan, type PlanComparison, type PlanStatus } from '@prongsai/contracts';
import { ErrorNotice, Loading } from '../../components/common.tsx';
import { useApi } from '../../lib/use-api.ts';
import { usePlansI18n, type PlanMessageKey, type PlanTranslate } from './i18n.ts';
import { plansApi } from './plans-api.ts';
import { StatusBadge, statusLabel, thaiDate } from './ui.tsx';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, null, 1);
}

export function EventList({ planId }: { planId: string }) {
  const { pt, locale } = usePlansI18n();
  const events = useApi((signal) => plansApi.history(planId, signal), [planId]);
  if (events.loading && !events.data) return <Loading />;
  if (!events.data) return <ErrorNotice error={events.error} onRetry={events.reload} />;
  return (
    <ol className="timeline">
      {events.data.map((e) => (
        <li key={e.id} className="done">
          <time dateTime={e.at}>{thaiDate(e.at, locale, 'dateTime')}</time> · {e.actorLabel} · {actionText(e.action, pt)}
          {e.fromStatus && e.toStatus && <> ({pt('history.statusChange', { from: statusLabel(e.fromStatus, locale), to: statusLabel(e.toStatus, locale) })})</>}
          {e.comment && <><br /><span className="muted">“{e.comment}”</span></>}
        </li>
      ))}
    </ol>
  );
}

/** The person-readable name of a workflow event. */
function actionText(action: string, pt: PlanTranslate): string {
  if ((PLAN_ACTIONS as readonly string[]).includes(action)) return pt(`action.${action}` as PlanMessageKey);
  if (action === 'create') return pt('history.created');
  if (action === 'new_version') return pt('flow.newVersion');
  const round = /^progress_(6m|12m|q1|q2|q3)$/.exec(action)?.[1];
  if (round) return `${pt('progress.submitted')}: ${pt(`progress.round.${round}` as PlanMessageKey)}`;
  return action;
}

export function HistoryPanel({ plan }: { plan: Plan }) {
  const { pt, locale } = usePlansI18n();
  const versions = useApi((signal) => plansApi.versions(plan.id, signal), [plan.id, plan.rowVersion]);
  const list = versions.data ?? [];
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [result, setResult] = useState<PlanComparison>();
  const [error, setError] = useState<unknown>();
  const fromId = from || list.at(-2)?.id || list[0]?.id || '';
  const toId = to || list.at(-1)?.id || '';
  async function compare(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      setResult(await plansApi.compare(fromId, toId));
    } catch (e) {
      setError(e);
    }
  }
  return (
    <>
      <h2>{pt('history.versions')}</h2>
      {versions.loading && !versions.data ? <Loading /> : versions.error ? <ErrorNotice error={versions.error} /> : (
        <ul className="link-list">
          {list.map((v) => (
            <li key={v.id}>
              {v.id === plan.id ? <strong>{pt('plans.version', { version: v.version })}</strong> : <Link to={`/plans/${v.id}/edit?tab=history`}>{pt('plans.version', { version: v.version })}</Link>}
              {' '}<StatusBadge status={v.status as PlanStatus} /> · {thaiDate(v.createdAt, locale)}
            </li>
          ))}
        </ul>
      )}
      {list.length > 1 ? (
        <form onSubmit={compare} aria-labelledby="compare-h">
          <h2 id="compare-h">{pt('history.compare')}</h2>
          <div className="form-grid three">
            <div className="field">
              <label htmlFor="cmp-from">{pt('history.from')}</label>
              <select id="cmp-from" value={fromId} onChange={(e) => setFrom(e.target.value)}>{list.map((v) => <option key={v.id} value={v.id}>{pt('plans.version', { version: v.version })}</option>)}</select>
            </div>
            <div className="field">
              <label htmlFor="cmp-to">{pt('history.to')}</label>
              <select id="cmp-to" value={toId} onChange={(e) => setTo(e.target.value)}>{list.map((v) => <option key={v.id} value={v.id}>{pt('plans.version', { version: v.version })}</option>)}</select>
            </div>
            <div className="field" style={{ alignSelf: 'end' }}><button type="submit" className="button">{pt('history.run')}</button></div>
          </div>
        </form>
      ) : list.length === 1 ? <p className="muted">{pt('history.onlyOne')}</p> : null}
      {error !== undefined && <ErrorNotice error={error} />}
      {result && <ComparisonView result={result} />}
      <h2>{pt('history.events')}</h2>
      <EventList planId={plan.id} />
    </>
  );
}

function ComparisonView({ result }: { result: PlanComparison }) {
  const { pt, locale } = usePlansI18n();
  if (result.fields.length === 0 && result.items.length === 0) return <p role="status">{pt('history.noChanges')}</p>;
  return (
    <div role="region" aria-label={pt('history.compare')}>
      {result.fields.length > 0 && (
        <div className="table-wrap">
          <table className="compact">
            <caption>{pt('history.fieldsChanged')} ({pt('plans.version', { version: result.from.version })} → {pt('plans.version', { version: result.to.version })})</caption>
            <thead><tr><th scope="col">{pt('history.field')}</th><th scope="col">{pt('history.before')}</th><th scope="col">{pt('history.after')}</th></tr></thead>
            <tbody>
              {result.fields.map((f) => (
                <tr key={f.field}><th scope="row">{f.field}</th><td className="diff-before"><pre className="diff">{show(f.before)}</pre></td><td className="diff-after"><pre className="diff">{show(f.after)}</pre></td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.items.length > 0 && (
        <div className="table-wrap">
          <table className="compact">
            <caption>{pt('history.itemsChanged')}</caption>
            <thead><tr><th scope="col">{pt('progress.item')}</th><th scope="col">{pt('history.field')}</th><th scope="col">{pt('history.before')}</th><th scope="col">{pt('history.after')}</th><th scope="col">{pt('history.who')}</th></tr></thead>
            <tbody>
              {result.items.map((i) => (
                <tr key={i.itemKey}>
                  <th scope="row">{pt(`history.change.${i.change}` as PlanMessageKey)}: {i.nameTh}</th>
                  <td>{i.fields.map((f) => <div key={f.field}>{f.field}</div>)}</td>
                  <td className="diff-before">{i.fields.map((f) => <pre key={f.field} className="diff">{show(f.before)}</pre>)}</td>
                  <td className="diff-after">{i.fields.map((f) => <pre key={f.field} className="diff">{show(f.after)}</pre>)}</td>
                  <td>{i.updatedBy ?? '—'}{i.updatedAt && <><br />{thaiDate(i.updatedAt, locale, 'dateTime')}</>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
