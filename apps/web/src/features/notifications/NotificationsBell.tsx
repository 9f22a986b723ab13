/** The bell in the header: unread count, and a panel listing recent notifications. */
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { NotificationListSchema, OkSchema, type NotificationList } from '@prongsai/contracts';
import { formatDate } from '@prongsai/core';
import { useI18n } from '../../i18n/index.tsx';
import { api } from '../../lib/api.ts';

export function NotificationsBell() {
  const { t, locale } = useI18n();
  const [list, setList] = useState<NotificationList | null>(null);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    let live = true;
    api.get('/notifications', NotificationListSchema, { limit: 10 }).then((l) => live && setList(l), () => {});
    return () => { live = false; };
  }, [pathname]);
  const toggle = () => {
    const opening = !open;
    setOpen(opening);
    // Opening the panel reads what it shows: mark those read (the count updates on close).
    if (opening && list) {
      const unreadIds = list.items.filter((n) => !n.readAt).map((n) => n.id);
      void Promise.all(unreadIds.map((id) => api.post(`/notifications/${id}/read`, {}, OkSchema))).catch(() => {});
    } else if (!opening && list) {
      setList({ ...list, unread: 0, items: list.items.map((n) => ({ ...n, readAt: n.readAt ?? new Date().toISOString() })) });
    }
  };
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => { document.removeEventListener('mousedown', close); document.removeEventListener('keydown', close); };
  }, [open]);
  const unread = list?.unread ?? 0;
  return (
    <div className="bell" ref={root}>
      <button
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
      >
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
        </svg>
        <span className="visually-hidden">{t('notifications.label')}</span>
        {unread > 0 && (
          <>
            {' '}<span className="bell-count">{unread}</span>
            <span className="visually-hidden"> {t('notifications.unreadSuffix')}</span>
          </>
        )}
      </button>
      <div id={panelId} className="bell-panel" hidden={!open}>
        <h2 className="visually-hidden">{t('notifications.label')}</h2>
        {!list || list.items.length === 0 ? (
          <p>{t('notifications.empty')}</p>
        ) : (
          <ul className="link-list">
            {list.items.map((n) => (
              <li key={n.id}>
                {n.link ? <Link to={n.link} onClick={() => setOpen(false)}><strong>{n.title}</strong></Link> : <strong>{n.title}</strong>}
                <br />
                <span>{n.body}</span>
                <br />
                <span className="muted">{formatDate(n.createdAt, { style: 'dateTime', locale })}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
