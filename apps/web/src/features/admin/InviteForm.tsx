/**
 * Invite a person with a role in a scope. Organisation admins pass `organizationCode` and the
 * organisation roles; national admins may choose any role and scope.
 */
import { useId, useState, type FormEvent } from 'react';
import { InvitationSchema, ROLE_SCOPE, type CreateInvitationBody, type Role } from '@prongsai/contracts';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorNotice } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { loadProvinces, localName, sortProvinces } from '../../lib/places.ts';
import { TextField } from '../auth/fields.tsx';
import { roleLabel } from '../auth/roles.ts';

interface Props {
  roles: readonly Role[];
  organizationCode?: string;
  onInvited?: () => void;
}

export function InviteForm({ roles, organizationCode, onInvited }: Props) {
  const { t, locale } = useI18n();
  const ids = { role: useId(), province: useId(), region: useId() };
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>(roles[0]!);
  const [orgCode, setOrgCode] = useState(organizationCode ?? '');
  const [provinceCode, setProvinceCode] = useState('');
  const [paccRegion, setPaccRegion] = useState('1');
  const [error, setError] = useState<unknown>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const provinces = useApi(() => loadProvinces(), []);
  const scope = ROLE_SCOPE[role];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSentTo(null);
    const body: CreateInvitationBody = {
      email: email.trim(),
      displayName: displayName.trim(),
      role,
      ...(scope === 'organization' ? { organizationCode: orgCode.trim() } : {}),
      ...(scope === 'province' ? { provinceCode } : {}),
      ...(scope === 'region' ? { paccRegion: Number(paccRegion) } : {}),
    };
    try {
      const invitation = await api.post('/invitations', body, InvitationSchema);
      setSentTo(invitation.email);
      setEmail('');
      setDisplayName('');
      onInvited?.();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form onSubmit={submit} className="form-narrow" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('invite.title')}</h2>
      <p className="muted">{t('invite.help')}</p>
      {sentTo && <div className="notice success" role="status"><p>{t('invite.sent', { email: sentTo })}</p></div>}
      {error !== undefined && <ErrorNotice error={error} />}
      <TextField label={t('auth.email')} type="email" name="invite-email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <TextField label={t('auth.displayName')} type="text" name="invite-name" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      <div className="field">
        <label htmlFor={ids.role}>{t('invite.role')}</label>
        <select id={ids.role} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roles.map((r) => <option key={r} value={r}>{roleLabel(r, locale)}</option>)}
        </select>
      </div>
      {scope === 'organization' && !organizationCode && (
        <TextField label={t('invite.organization')} hint={t('invite.organizationHelp')} type="text" name="organizationCode" required value={orgCode} onChange={(e) => setOrgCode(e.target.value)} />
      )}
      {scope === 'province' && (
        <div className="field">
          <label htmlFor={ids.province}>{t('invite.provinceCode')}</label>
          <select id={ids.province} name="provinceCode" required value={provinceCode} onChange={(e) => setProvinceCode(e.target.value)}>
            <option value="">—</option>
            {sortProvinces(provinces.data ?? [], locale).map((p) => <option key={p.code} value={p.code}>{localName(locale, p.nameTh, p.nameEn)}</option>)}
          </select>
        </div>
      )}
      {scope === 'region' && (
        <div className="field">
          <label htmlFor={ids.region}>{t('invite.paccRegion')}</label>
          <select id={ids.region} name="paccRegion" value={paccRegion} onChange={(e) => setPaccRegion(e.target.value)}>
            {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </div>
      )}
      <button type="submit" className="button">{t('invite.send')}</button>
    </form>
  );
}
