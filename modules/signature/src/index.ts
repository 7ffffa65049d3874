import { defineModule } from '@motcua/kernel/contract';
import { ANCHOR_EVERY_MS, ANCHOR_JOB, anchorAuditHead } from './anchor/audit-anchor.js';
import { signaturePermissions } from './api/permissions.js';
import { SignatureResolver } from './api/signature.resolver.js';
import { uploadRoutes } from './api/upload.routes.js';
import { startSigning } from './config/start.js';
import { AuditAnchor, DocumentVersion, SignatureRecord, TrustListVersion, VerificationRecord } from './store/entities.js';

/**
 * Signature: immutable content-addressed document versions, PAdES signing (officer, then the
 * agency seal as an incremental update) through pluggable key signers configured at start-up,
 * verification of any signed PDF into an ETSI-style report, the versioned trust list, and
 * hourly RFC 3161 anchors of the audit log's head.
 */
export default defineModule({
  name: 'signature',
  entities: [DocumentVersion, SignatureRecord, TrustListVersion, VerificationRecord, AuditAnchor],
  resolvers: [SignatureResolver],
  permissions: signaturePermissions,
  jobs: [{ name: ANCHOR_JOB, every: ANCHOR_EVERY_MS, handle: async (_payload, ctx) => void (await anchorAuditHead(ctx)) }],
  onStart: startSigning,
  httpRoutes: uploadRoutes,
});
