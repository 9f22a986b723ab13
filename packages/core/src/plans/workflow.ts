/**
 * The plan workflow as a state machine:
 *
 *   draft ──send_for_review──▶ internal_review ──approve──▶ approved ──submit──▶ submitted
 *     ▲                            │ send_back                                     │
 *     └────────────────────────────┘                          return ◀─────────────┤ accept
 *   returned ──send_for_review (again) or submit (resubmission) ──▶ …   accepted ──publish──▶ published
 *
 * Each action names the capability it needs ('edit' = the organisation's editors, 'approve' = its
 * executive, 'review' = the NACC provincial office); the server maps capabilities to permissions.
 */

export type PlanState = 'draft' | 'internal_review' | 'approved' | 'submitted' | 'returned' | 'accepted' | 'published';
export type PlanWorkflowAction = 'send_for_review' | 'send_back' | 'approve' | 'submit' | 'return' | 'accept' | 'publish';
export type WorkflowCapability = 'edit' | 'approve' | 'review';

export interface Transition {
  action: PlanWorkflowAction;
  from: readonly PlanState[];
  to: PlanState;
  needs: WorkflowCapability;
  /** Who must act next, to be notified. */
  notify: 'approvers' | 'editors' | 'reviewers' | 'organization';
  /** The plan must pass its checks first. */
  requiresChecks: boolean;
  /** A comment is required (e.g. when returning a plan). */
  requiresComment: boolean;
}

export const PLAN_TRANSITIONS: readonly Transition[] = [
  { action: 'send_for_review', from: ['draft', 'returned'], to: 'internal_review', needs: 'edit', notify: 'approvers', requiresChecks: true, requiresComment: false },
  { action: 'send_back', from: ['internal_review', 'approved'], to: 'draft', needs: 'approve', notify: 'editors', requiresChecks: false, requiresComment: false },
  { action: 'approve', from: ['internal_review'], to: 'approved', needs: 'approve', notify: 'editors', requiresChecks: true, requiresComment: false },
  { action: 'submit', from: ['approved', 'returned'], to: 'submitted', needs: 'edit', notify: 'reviewers', requiresChecks: true, requiresComment: false },
  { action: 'return', from: ['submitted'], to: 'returned', needs: 'review', notify: 'organization', requiresChecks: false, requiresComment: true },
  { action: 'accept', from: ['submitted'], to: 'accepted', needs: 'review', notify: 'organization', requiresChecks: false, requiresComment: false },
  { action: 'publish', from: ['accepted'], to: 'published', needs: 'edit', notify: 'organization', requiresChecks: false, requiresComment: false },
];

export type TransitionResult = { ok: true; transition: Transition } | { ok: false; reason: 'unknown_action' | 'wrong_state' };

/** The transition for `action` from `state`, or why there is none. */
export function findTransition(state: PlanState, action: PlanWorkflowAction): TransitionResult {
  const t = PLAN_TRANSITIONS.find((x) => x.action === action);
  if (!t) return { ok: false, reason: 'unknown_action' };
  if (!t.from.includes(state)) return { ok: false, reason: 'wrong_state' };
  return { ok: true, transition: t };
}

/** Actions possible from `state` for someone with `capabilities`. */
export function availableActions(state: PlanState, capabilities: ReadonlySet<WorkflowCapability>): PlanWorkflowAction[] {
  return PLAN_TRANSITIONS.filter((t) => t.from.includes(state) && capabilities.has(t.needs)).map((t) => t.action);
}

/** Plans can be edited only while drafting or after being returned. */
export function isEditableState(state: PlanState): boolean {
  return state === 'draft' || state === 'returned';
}

/** A change after acceptance makes a new version; only accepted or published plans can be versioned. */
export function canStartNewVersion(state: PlanState): boolean {
  return state === 'accepted' || state === 'published';
}

/** States visible to the public (drafts never are). */
export function isPublicState(state: PlanState): boolean {
  return state === 'published';
}

/** Has the plan reached the NACC provincial office (submitted or later)? */
export function isSubmittedState(state: PlanState): boolean {
  return state === 'submitted' || state === 'returned' || state === 'accepted' || state === 'published';
}
