/**
 * The public site's addresses that go into forms and e-mails. The admin app serves the public
 * tracking page at `/admin/tra-cuu`; a deployment whose portal has its own tracking page sets
 * `PUBLIC_TRACKING_URL`.
 *
 * @example publicTrackingBase({ PUBLIC_SITE_URL: 'https://dichvucong.thanhhoa.gov.vn' })
 * // → 'https://dichvucong.thanhhoa.gov.vn/admin/tra-cuu'
 */
export function publicTrackingBase(env: Record<string, string | undefined>): string {
  return env.PUBLIC_TRACKING_URL ?? `${publicSite(env)}/admin/tra-cuu`;
}

/** `PUBLIC_SITE_URL` without a trailing slash (default `http://localhost:4000`). */
export function publicSite(env: Record<string, string | undefined>): string {
  return (env.PUBLIC_SITE_URL ?? 'http://localhost:4000').replace(/\/+$/, '');
}
