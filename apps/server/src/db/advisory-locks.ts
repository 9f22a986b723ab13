/**
 * Every PostgreSQL advisory-lock key the application uses, in one place so two features never take
 * the same key by accident (a shared key silently serialises unrelated work).
 */
export const ADVISORY_LOCKS = {
  /** Held for a whole migration run (session lock). */
  migrations: 724201,
  /** Serialises appends to the audit hash chain (transaction lock). */
  auditChain: 724202,
  /** First-start load of the reference data by several instances at once. */
  referenceData: 724203,
  /** Start-up load of plan frameworks, cycles and rubrics by several instances at once. */
  planFrameworks: 724204,
  /** Scheduling of recurring jobs: at most one queued run of a kind. */
  recurringJobs: 724210,
} as const;
