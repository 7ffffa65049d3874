import { AppError } from '@motcua/kernel/contract';
import { keysOperableBy, type RegisteredKey, signPdf } from '@motcua/signature/contract';

/**
 * The server-side key of `role` the signing user may operate, among those the signature module
 * configured at start-up (`SIGNING_*` settings; the development PKI in development). The module
 * registers at most one personal key and one seal, so the seal is the agency's seal.
 */
const operableKey = (userId: string, role: RegisteredKey['role']) => keysOperableBy(userId).find(([, key]) => key.role === role)?.[1].signer ?? null;

/**
 * Whether the signing user may operate a server-side key for `role` now (the officer's key, the
 * agency's seal): false before the signature module configured its keys, or when none is theirs.
 *
 * @example if (hasSigningKey(officer.userId, 'OFFICER') && hasSigningKey(leader.userId, 'AGENCY')) …
 */
export const hasSigningKey = (userId: string, role: 'OFFICER' | 'AGENCY') => operableKey(userId, role === 'OFFICER' ? 'OFFICER_PERSONAL' : 'AGENCY_SEAL') !== null;

/**
 * Signs the result PDF with the officer's key or the agency's seal (PAdES B-B) from the
 * configured keys; refuses when the signing user may operate none.
 *
 * @example
 * const signed = await signResultPdf(pdf, 'OFFICER', { userId, name: 'Trần Văn Bình' }, now);
 */
export async function signResultPdf(pdf: Uint8Array, role: 'OFFICER' | 'AGENCY', who: { userId: string; name: string }, at: Date): Promise<Uint8Array> {
  const signer = operableKey(who.userId, role === 'OFFICER' ? 'OFFICER_PERSONAL' : 'AGENCY_SEAL');
  if (!signer) {
    throw new AppError('INVALID_TRANSITION', {
      reason: role === 'OFFICER'
        ? { vi: 'cán bộ chưa có chữ ký số', en: 'the officer has no signing key' }
        : { vi: 'cơ quan chưa có con dấu số', en: 'the agency has no seal key' },
    });
  }
  return signPdf(pdf, signer, {
    level: 'B_B', fieldName: role === 'OFFICER' ? 'Officer_1' : 'Agency_1', claimedTime: at, signerName: who.name,
    reason: role === 'OFFICER' ? 'Ký duyệt kết quả' : 'Đóng dấu cơ quan',
  });
}
