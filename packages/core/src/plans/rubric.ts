/** Scoring a plan with a configurable rubric: validation and totals per dimension. Pure. */

export interface RubricCriterionLike {
  id: string;
  dimensionCode: string | null;
  maxPoints: number;
}

export interface CriterionScore {
  criterionId: string;
  points: number;
}

export type ScoreProblem = { kind: 'unknown_criterion'; criterionId: string } | { kind: 'over_max'; criterionId: string; maxPoints: number } | { kind: 'negative'; criterionId: string } | { kind: 'duplicate'; criterionId: string };

export interface ScoreResult {
  problems: ScoreProblem[];
  totalPoints: number;
  maxPoints: number;
  byDimension: Array<{ dimensionCode: string | null; points: number; maxPoints: number }>;
}

export function scoreWithRubric(criteria: readonly RubricCriterionLike[], scores: readonly CriterionScore[]): ScoreResult {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const problems: ScoreProblem[] = [];
  const seen = new Set<string>();
  const points = new Map<string, number>();
  for (const s of scores) {
    const c = byId.get(s.criterionId);
    if (!c) problems.push({ kind: 'unknown_criterion', criterionId: s.criterionId });
    else if (seen.has(s.criterionId)) problems.push({ kind: 'duplicate', criterionId: s.criterionId });
    else if (s.points < 0) problems.push({ kind: 'negative', criterionId: s.criterionId });
    else if (s.points > c.maxPoints) problems.push({ kind: 'over_max', criterionId: s.criterionId, maxPoints: c.maxPoints });
    else points.set(s.criterionId, s.points);
    seen.add(s.criterionId);
  }
  const dims = new Map<string | null, { points: number; maxPoints: number }>();
  for (const c of criteria) {
    const d = dims.get(c.dimensionCode) ?? { points: 0, maxPoints: 0 };
    d.points += points.get(c.id) ?? 0;
    d.maxPoints += c.maxPoints;
    dims.set(c.dimensionCode, d);
  }
  const byDimension = [...dims].map(([dimensionCode, d]) => ({ dimensionCode, ...d })).sort((a, b) => (a.dimensionCode ?? '').localeCompare(b.dimensionCode ?? ''));
  return {
    problems,
    totalPoints: [...points.values()].reduce((s, p) => s + p, 0),
    maxPoints: criteria.reduce((s, c) => s + c.maxPoints, 0),
    byDimension,
  };
}
