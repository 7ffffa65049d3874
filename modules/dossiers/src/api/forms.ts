import type { RequestContext } from '@motcua/kernel/contract';
import type { Dossier } from '../dossier/dossier.entity.js';
import type { FormData, FormIssuer } from '../forms/form-data.js';
import { renderForm } from '../forms/render.js';
import { dossierBlobs } from '../store/blobs.js';

/** Place name on the forms' date line: `FORMS_PLACE`, default Thanh Hóa (the demo province). */
const PLACE = process.env.FORMS_PLACE ?? 'Thanh Hóa';

/** The header and applicant every form of a dossier shares. */
export function formCommon(_ctx: RequestContext, dossier: Dossier) {
  const issuer: FormIssuer = { name: dossier.agencyName.toUpperCase(), place: PLACE };
  const applicant = {
    name: dossier.applicantName, address: dossier.applicantAddress ?? undefined, phone: dossier.applicantPhone ?? undefined,
    email: dossier.applicantEmail ?? undefined, idNumber: dossier.applicantIdNumber ?? undefined,
  };
  return { issuer, applicant, procedureName: dossier.procedureName, ...(dossier.code ? { dossierCode: dossier.code } : {}) } as const;
}

/** Renders a form, stores its PDF as a blob and lists it on the dossier; returns the PDF. */
export async function issueForm(ctx: RequestContext, dossier: Dossier, data: FormData): Promise<Uint8Array> {
  const { pdf, template } = await renderForm(data);
  const { sha256 } = await dossierBlobs().put(pdf);
  dossier.forms = [...(dossier.forms ?? []), { kind: data.kind, number: `Mẫu ${template.number}`, sha256, createdAt: ctx.clock.now().toISOString() }];
  return pdf;
}
