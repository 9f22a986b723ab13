/**
 * Plan frameworks (กรอบ 4 มิติ) are data: a list of nodes with codes 1, 1.1, 1.1.1 … This file
 * derives the tree from the codes and checks that a list of nodes is a well-formed framework.
 */

export interface FrameworkNodeLike {
  code: string;
  titleTh: string;
}

const CODE_RE = /^\d{1,2}(\.\d{1,2}){0,3}$/;

/** "1.1.2" → "1.1"; "1" → null. */
export function parentCode(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}

/** The dimension (first level) of a code: "3.2.1" → "3". */
export function dimensionOf(code: string): string {
  const i = code.indexOf('.');
  return i < 0 ? code : code.slice(0, i);
}

/** Depth of a code: "1" → 1, "1.1" → 2, "1.1.1" → 3. */
export function levelOf(code: string): number {
  return code.split('.').length;
}

/** Orders codes numerically segment by segment: 1.2 < 1.10 < 2. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Codes of the leaves: nodes that have no children (the finest sub-items to cover). */
export function leafCodes(codes: readonly string[]): string[] {
  const parents = new Set(codes.map(parentCode).filter((c): c is string => c !== null));
  return codes.filter((c) => !parents.has(c)).sort(compareCodes);
}

export type FrameworkProblem =
  | { kind: 'bad_code'; code: string }
  | { kind: 'duplicate'; code: string }
  | { kind: 'missing_parent'; code: string; parent: string }
  | { kind: 'empty_title'; code: string }
  | { kind: 'no_dimension' };

/** Problems that make a node list unusable as a framework (empty = fine). */
export function validateFramework(nodes: readonly FrameworkNodeLike[]): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const seen = new Set<string>();
  for (const n of nodes) {
    if (!CODE_RE.test(n.code)) problems.push({ kind: 'bad_code', code: n.code });
    else if (seen.has(n.code)) problems.push({ kind: 'duplicate', code: n.code });
    seen.add(n.code);
    if (n.titleTh.trim() === '') problems.push({ kind: 'empty_title', code: n.code });
  }
  for (const n of nodes) {
    const p = parentCode(n.code);
    if (CODE_RE.test(n.code) && p !== null && !seen.has(p)) problems.push({ kind: 'missing_parent', code: n.code, parent: p });
  }
  if (!nodes.some((n) => levelOf(n.code) === 1)) problems.push({ kind: 'no_dimension' });
  return problems;
}

/** Adds parent, level and position (in code order) to raw nodes. */
export function normalizeFrameworkNodes<T extends FrameworkNodeLike>(nodes: readonly T[]): Array<T & { parentCode: string | null; level: number; position: number }> {
  return [...nodes]
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((n, i) => ({ ...n, parentCode: parentCode(n.code), level: levelOf(n.code), position: i + 1 }));
}
