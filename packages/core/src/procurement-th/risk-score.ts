/**
 * Composite risk score of a buyer or a supplier: transparent, no black box.
 *
 *   score = Σ over process-level indicators c of  w_c × n_c / N   +   Σ over entity-level flags c of w_c
 *
 * N = the entity's contracting processes in the selection, n_c = how many of them carry flag c
 * (a process counts once per indicator however many times it was flagged), w_c = the weight of c
 * in the thresholds data (`riskWeights`; unknown codes weigh 1). Entity-level flags are Cardinal's
 * Buyer/Tenderer results (R025, R038, R048), which describe the entity as a whole.
 * The PostgreSQL query in the procurement repository computes the same formula; a test checks both.
 * A high score means "look here first", never "corrupt".
 */

export interface RiskInput {
  processes: number;
  /** Process-level indicator code → processes flagged. */
  flaggedProcesses: Record<string, number>;
  /** Entity-level indicator codes. */
  entityFlags: string[];
}

export interface RiskComponent {
  code: string;
  weight: number;
  /** Processes flagged (process-level) or 1 (entity-level). */
  count: number;
  level: 'process' | 'entity';
  contribution: number;
}

export interface RiskScore {
  score: number;
  components: RiskComponent[];
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export function riskScore(input: RiskInput, weights: Readonly<Record<string, number>>): RiskScore {
  const components: RiskComponent[] = [];
  const w = (code: string) => weights[code] ?? 1;
  if (input.processes > 0) {
    for (const [code, count] of Object.entries(input.flaggedProcesses)) {
      if (count > 0) components.push({ code, weight: w(code), count, level: 'process', contribution: round((w(code) * count) / input.processes) });
    }
  }
  for (const code of new Set(input.entityFlags)) components.push({ code, weight: w(code), count: 1, level: 'entity', contribution: round(w(code)) });
  components.sort((a, b) => b.contribution - a.contribution || a.code.localeCompare(b.code));
  return { score: round(components.reduce((s, c) => s + c.contribution, 0)), components };
}
