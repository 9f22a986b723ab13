/**
 * Row types of every table, in camelCase (CamelCasePlugin maps them to snake_case columns).
 * Keep in step with ./migrations. Modules add their tables to `DB` below.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** int8 columns come back as strings on both drivers (see database.ts). */
type Int8 = ColumnType<string, string | number | bigint, string | number | bigint>;
/** A bigserial id: generated on insert, read as a string. */
type GeneratedInt8 = ColumnType<string, string | number | bigint | undefined, string | number | bigint>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;

export interface ProvincesTable {
  code: string;
  nameTh: string;
  nameEn: string;
  iso: string;
  regionTh: string;
  paccRegion: number | null;
  paccRegionStatus: 'confirmed' | 'unconfirmed' | 'not_applicable';
}

export interface DistrictsTable {
  code: string;
  provinceCode: string;
  nameTh: string;
  nameEn: string | null;
  kind: 'amphoe' | 'khet';
}

export interface OrganizationsTable {
  id: Generated<string>;
  code: string;
  kind: string;
  nameTh: string;
  shortNameTh: string | null;
  nameEn: string | null;
  provinceCode: string | null;
  districtCode: string | null;
  lat: number | null;
  lon: number | null;
  website: string | null;
  address: string | null;
  postcode: string | null;
  areaKm2: number | null;
  source: string;
  searchText: Generated<string>;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
  archivedAt: Timestamp | null;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  displayName: string;
  passwordHash: string | null;
  totpSecret: string | null;
  totpEnabledAt: Timestamp | null;
  /** Last TOTP time step accepted (replay protection); migration 202611231000. */
  totpLastStep: Int8 | null;
  locale: Generated<'th' | 'en'>;
  failedLoginCount: Generated<number>;
  lockedUntil: Timestamp | null;
  createdAt: DefaultTimestamp;
  disabledAt: Timestamp | null;
}

export interface MembershipsTable {
  id: Generated<string>;
  userId: string;
  role: string;
  organizationId: string | null;
  provinceCode: string | null;
  paccRegion: number | null;
  createdAt: DefaultTimestamp;
  createdBy: string | null;
  revokedAt: Timestamp | null;
}

export interface InvitationsTable {
  id: Generated<string>;
  email: string;
  displayName: string;
  tokenHash: string;
  role: string;
  organizationId: string | null;
  provinceCode: string | null;
  paccRegion: number | null;
  invitedBy: string;
  createdAt: DefaultTimestamp;
  expiresAt: Timestamp;
  acceptedAt: Timestamp | null;
  revokedAt: Timestamp | null;
}

export interface SessionsTable {
  idHash: string;
  userId: string;
  createdAt: DefaultTimestamp;
  lastSeenAt: DefaultTimestamp;
  idleExpiresAt: Timestamp;
  absoluteExpiresAt: Timestamp;
  secondFactorAt: Timestamp | null;
  ip: string | null;
  userAgent: string | null;
  revokedAt: Timestamp | null;
}

export interface PasswordResetsTable {
  tokenHash: string;
  userId: string;
  createdAt: DefaultTimestamp;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
}

export interface LoginAttemptsTable {
  id: GeneratedInt8;
  email: string;
  ip: string | null;
  at: DefaultTimestamp;
  success: boolean;
}

export interface OutboxEmailsTable {
  id: Generated<string>;
  toAddress: string;
  subject: string;
  bodyText: string;
  createdAt: DefaultTimestamp;
  sentAt: Timestamp | null;
  lastError: string | null;
}

export interface NotificationsTable {
  id: Generated<string>;
  userId: string;
  kind: string;
  title: string;
  body: Generated<string>;
  link: string | null;
  createdAt: DefaultTimestamp;
  readAt: Timestamp | null;
}

export interface AuditLogTable {
  id: GeneratedInt8;
  at: Timestamp;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  organizationId: string | null;
  before: Json | null;
  after: Json | null;
  requestId: string | null;
  ip: string | null;
  prevHash: string;
  hash: string;
}

export interface JobsTable {
  id: Generated<string>;
  kind: string;
  payload: Json<Record<string, unknown>>;
  status: Generated<'queued' | 'running' | 'done' | 'failed' | 'cancelled'>;
  runAt: DefaultTimestamp;
  lockedBy: string | null;
  lockedAt: Timestamp | null;
  attempts: Generated<number>;
  progressDone: GeneratedInt8;
  progressTotal: Int8 | null;
  checkpoint: Json | null;
  result: Json | null;
  lastError: string | null;
  createdBy: string | null;
  organizationId: string | null;
  createdAt: DefaultTimestamp;
  finishedAt: Timestamp | null;
}

export interface StoredFilesTable {
  id: Generated<string>;
  organizationId: string | null;
  fileName: string;
  contentType: string;
  sizeBytes: Int8;
  sha256: string;
  storageKey: string;
  uploadedBy: string | null;
  createdAt: DefaultTimestamp;
}

// Plans (migration 202611231100_create_plans.sql) ----------------------------------------------
export interface PlanFrameworksTable {
  id: Generated<string>;
  code: string;
  version: string;
  nameTh: string;
  nameEn: string | null;
  cycleFirstYear: number | null;
  cycleLastYear: number | null;
  sourceNote: string;
  status: Generated<'draft' | 'active' | 'retired'>;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
}

export interface PlanFrameworkNodesTable {
  frameworkId: string;
  code: string;
  parentCode: string | null;
  level: number;
  position: number;
  titleTh: string;
  titleEn: string | null;
  unconfirmed: Generated<boolean>;
  sourceNote: string | null;
}

export interface PlanCyclesTable {
  id: Generated<string>;
  code: string;
  firstYear: number;
  lastYear: number;
  labelTh: string;
  defaultFrameworkId: string | null;
  active: Generated<boolean>;
  sourceNote: string | null;
  createdAt: DefaultTimestamp;
}

export interface PlanRubricsTable {
  id: Generated<string>;
  code: string;
  version: number;
  nameTh: string;
  nameEn: string | null;
  isOfficial: Generated<boolean>;
  sourceNote: string;
  active: Generated<boolean>;
  createdAt: DefaultTimestamp;
}

export interface PlanRubricCriteriaTable {
  id: Generated<string>;
  rubricId: string;
  dimensionCode: string | null;
  position: number;
  textTh: string;
  textEn: string | null;
  maxPoints: number;
}

export interface PlanDeadlinesTable {
  cycleId: string;
  provinceCode: string;
  dueAt: Timestamp;
  note: string | null;
  setBy: string | null;
  updatedAt: DefaultTimestamp;
}

export interface PlansTable {
  id: Generated<string>;
  lineageId: string;
  version: Generated<number>;
  previousVersionId: string | null;
  organizationId: string;
  cycleId: string;
  frameworkId: string;
  titleTh: string;
  status: Generated<string>;
  part1: Json<Record<string, unknown>>;
  workingGroup: Json<Record<string, unknown>>;
  coverageReasons: Json<Record<string, string>>;
  reportingRounds: Json<string[]>;
  rowVersion: Generated<number>;
  createdBy: string | null;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
  submittedAt: Timestamp | null;
  acceptedAt: Timestamp | null;
  publishedAt: Timestamp | null;
}

export interface PlanItemsTable {
  id: Generated<string>;
  planId: string;
  itemKey: Generated<string>;
  position: number;
  type: string;
  frameworkCode: string;
  dimensionCode: string;
  nameTh: string;
  noBudget: Generated<boolean>;
  responsibleUnit: Generated<string>;
  quarters: Json<number[]>;
  remarks: Generated<string>;
  sheet: Json<Record<string, unknown>> | null;
  hasKpis: Generated<boolean>;
  updatedByLabel: string | null;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
}

export interface PlanItemBudgetsTable {
  itemId: string;
  fiscalYear: number;
  amountSatang: Int8;
}

export interface PlanEventsTable {
  id: Generated<Int8>;
  planId: string;
  at: Timestamp;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  comment: string | null;
}

export interface PlanCommentsTable {
  id: Generated<string>;
  planId: string;
  itemId: string | null;
  eventId: Int8 | null;
  authorUserId: string | null;
  authorLabel: string;
  body: string;
  createdAt: DefaultTimestamp;
}

export interface PlanReviewsTable {
  id: Generated<string>;
  planId: string;
  rubricId: string;
  reviewerUserId: string | null;
  reviewerLabel: string;
  scores: Json<Array<{ criterionId: string; points: number; note: string }>>;
  totalPoints: number;
  maxPoints: number;
  note: Generated<string>;
  createdAt: DefaultTimestamp;
}

export interface PlanProgressReportsTable {
  id: Generated<string>;
  planId: string;
  fiscalYear: number;
  round: string;
  status: Generated<'draft' | 'submitted'>;
  summary: Generated<string>;
  submittedAt: Timestamp | null;
  updatedAt: DefaultTimestamp;
}

export interface PlanProgressEntriesTable {
  id: Generated<string>;
  reportId: string;
  itemId: string;
  status: string;
  percent: number;
  spentSatang: Int8;
  outputs: Generated<string>;
  kpiActuals: Json<Array<{ kpiId: string; actual: number }>>;
  links: Json<Array<{ url: string; label: string }>>;
  note: Generated<string>;
  updatedByLabel: string | null;
  updatedAt: DefaultTimestamp;
}

export interface PlanProgressEvidenceTable {
  entryId: string;
  fileId: string;
  createdAt: DefaultTimestamp;
}

export interface PlanRemindersSentTable {
  key: string;
  sentAt: DefaultTimestamp;
}

/** Per plan, fiscal year and dimension: what the roll-ups add up (kept by plan_year_totals_refresh). */
export interface PlanYearTotalsTable {
  planId: string;
  fiscalYear: number;
  dimensionCode: string;
  items: number;
  withBudget: number;
  noBudget: number;
  plannedSatang: string;
  spentSatang: string;
  reportedItems: number;
  completedItems: number;
  percentSum: string;
}

// Procurement surveillance (migration 202611231200_create_procurement.sql) ----------------------

/** int8 with a default: string when read, optional when inserted. */
type Int8Default = ColumnType<string, string | number | bigint | undefined, string | number | bigint>;

export interface ProcurementThresholdSetsTable {
  id: string;
  validFrom: string;
  status: 'confirmed' | 'provisional';
  source: Generated<string>;
  params: Json<Record<string, unknown>>;
  createdAt: DefaultTimestamp;
}

export interface ProcurementRiskWeightsTable {
  code: string;
  weight: number;
  updatedAt: DefaultTimestamp;
}

export interface ProcurementImportsTable {
  id: Generated<string>;
  jobId: string | null;
  fileId: string | null;
  serverPath: string | null;
  fileName: string;
  format: 'jsonl' | 'json' | 'csv';
  sizeBytes: Int8Default;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  linesDone: Int8Default;
  releasesUpserted: Int8Default;
  errorsCount: Int8Default;
  warningsCount: Int8Default;
  checkpoint: Json | null;
  createdBy: string | null;
  createdAt: DefaultTimestamp;
  finishedAt: Timestamp | null;
}

export interface ProcurementImportIssuesTable {
  importId: string;
  line: Int8;
  seq: number;
  severity: 'error' | 'warning';
  ocid: string | null;
  path: Generated<string>;
  message: string;
}

export interface ProcurementBuyersTable {
  id: string;
  name: string | null;
  organizationId: string | null;
  matchMethod: 'code' | 'name' | 'manual' | null;
  updatedAt: DefaultTimestamp;
}

export interface ProcurementReleasesTable {
  ocid: string;
  release: Json<Record<string, unknown>>;
  buyerId: string | null;
  buyerName: string | null;
  organizationId: string | null;
  provinceCode: string | null;
  procurementMethod: string | null;
  methodDetails: string | null;
  thaiMethod: string | null;
  mainCategory: string | null;
  tenderStatus: string | null;
  valueSatang: Int8 | null;
  referenceSatang: Int8 | null;
  tenderers: number | null;
  awardDate: string | null;
  fiscalYear: number | null;
  releaseDate: Timestamp | null;
  riskWeight: Generated<number>;
  flagCount: Generated<number>;
  importId: string | null;
  updatedAt: DefaultTimestamp;
}

export interface ProcurementReleaseSuppliersTable {
  ocid: string;
  supplierId: string;
  supplierName: string | null;
  taxId: string | null;
}

export interface ProcurementFlagsTable {
  id: Generated<string>;
  ocid: string;
  code: string;
  supplierId: Generated<string>;
  source: 'cardinal' | 'thai';
  value: number;
  evidence: Json<Record<string, unknown>>;
  thresholdsVersion: string | null;
  firstSeenAt: Timestamp;
  computedAt: Timestamp;
  withdrawnAt: Timestamp | null;
  status: Generated<'open' | 'answered' | 'reviewed'>;
  response: string | null;
  respondedBy: string | null;
  respondedAt: Timestamp | null;
  reviewOutcome: 'cleared' | 'noted' | 'referred' | null;
  reviewNote: string | null;
  reviewedBy: string | null;
  reviewedAt: Timestamp | null;
}

export interface ProcurementEntityFlagsTable {
  entityKind: 'buyer' | 'procuring_entity' | 'supplier';
  entityId: string;
  code: string;
  value: number;
  computedAt: Timestamp;
}

export interface ProcurementRiskSummaryTable {
  entityKind: 'buyer' | 'supplier';
  entityId: string;
  name: string | null;
  organizationId: string | null;
  provinceCode: string | null;
  thaiMethod: string | null;
  fiscalYear: number | null;
  processes: number;
  flaggedProcesses: number;
  valueSatang: string;
  riskWeight: number;
}

export interface ProcurementAnalysesTable {
  id: Generated<string>;
  jobId: string | null;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  processes: Int8Default;
  flags: Int8Default;
  newFlags: Int8Default;
  meta: Json | null;
  createdBy: string | null;
  createdAt: DefaultTimestamp;
  finishedAt: Timestamp | null;
}

export interface ProcurementOfficialsTable {
  id: Generated<string>;
  name: string;
  taxId: string | null;
  position: string | null;
  buyerIds: Generated<string[]>;
  note: string | null;
  uploadedBy: string | null;
  createdAt: DefaultTimestamp;
  removedAt: Timestamp | null;
}

export interface ProcurementWatchlistsTable {
  id: Generated<string>;
  userId: string;
  name: string;
  createdAt: DefaultTimestamp;
}

export interface ProcurementWatchItemsTable {
  id: Generated<string>;
  watchlistId: string;
  kind: 'buyer' | 'supplier';
  subjectId: string;
  label: string | null;
  createdAt: DefaultTimestamp;
}

export interface DB {
  provinces: ProvincesTable;
  districts: DistrictsTable;
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  passwordResets: PasswordResetsTable;
  loginAttempts: LoginAttemptsTable;
  outboxEmails: OutboxEmailsTable;
  notifications: NotificationsTable;
  auditLog: AuditLogTable;
  jobs: JobsTable;
  storedFiles: StoredFilesTable;
  planFrameworks: PlanFrameworksTable;
  planFrameworkNodes: PlanFrameworkNodesTable;
  planCycles: PlanCyclesTable;
  planRubrics: PlanRubricsTable;
  planRubricCriteria: PlanRubricCriteriaTable;
  planDeadlines: PlanDeadlinesTable;
  plans: PlansTable;
  planItems: PlanItemsTable;
  planItemBudgets: PlanItemBudgetsTable;
  planEvents: PlanEventsTable;
  planComments: PlanCommentsTable;
  planReviews: PlanReviewsTable;
  planProgressReports: PlanProgressReportsTable;
  planProgressEntries: PlanProgressEntriesTable;
  planProgressEvidence: PlanProgressEvidenceTable;
  planRemindersSent: PlanRemindersSentTable;
  planYearTotals: PlanYearTotalsTable;
  procurementThresholdSets: ProcurementThresholdSetsTable;
  procurementRiskWeights: ProcurementRiskWeightsTable;
  procurementImports: ProcurementImportsTable;
  procurementImportIssues: ProcurementImportIssuesTable;
  procurementBuyers: ProcurementBuyersTable;
  procurementReleases: ProcurementReleasesTable;
  procurementReleaseSuppliers: ProcurementReleaseSuppliersTable;
  procurementFlags: ProcurementFlagsTable;
  procurementEntityFlags: ProcurementEntityFlagsTable;
  procurementRiskSummary: ProcurementRiskSummaryTable;
  procurementAnalyses: ProcurementAnalysesTable;
  procurementOfficials: ProcurementOfficialsTable;
  procurementWatchlists: ProcurementWatchlistsTable;
  procurementWatchItems: ProcurementWatchItemsTable;
}
