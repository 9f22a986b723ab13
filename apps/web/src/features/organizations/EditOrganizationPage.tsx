/**
 * Edit the details an organisation keeps itself (English name, website, address, map point).
 * The server decides who may (org admins of that organisation, system admins); a refusal is shown
 * with its Thai/English message.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { OrganizationSchema, type UpdateOrganizationBody } from '@prongsai/contracts';
import { useI18n } from '../../i18n/index.tsx';
import { Breadcrumbs, ErrorNotice, Loading, useTitle } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { TextField } from '../auth/fields.tsx';

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function EditOrganizationPage() {
  const { code = '' } = useParams();
  const { t } = useI18n();
  const org = useApi((signal) => api.get(`/organizations/${encodeURIComponent(code)}`, OrganizationSchema, undefined, signal), [code]);
  const [form, setForm] = useState({ nameEn: '', website: '', address: '', lat: '', lon: '' });
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const o = org.data;
  useTitle(o ? t('edit.title', { name: o.nameTh }) : undefined);
  useEffect(() => {
    if (o) setForm({ nameEn: o.nameEn ?? '', website: o.website ?? '', address: o.address ?? '', lat: o.lat?.toString() ?? '', lon: o.lon?.toString() ?? '' });
  }, [o]);
  if (org.loading && !o) return <Loading />;
  if (!o) return <ErrorNotice error={org.error} />;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    const patch: UpdateOrganizationBody = {
      nameEn: orNull(form.nameEn),
      website: orNull(form.website),
      address: orNull(form.address),
      lat: orNull(form.lat) === null ? null : Number(form.lat),
      lon: orNull(form.lon) === null ? null : Number(form.lon),
    };
    try {
      await api.patch(`/organizations/${encodeURIComponent(code)}`, patch, OrganizationSchema);
      setSaved(true);
      org.reload();
    } catch (e) {
      setError(e);
    }
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <>
      <Breadcrumbs items={[{ label: o.nameTh, to: `/organizations/${encodeURIComponent(code)}` }, { label: t('org.edit') }]} />
      <h1>{t('edit.title', { name: o.nameTh })}</h1>
      <p className="muted">{t('edit.help')}</p>
      <div aria-live="polite">{saved && <div className="notice success"><p>{t('edit.saved')}</p></div>}</div>
      {error !== undefined && <ErrorNotice error={error} />}
      <form onSubmit={submit} className="form-narrow">
        <TextField label={t('org.nameEn')} type="text" name="nameEn" lang="en" value={form.nameEn} onChange={set('nameEn')} />
        <TextField label={t('org.website')} hint={t('edit.websiteHelp')} type="url" name="website" value={form.website} onChange={set('website')} />
        <TextField label={t('org.address')} type="text" name="address" value={form.address} onChange={set('address')} />
        <TextField label={t('edit.lat')} type="number" name="lat" step="any" min={5} max={21} value={form.lat} onChange={set('lat')} />
        <TextField label={t('edit.lon')} type="number" name="lon" step="any" min={97} max={106} value={form.lon} onChange={set('lon')} />
        <div className="button-row">
          <button type="submit" className="button">{t('edit.save')}</button>
          <Link to={`/organizations/${encodeURIComponent(code)}`}>{t('edit.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
