import { AppError } from '@motcua/kernel/contract';
import { type KeySigner, signPdf } from '@motcua/signature/contract';

/**
 * Who signs dossier results: the officer's personal key, then the agency's seal. The server
 * (or a test) installs it with {@link useResultSigners}; the keys themselves live in the
 * signature module's adapters (PKCS#11, remote hash signing, in-memory for tests).
 */
export interface ResultSigners {
  /** The personal key of the officer `userId`, or null when they have none. */
  officer(userId: string): KeySigner | null;
  /** The seal of the agency `agencyId`, or null. */
  agency(agencyId: string): KeySigner | null;
}

let signers: ResultSigners = { officer: () => null, agency: () => null };

/**
 * Installs the result signers.
 *
 * @example
 * useResultSigners({ officer: (id) => (id === officerId ? pki.officer.signer() : null), agency: () => pki.seal.signer() });
 */
export function useResultSigners(next: ResultSigners): void {
  signers = next;
}

/** Signs the result PDF with the officer's key or the agency's seal (PAdES B-B); refuses when no key is installed. */
export async function signResultPdf(pdf: Uint8Array, role: 'OFFICER' | 'AGENCY', who: { userId: string; agencyId: string; name: string }, at: Date): Promise<Uint8Array> {
  const signer = role === 'OFFICER' ? signers.officer(who.userId) : signers.agency(who.agencyId);
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
