-- Foundation: places, organisations, people and roles, sessions, audit, outbox, jobs.
-- Plain SQL that runs on PostgreSQL 15+ and on PGlite (PostgreSQL 18).

create extension if not exists pg_trgm;

-- Places (reference data from DOPA codes; see data/reference/README.md) ----------------------
create table provinces (
  code text primary key check (code ~ '^\d{2}$'),
  name_th text not null,
  name_en text not null,
  iso text not null,
  region_th text not null,
  -- PACC regional office (ป.ป.ท. เขต 1–9) responsible for the province. Unconfirmed data:
  -- editable by national administrators until PACC confirms the table.
  pacc_region int check (pacc_region between 1 and 9),
  pacc_region_status text not null check (pacc_region_status in ('confirmed', 'unconfirmed', 'not_applicable'))
);

create table districts (
  code text primary key check (code ~ '^\d{4}$'),
  province_code text not null references provinces(code),
  name_th text not null,
  name_en text,
  kind text not null check (kind in ('amphoe', 'khet'))
);
create index districts_province_idx on districts (province_code);

-- Organisations ------------------------------------------------------------------------------
create table organizations (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  kind text not null,
  name_th text not null,
  short_name_th text,
  name_en text,
  province_code text references provinces(code),
  district_code text references districts(code),
  lat double precision,
  lon double precision,
  website text,
  address text,
  postcode text,
  area_km2 double precision,
  source text not null,
  -- Normalised, word-segmented name + code text for search (built in the app with Intl.Segmenter).
  search_text text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz
);
create index organizations_search_trgm_idx on organizations using gin (search_text gin_trgm_ops);
create index organizations_province_kind_idx on organizations (province_code, kind);
create index organizations_district_idx on organizations (district_code);
create index organizations_kind_idx on organizations (kind);

-- People, roles and sessions -----------------------------------------------------------------
create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  display_name text not null,
  password_hash text,
  totp_secret text,
  totp_enabled_at timestamptz,
  locale text not null default 'th' check (locale in ('th', 'en')),
  failed_login_count int not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);
create unique index users_email_idx on users (lower(email));

-- A role held by a user within a scope. The scope columns that apply depend on the role:
-- organisation roles need organization_id; province roles province_code; region roles pacc_region;
-- national roles none.
create table memberships (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id),
  role text not null,
  organization_id uuid references organizations(id),
  province_code text references provinces(code),
  pacc_region int check (pacc_region between 1 and 9),
  created_at timestamptz not null default now(),
  created_by uuid references users(id),
  revoked_at timestamptz
);
create index memberships_user_idx on memberships (user_id) where revoked_at is null;
create index memberships_org_idx on memberships (organization_id) where revoked_at is null;

create table invitations (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  display_name text not null,
  token_hash text not null unique,
  role text not null,
  organization_id uuid references organizations(id),
  province_code text references provinces(code),
  pacc_region int,
  invited_by uuid not null references users(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  revoked_at timestamptz
);

-- Server-side sessions. The cookie carries a random token; only its SHA-256 is stored.
create table sessions (
  id_hash text primary key,
  user_id uuid not null references users(id),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  idle_expires_at timestamptz not null,
  absolute_expires_at timestamptz not null,
  second_factor_at timestamptz,
  ip text,
  user_agent text,
  revoked_at timestamptz
);
create index sessions_user_idx on sessions (user_id);

create table password_resets (
  token_hash text primary key,
  user_id uuid not null references users(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

-- Sign-in attempts, for lockout and rate limits that hold across server instances.
create table login_attempts (
  id bigserial primary key,
  email text not null,
  ip text,
  at timestamptz not null default now(),
  success boolean not null
);
create index login_attempts_email_at_idx on login_attempts (lower(email), at);
create index login_attempts_ip_at_idx on login_attempts (ip, at);

-- Outgoing e-mail. Always written here first (transactional outbox); sent by SMTP when configured.
-- In development the national administrator reads it in the app.
create table outbox_emails (
  id uuid primary key default gen_random_uuid(),
  to_address text not null,
  subject text not null,
  body_text text not null,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  last_error text
);

-- In-app notifications.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id),
  kind text not null,
  title text not null,
  body text not null default '',
  link text,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_user_idx on notifications (user_id, created_at desc);

-- Audit (append-only, hash-chained) ----------------------------------------------------------
create table audit_log (
  id bigserial primary key,
  at timestamptz not null,
  actor_user_id uuid,
  actor_label text not null,
  action text not null,
  subject_type text not null,
  subject_id text,
  organization_id uuid,
  before jsonb,
  after jsonb,
  request_id text,
  ip text,
  prev_hash text not null,
  hash text not null
);
create index audit_log_subject_idx on audit_log (subject_type, subject_id);
create index audit_log_org_idx on audit_log (organization_id, id);
create index audit_log_actor_idx on audit_log (actor_user_id, id);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_is_append_only();

-- Background jobs (claimed with FOR UPDATE SKIP LOCKED so several workers never run one twice) --
create table jobs (
  id uuid primary key default gen_random_uuid(),
  kind text not null,
  payload jsonb not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed', 'cancelled')),
  run_at timestamptz not null default now(),
  locked_by text,
  locked_at timestamptz,
  attempts int not null default 0,
  progress_done bigint not null default 0,
  progress_total bigint,
  checkpoint jsonb,
  result jsonb,
  last_error text,
  created_by uuid references users(id),
  organization_id uuid references organizations(id),
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_claim_idx on jobs (status, run_at) where status in ('queued', 'running');

-- Stored files (evidence, uploads, generated documents); bytes live behind the FileStore interface.
create table stored_files (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid references organizations(id),
  file_name text not null,
  content_type text not null,
  size_bytes bigint not null,
  sha256 text not null,
  storage_key text not null,
  uploaded_by uuid references users(id),
  created_at timestamptz not null default now()
);
