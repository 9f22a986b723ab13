-- Risk ranking summary: one row per entity (buyer or supplier) and combination of the columns the
-- ranking filters on (organisation, province → PACC region, Thai method, fiscal year). Rebuilt at
-- the end of every analysis (after the per-process risk weights), so ranking with filters
-- aggregates a few rows per entity instead of every contracting process. Filters the summary
-- cannot answer (value range, one buyer's processes) still read procurement_releases.
create table procurement_risk_summary (
  entity_kind text not null check (entity_kind in ('buyer', 'supplier')),
  entity_id text not null,
  name text,
  organization_id uuid,
  province_code text,
  thai_method text,
  fiscal_year int,
  processes int not null,
  flagged_processes int not null,
  value_satang numeric not null,
  -- Σ of the processes' risk weights (score term = Σ risk_weight / Σ processes over the selection).
  risk_weight double precision not null
);
create index procurement_risk_summary_entity_idx on procurement_risk_summary (entity_kind, entity_id);
create index procurement_risk_summary_year_idx on procurement_risk_summary (entity_kind, fiscal_year);
