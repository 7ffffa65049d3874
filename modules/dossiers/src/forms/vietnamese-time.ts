import { vietnamParts as local } from '../shared/vietnam-time.js';

/** Dates and times as Vietnamese forms print them, in Asia/Ho_Chi_Minh. */

/**
 * `dd/MM/yyyy` in Vietnam.
 *
 * @example vnDate(new Date('2023-11-03T02:00:00Z')) // '03/11/2023'
 */
export function vnDate(at: Date): string {
  const t = local(at);
  return `${t.day}/${t.month}/${t.year}`;
}

/**
 * The slip's wording: `9 giờ 32 phút, ngày 27/10/2023`.
 *
 * @example vnDateTime(new Date('2023-10-27T02:32:00Z')) // '9 giờ 32 phút, ngày 27/10/2023'
 */
export function vnDateTime(at: Date): string {
  const t = local(at);
  return `${Number(t.hour)} giờ ${t.minute} phút, ngày ${vnDate(at)}`;
}

/**
 * The place-and-date line of an official letter: `Thanh Hóa, ngày 27 tháng 10 năm 2023`.
 *
 * @example placeAndDate('Thanh Hóa', new Date('2023-10-27T02:32:00Z'))
 */
export function placeAndDate(place: string, at: Date): string {
  const t = local(at);
  return `${place}, ngày ${t.day} tháng ${t.month} năm ${t.year}`;
}
