/**
 * The catalog module's public face for other modules (the dossiers module above all):
 * the offering snapshot a dossier keeps at receipt, e-form validation at submission, and the
 * vocabulary of channels and limits.
 *
 * @example
 * // at receipt
 * const offer = await findOffering(em, { procedureCode: '1.001193', agencyId, channel: Channel.DIRECT, at: clock.now() });
 * offer.effectiveLimit;            // { value: 3, unit: 'WORKING_DAYS' }
 * offer.cases[0].components.filter((c) => c.mandatory && !c.fromSharedDatabase); // what to ask the applicant for
 *
 * // at submission
 * const errors = await validateApplicationForm(em, offer.procedureVersionId, 'KS-DUNG-HAN', { hoTenNguoiYeuCau: '' });
 * // [{ field: '/hoTenNguoiYeuCau', messages: { vi: 'phải có ít nhất 1 ký tự', en: 'must have at least 1 characters' } }]
 */
export { Channel, ImplementationLevel, OnlineMode, FeeMoment, type Fee, type TimeLimit, TimeLimitUnit } from './procedures/content.js';
export {
  findOffering, validateApplicationForm, type OfferingQuery, type OfferingSnapshot, type CaseSnapshot, type ComponentSnapshot,
} from './offerings/snapshot.js';
export { type FormFieldError } from './forms/form.js';
export { attachWorkflowToUnsetOfferings } from './offerings/attach-workflow.js';
export { limitWithin, effectiveLimit } from './offerings/limits.js';
export { PROCEDURE_CODE } from './procedures/code.js';
/** The sample catalog file (real procedures, exchange format `motcua.catalog/v1`), for seeds and benchmarks. */
export { SAMPLE_CATALOG_JSON } from './exchange/sample.js';
