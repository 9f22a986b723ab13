-- Roll-up totals count only SUBMITTED progress reports: a draft report is the organisation's work in
-- progress and must not reach public roll-ups (nor oversight figures) before it is submitted.
-- Replaces plan_year_totals_refresh (202611231300) and recomputes every plan.

create or replace function plan_year_totals_refresh(plan_ids uuid[]) returns void language sql as $$
  select 1 from plans where id = any(plan_ids) order by id for no key update;
  delete from plan_year_totals where plan_id = any(plan_ids);
  insert into plan_year_totals (plan_id, fiscal_year, dimension_code, items, with_budget, no_budget, planned_satang,
    spent_satang, reported_items, completed_items, percent_sum)
  with pl as (
    select p.id, c.first_year, c.last_year from plans p join plan_cycles c on c.id = p.cycle_id where p.id = any(plan_ids)
  ), items as (
    select i.id, i.plan_id, y.fy, i.dimension_code, i.no_budget, coalesce(b.amount_satang, 0) as planned
    from pl cross join lateral generate_series(pl.first_year, pl.last_year) as y(fy)
    join plan_items i on i.plan_id = pl.id
    left join plan_item_budgets b on b.item_id = i.id and b.fiscal_year = y.fy
    where i.no_budget or b.amount_satang is not null
  ), latest as (
    select distinct on (e.item_id, r.fiscal_year) e.item_id, r.fiscal_year, e.status, e.percent, e.spent_satang
    from pl join plan_progress_reports r on r.plan_id = pl.id
    join plan_progress_entries e on e.report_id = r.id
    where r.status = 'submitted'
    order by e.item_id, r.fiscal_year,
      case r.round when 'q1' then 1 when 'q2' then 2 when '6m' then 2 when 'q3' then 3 else 4 end desc, r.round
  )
  select i.plan_id, i.fy, i.dimension_code,
    count(*), count(*) filter (where not i.no_budget), count(*) filter (where i.no_budget),
    coalesce(sum(i.planned), 0), coalesce(sum(l.spent_satang), 0), count(l.item_id),
    count(*) filter (where l.status = 'completed'), coalesce(sum(l.percent), 0)
  from items i left join latest l on l.item_id = i.id and l.fiscal_year = i.fy
  group by i.plan_id, i.fy, i.dimension_code;
$$;

select plan_year_totals_refresh(array(select id from plans));
