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
}
