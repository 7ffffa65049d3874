/** Today in Asia/Ho_Chi_Minh (UTC+7, no DST), `YYYY-MM-DD`: effective dates are local calendar days. */
export function localToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
