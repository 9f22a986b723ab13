/**
 * The closed set of error codes the API returns. Clients (web, CLI) branch on `code`, never on
 * message text. Each code has an HTTP status and a message in Thai and English.
 */
import { z } from 'zod';

const ERRORS = {
  VALIDATION_FAILED: { status: 400, th: 'ข้อมูลไม่ถูกต้อง กรุณาตรวจสอบช่องที่ระบุ', en: 'Some fields are not valid; see details.' },
  /** The request body was not JSON or was too large. */
  BAD_REQUEST: { status: 400, th: 'คำขอไม่ถูกต้อง', en: 'The request could not be read.' },
  UNAUTHENTICATED: { status: 401, th: 'กรุณาเข้าสู่ระบบก่อน', en: 'Please sign in first.' },
  /** Wrong e-mail or password; deliberately does not say which. */
  INVALID_CREDENTIALS: { status: 401, th: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง', en: 'Wrong e-mail or password.' },
  /** The password was right; a TOTP code is needed (or was wrong). */
  TOTP_REQUIRED: { status: 401, th: 'กรุณากรอกรหัสยืนยันตัวตนจากแอปพลิเคชัน', en: 'Enter the code from your authenticator app.' },
  TOTP_INVALID: { status: 401, th: 'รหัสยืนยันตัวตนไม่ถูกต้อง', en: 'The authenticator code is wrong.' },
  /** The role requires two-factor authentication, and the user has not set it up yet. */
  TOTP_SETUP_REQUIRED: { status: 403, th: 'บทบาทนี้ต้องตั้งค่าการยืนยันตัวตนสองขั้นตอนก่อน', en: 'This role requires two-factor authentication; set it up first.' },
  /** Too many failed attempts for this account or address; wait and retry. */
  TOO_MANY_ATTEMPTS: { status: 429, th: 'พยายามหลายครั้งเกินไป กรุณารอสักครู่แล้วลองใหม่', en: 'Too many attempts; wait a while and try again.' },
  FORBIDDEN: { status: 403, th: 'คุณไม่มีสิทธิ์ทำรายการนี้', en: 'You are not allowed to do this.' },
  NOT_FOUND: { status: 404, th: 'ไม่พบข้อมูลที่ต้องการ', en: 'Not found.' },
  ORGANIZATION_NOT_FOUND: { status: 404, th: 'ไม่พบหน่วยงานนี้', en: 'Organisation not found.' },
  USER_NOT_FOUND: { status: 404, th: 'ไม่พบผู้ใช้นี้', en: 'User not found.' },
  /** An invitation or reset token is unknown, used or expired. */
  TOKEN_INVALID: { status: 400, th: 'ลิงก์ไม่ถูกต้องหรือหมดอายุแล้ว', en: 'This link is invalid or has expired.' },
  /** The password is too short, too common, or contains the e-mail. */
  PASSWORD_TOO_WEAK: { status: 400, th: 'รหัสผ่านไม่ปลอดภัยพอ (อย่างน้อย 12 ตัวอักษร และไม่ใช่รหัสที่พบบ่อย)', en: 'The password is too weak (at least 12 characters, not a common password).' },
  CONFLICT: { status: 409, th: 'ข้อมูลซ้ำหรือขัดแย้งกับข้อมูลที่มีอยู่', en: 'This conflicts with existing data.' },
  /** Someone else changed the record since it was read; reload and retry. */
  CONFLICT_STALE_VERSION: { status: 409, th: 'มีผู้อื่นแก้ไขข้อมูลนี้แล้ว กรุณาโหลดใหม่', en: 'Someone else changed this; reload and try again.' },
  /** A state transition that the workflow does not allow from the current state. */
  INVALID_TRANSITION: { status: 409, th: 'ไม่สามารถเปลี่ยนสถานะนี้ได้จากสถานะปัจจุบัน', en: 'This step is not possible from the current state.' },
  PAYLOAD_TOO_LARGE: { status: 413, th: 'ไฟล์หรือข้อมูลมีขนาดใหญ่เกินไป', en: 'The upload is too large.' },
  UNSUPPORTED_FILE: { status: 415, th: 'ไม่รองรับไฟล์ประเภทนี้', en: 'This file type is not supported.' },
  INTERNAL: { status: 500, th: 'ระบบขัดข้อง กรุณาลองใหม่ภายหลัง', en: 'Something went wrong; please try again later.' },
} as const;

/** Every error code the API may return. */
export type ErrorCode = keyof typeof ERRORS;

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

/** HTTP status for each error code. */
export const ERROR_STATUS = Object.fromEntries(
  Object.entries(ERRORS).map(([code, e]) => [code, e.status]),
) as Record<ErrorCode, number>;

/** The person-readable message for a code in Thai or English. */
export function errorMessage(code: ErrorCode, locale: 'th' | 'en'): string {
  return ERRORS[code][locale];
}

/** The body of every error response. */
export const ErrorBodySchema = z
  .object({
    code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]),
    message: z.string().describe('Thai message (for people)'),
    messageEn: z.string().describe('English message (for people)'),
    details: z.unknown().optional().describe('For VALIDATION_FAILED: the fields and what is wrong with each'),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof ErrorBodySchema>;
