import { AppError } from '@motcua/kernel/contract';

const USERNAME = /^[a-z0-9._-]{3,50}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^(\+84|0)\d{9,10}$/;
const PERSONAL_ID = /^(\d{9}|\d{12})$/;

/** Normalises and checks a username (lower case). */
export function validUsername(value: string): string {
  const username = value.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw AppError.badInput('username', {
      vi: 'tên đăng nhập gồm 3–50 ký tự a–z, 0–9, dấu chấm, gạch ngang, gạch dưới',
      en: 'the username must be 3–50 of a–z, 0–9, dot, dash, underscore',
    });
  }
  return username;
}

export function validFullName(value: string): string {
  const name = value.trim().replace(/\s+/g, ' ');
  if (!name || name.length > 200) throw AppError.badInput('fullName', { vi: 'họ tên phải có 1–200 ký tự', en: 'the full name must be 1–200 characters' });
  return name;
}

type Optional = string | null | undefined;

function optionalMatching(field: string, value: Optional, pattern: RegExp, reason: { vi: string; en: string }): string | null {
  const text = value?.trim() ?? '';
  if (!text) return null;
  const normalised = field === 'email' ? text.toLowerCase() : text.replace(/[\s.-]/g, '');
  if (!pattern.test(normalised)) throw AppError.badInput(field, reason);
  return normalised;
}

export const validEmail = (value: Optional) =>
  optionalMatching('email', value, EMAIL, { vi: 'email không hợp lệ', en: 'invalid email address' });
export const validPhone = (value: Optional) =>
  optionalMatching('phone', value, PHONE, { vi: 'số điện thoại Việt Nam không hợp lệ', en: 'invalid Vietnamese phone number' });
export const validPersonalId = (value: Optional) =>
  optionalMatching('personalId', value, PERSONAL_ID, {
    vi: 'số định danh phải gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND)',
    en: 'the personal ID must be 12 digits (CCCD) or 9 digits (old CMND)',
  });

/** Shows only the last two characters of a sensitive value. */
export function mask(value: string | null): string | null {
  if (!value) return value;
  return `${'*'.repeat(Math.max(0, value.length - 2))}${value.slice(-2)}`;
}
