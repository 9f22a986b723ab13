-- Procurement surveillance: OCDS compiled releases, imports (resumable jobs), red flags (Cardinal +
-- Thai indicators) with the agency's answer and the oversight office's review, risk weights,
-- the office's list of officials (TH07) and watchlists. Runs on PostgreSQL 15+ and PGlite.

-- Versioned thresholds of the Thai indicators (data/thresholds/th-procurement.json) ------------
create table procurement_threshold_sets (
  id text primary key,
  valid_from date not null,
  status text not null check (status in ('confirmed', 'provisional')),
  source text not null default '',
  params jsonb not null,
  created_at timestamptz not null default now()
);

-- Weights of the composite risk score, one per indicator code (R### and TH##).
create table procurement_risk_weights (
  code text primary key,
  weight double precision not null check (weight >= 0),
  updated_at timestamptz not null default now()
);

-- Imports ----------------------------------------------------------------------------------
create table procurement_imports (
  id uuid primary key default gen_random_uuid(),
  job_id uuid references jobs(id),
  file_id uuid references stored_files(id),
  server_path text,
  file_name text not null,
  format text not null check (format in ('jsonl', 'json', 'csv')),
  size_bytes bigint not null default 0,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  lines_done bigint not null default 0,
  releases_upserted bigint not null default 0,
  errors_count bigint not null default 0,
  warnings_count bigint not null default 0,
  -- Where to resume: {offset (bytes), line, record}; written in the same transaction as each batch.
  checkpoint jsonb,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index procurement_imports_created_idx on procurement_imports (created_at desc);

-- Per-line problems. (import, line, seq) is the key, so a resumed import that repeats a batch
-- writes each problem once.
create table procurement_import_issues (
  import_id uuid not null references procurement_imports(id),
  line bigint not null,
  seq int not null,
  severity text not null check (severity in ('error', 'warning')),
  ocid text,
  path text not null default '',
  message text not null,
  primary key (import_id, line, seq)
);

-- Buyers as published (OCDS /buyer), matched to our organisations by code or unique name.
create table procurement_buyers (
  id text primary key,
  name text,
  organization_id uuid references organizations(id),
  match_method text check (match_method in ('code', 'name', 'manual')),
  updated_at timestamptz not null default now()
);
create index procurement_buyers_org_idx on procurement_buyers (organization_id);

-- One row per contracting process: the compiled release and the columns we filter on.
create table procurement_releases (
  ocid text primary key,
  release jsonb not null,
  buyer_id text,
  buyer_name text,
  organization_id uuid references organizations(id),
  province_code text references provinces(code),
  procurement_method text,
  method_details text,
  thai_method text,
  main_category text,
  tender_status text,
  value_satang bigint,
  reference_satang bigint,
  tenderers int,
  award_date date,
  fiscal_year int,
  release_date timestamptz,
  -- Σ weights of the distinct flag codes on this process (the per-process term of the risk score).
  risk_weight double precision not null default 0,
  flag_count int not null default 0,
  import_id uuid references procurement_imports(id),
  updated_at timestamptz not null default now()
);
create index procurement_releases_buyer_idx on procurement_releases (buyer_id);
create index procurement_releases_org_idx on procurement_releases (organization_id);
create index procurement_releases_province_year_idx on procurement_releases (province_code, fiscal_year);
create index procurement_releases_year_idx on procurement_releases (fiscal_year);

create table procurement_release_suppliers (
  ocid text not null references procurement_releases(ocid) on delete cascade,
  supplier_id text not null,
  supplier_name text,
  tax_id text,
  primary key (ocid, supplier_id)
);
create index procurement_release_suppliers_supplier_idx on procurement_release_suppliers (supplier_id);

-- Flags --------------------------------------------------------------------------------------
-- Process-level flags. (ocid, code, supplier_id) identifies a flag across re-analyses, so the
-- agency's answer and the review stay attached; a flag no longer produced gets withdrawn_at.
create table procurement_flags (
  id uuid primary key default gen_random_uuid(),
  ocid text not null references procurement_releases(ocid),
  code text not null,
  supplier_id text not null default '',
  source text not null check (source in ('cardinal', 'thai')),
  value double precision not null,
  evidence jsonb not null default '{}',
  thresholds_version text,
  first_seen_at timestamptz not null,
  computed_at timestamptz not null,
  withdrawn_at timestamptz,
  status text not null default 'open' check (status in ('open', 'answered', 'reviewed')),
  response text,
  responded_by uuid references users(id),
  responded_at timestamptz,
  review_outcome text check (review_outcome in ('cleared', 'noted', 'referred')),
  review_note text,
  reviewed_by uuid references users(id),
  reviewed_at timestamptz,
  unique (ocid, code, supplier_id)
);
create index procurement_flags_code_idx on procurement_flags (code);
create index procurement_flags_status_idx on procurement_flags (status) where withdrawn_at is null;

-- Entity-level results (Cardinal's Buyer / ProcuringEntity / Tenderer groups: R025, R038, R048…).
create table procurement_entity_flags (
  entity_kind text not null check (entity_kind in ('buyer', 'procuring_entity', 'supplier')),
  entity_id text not null,
  code text not null,
  value double precision not null,
  computed_at timestamptz not null,
  primary key (entity_kind, entity_id, code)
);

create table procurement_analyses (
  id uuid primary key default gen_random_uuid(),
  job_id uuid references jobs(id),
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  processes bigint not null default 0,
  flags bigint not null default 0,
  new_flags bigint not null default 0,
  meta jsonb,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  finished_at timestamptz
);

-- The office's list of officials and related persons (TH07). Confidential: procurement.read only.
create table procurement_officials (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  tax_id text,
  position text,
  buyer_ids text[] not null default '{}',
  note text,
  uploaded_by uuid references users(id),
  created_at timestamptz not null default now(),
  removed_at timestamptz
);

-- Watchlists with alerts (notifications) -------------------------------------------------------
create table procurement_watchlists (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id),
  name text not null,
  created_at timestamptz not null default now()
);
create index procurement_watchlists_user_idx on procurement_watchlists (user_id);

create table procurement_watch_items (
  id uuid primary key default gen_random_uuid(),
  watchlist_id uuid not null references procurement_watchlists(id) on delete cascade,
  kind text not null check (kind in ('buyer', 'supplier')),
  subject_id text not null,
  label text,
  created_at timestamptz not null default now(),
  unique (watchlist_id, kind, subject_id)
);
create index procurement_watch_items_subject_idx on procurement_watch_items (kind, subject_id);
