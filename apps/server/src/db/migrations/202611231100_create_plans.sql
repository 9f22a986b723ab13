-- Anti-corruption action plans (แผนปฏิบัติการป้องกันการทุจริต): frameworks, cycles, rubrics and
-- deadlines as versioned data; plans with parts 1–3, workflow events, comments, reviews; progress.
-- Money is integer satang (bigint). Fiscal years are Buddhist-era integers.

-- Frameworks: the 4 dimensions (มิติ) and their sub-items, one row set per version ----------------
create table plan_frameworks (
  id uuid primary key default gen_random_uuid(),
  code text not null,
  version text not null,
  name_th text not null,
  name_en text,
  cycle_first_year int,
  cycle_last_year int,
  source_note text not null,
  status text not null default 'active' check (status in ('draft', 'active', 'retired')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (code, version)
);

create table plan_framework_nodes (
  framework_id uuid not null references plan_frameworks(id) on delete cascade,
  code text not null check (code ~ '^\d{1,2}(\.\d{1,2}){0,3}$'),
  parent_code text,
  level int not null check (level between 1 and 4),
  position int not null,
  title_th text not null,
  title_en text,
  -- true when the wording is not confirmed against an official source (domain notes [U])
  unconfirmed boolean not null default false,
  source_note text,
  primary key (framework_id, code)
);

create table plan_cycles (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  first_year int not null,
  last_year int not null,
  label_th text not null,
  default_framework_id uuid references plan_frameworks(id),
  active boolean not null default true,
  source_note text,
  created_at timestamptz not null default now(),
  check (last_year >= first_year and last_year - first_year < 10)
);

-- Rubrics for reviewers: criteria and points per dimension --------------------------------------
create table plan_rubrics (
  id uuid primary key default gen_random_uuid(),
  code text not null,
  version int not null,
  name_th text not null,
  name_en text,
  -- false: a Prongsai default, not NACC's score sheet (which is not confirmed)
  is_official boolean not null default false,
  source_note text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (code, version)
);

create table plan_rubric_criteria (
  id uuid primary key default gen_random_uuid(),
  rubric_id uuid not null references plan_rubrics(id) on delete cascade,
  dimension_code text,
  position int not null,
  text_th text not null,
  text_en text,
  max_points int not null check (max_points >= 0)
);
create index plan_rubric_criteria_rubric_idx on plan_rubric_criteria (rubric_id, position);

-- Submission deadlines per province and cycle (set by NACC provincial offices) -----------------
create table plan_deadlines (
  cycle_id uuid not null references plan_cycles(id),
  province_code text not null references provinces(code),
  due_at timestamptz not null,
  note text,
  set_by uuid references users(id),
  updated_at timestamptz not null default now(),
  primary key (cycle_id, province_code)
);

-- Plans: one row per version; versions of one plan share lineage_id ---------------------------
create table plans (
  id uuid primary key default gen_random_uuid(),
  lineage_id uuid not null,
  version int not null default 1,
  previous_version_id uuid references plans(id),
  organization_id uuid not null references organizations(id),
  cycle_id uuid not null references plan_cycles(id),
  framework_id uuid not null references plan_frameworks(id),
  title_th text not null,
  status text not null default 'draft'
    check (status in ('draft', 'internal_review', 'approved', 'submitted', 'returned', 'accepted', 'published')),
  part1 jsonb not null default '{}',
  working_group jsonb not null default '{}',
  coverage_reasons jsonb not null default '{}',
  reporting_rounds jsonb not null default '["6m","12m"]',
  row_version int not null default 1,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_at timestamptz,
  accepted_at timestamptz,
  published_at timestamptz,
  unique (lineage_id, version)
);
create index plans_org_idx on plans (organization_id, cycle_id);
create index plans_status_idx on plans (status, cycle_id);

create table plan_items (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans(id) on delete cascade,
  -- stable across versions of a plan, so versions can be compared item by item
  item_key uuid not null default gen_random_uuid(),
  position int not null,
  type text not null check (type in ('project', 'activity', 'measure', 'guideline')),
  framework_code text not null,
  dimension_code text not null,
  name_th text not null,
  no_budget boolean not null default false,
  responsible_unit text not null default '',
  quarters jsonb not null default '[]',
  remarks text not null default '',
  sheet jsonb,
  has_kpis boolean not null default false,
  updated_by_label text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index plan_items_plan_idx on plan_items (plan_id, position);

create table plan_item_budgets (
  item_id uuid not null references plan_items(id) on delete cascade,
  fiscal_year int not null,
  amount_satang bigint not null check (amount_satang >= 0),
  primary key (item_id, fiscal_year)
);
create index plan_item_budgets_year_idx on plan_item_budgets (fiscal_year);

-- Workflow history: every transition (and version creation), who and when -------------------
create table plan_events (
  id bigserial primary key,
  plan_id uuid not null references plans(id) on delete cascade,
  at timestamptz not null,
  actor_user_id uuid references users(id),
  actor_label text not null,
  action text not null,
  from_status text,
  to_status text,
  comment text
);
create index plan_events_plan_idx on plan_events (plan_id, id);

create table plan_comments (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans(id) on delete cascade,
  item_id uuid references plan_items(id) on delete set null,
  event_id bigint references plan_events(id),
  author_user_id uuid references users(id),
  author_label text not null,
  body text not null,
  created_at timestamptz not null default now()
);
create index plan_comments_plan_idx on plan_comments (plan_id, created_at);

create table plan_reviews (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans(id) on delete cascade,
  rubric_id uuid not null references plan_rubrics(id),
  reviewer_user_id uuid references users(id),
  reviewer_label text not null,
  scores jsonb not null,
  total_points int not null,
  max_points int not null,
  note text not null default '',
  created_at timestamptz not null default now()
);
create index plan_reviews_plan_idx on plan_reviews (plan_id);

-- Progress: reporting rounds per fiscal year, one entry per item ------------------------------
create table plan_progress_reports (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans(id) on delete cascade,
  fiscal_year int not null,
  round text not null check (round in ('6m', '12m', 'q1', 'q2', 'q3')),
  status text not null default 'draft' check (status in ('draft', 'submitted')),
  summary text not null default '',
  submitted_at timestamptz,
  updated_at timestamptz not null default now(),
  unique (plan_id, fiscal_year, round)
);

create table plan_progress_entries (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references plan_progress_reports(id) on delete cascade,
  item_id uuid not null references plan_items(id) on delete cascade,
  status text not null check (status in ('not_started', 'in_progress', 'completed', 'delayed', 'cancelled')),
  percent int not null check (percent between 0 and 100),
  spent_satang bigint not null default 0 check (spent_satang >= 0),
  outputs text not null default '',
  kpi_actuals jsonb not null default '[]',
  links jsonb not null default '[]',
  note text not null default '',
  updated_by_label text,
  updated_at timestamptz not null default now(),
  unique (report_id, item_id)
);
create index plan_progress_entries_item_idx on plan_progress_entries (item_id);

create table plan_progress_evidence (
  entry_id uuid not null references plan_progress_entries(id) on delete cascade,
  file_id uuid not null references stored_files(id),
  created_at timestamptz not null default now(),
  primary key (entry_id, file_id)
);

-- Reminders already sent (so a job sends each once) ------------------------------------------
create table plan_reminders_sent (
  key text primary key,
  sent_at timestamptz not null default now()
);
