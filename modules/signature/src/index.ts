import { defineModule } from '@motcua/kernel/contract';
import { signaturePermissions } from './api/permissions.js';
import { SignatureResolver } from './api/signature.resolver.js';
import { DocumentVersion, SignatureRecord, TrustListVersion, VerificationRecord } from './store/entities.js';

/**
 * Signature: immutable content-addressed document versions, PAdES signing (officer, then the
 * agency seal as an incremental update) through pluggable key signers, verification of any
 * signed PDF into an ETSI-style report, and the versioned trust list.
 */
export default defineModule({
  name: 'signature',
  entities: [DocumentVersion, SignatureRecord, TrustListVersion, VerificationRecord],
  resolvers: [SignatureResolver],
  permissions: signaturePermissions,
});
