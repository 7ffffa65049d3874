import { Connection } from '@motcua/kernel/contract';
import { Channel as CatalogChannel } from '@motcua/catalog/contract';
import { DateTimeScalar, Timeliness } from '@motcua/workflow/contract';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DossierAction, ReturnMethod } from '../lifecycle/actions.js';
import { DossierState } from '../lifecycle/states.js';
import { RegisterFormat } from './registers.js';
import { DossierOrder } from './dossier.read.js';

registerEnumType(DossierState, { name: 'DossierState', description: 'Internal lifecycle state of a dossier (one-stop-domain §5.2); each maps to one national status 1–10.' });
registerEnumType(DossierAction, { name: 'DossierAction', description: 'A lifecycle action (one mutation each); `allowedActions` lists those possible now.' });
registerEnumType(RegisterFormat, { name: 'RegisterFormat', description: 'File format of a register export: PDF, or Excel (XLSX).' });
registerEnumType(DossierOrder, { name: 'DossierOrder', description: 'Order of the dossiers list: NEWEST_FIRST (default) or DUE_SOONEST (an officer\'s queue; not yet received last).' });
registerEnumType(ReturnMethod, { name: 'ReturnMethod', description: 'How the result reaches the applicant: at the desk, by post, online.' });

@ObjectType('DossierDocument', { description: 'A document attached for one component: a content-addressed blob (SHA-256).' })
export class DossierDocumentNode {
  @Field(() => ID) id!: string;
  @Field({ description: 'Component code of the case (catalog), e.g. `TP1`.' }) componentCode!: string;
  @Field() fileName!: string;
  @Field({ description: 'Sniffed media type, e.g. `application/pdf`.' }) mediaType!: string;
  @Field(() => Int) byteLength!: number;
  @Field({ description: 'Lower-case hex SHA-256 of the content: its blob address.' }) sha256!: string;
  @Field({ description: 'Scanned from paper at the desk.' }) digitised!: boolean;
  @Field({ description: 'Reused from an earlier dossier of the applicant.' }) reused!: boolean;
  @Field({ description: 'Taken from the national document store.' }) fromNationalStore!: boolean;
  @Field(() => DateTimeScalar) attachedAt!: Date;
}

@ObjectType('DossierComponentCheck', { description: 'A component the case asks for, and whether the dossier has it.' })
export class DossierComponentNode {
  @Field() code!: string;
  @Field() name!: string;
  @Field() mandatory!: boolean;
  @Field({ description: 'Taken by the agency from a shared database: never demanded from the applicant.' }) fromSharedDatabase!: boolean;
  @Field({ description: 'A document is attached (or the component comes from a shared database).' }) present!: boolean;
}

@ObjectType('DossierTimelineEntry', { description: 'One line of the process log (also synced to the national portal).' })
export class DossierTimelineEntryNode {
  @Field(() => DateTimeScalar) at!: Date;
  @Field() actorName!: string;
  @Field(() => String, { nullable: true }) unitName!: string | null;
  @Field() content!: string;
  @Field(() => Int, { description: 'National status after the action.' }) nationalStatus!: number;
  @Field(() => DateTimeScalar, { nullable: true, description: "The step's deadline." }) stepDueAt!: Date | null;
}

@ObjectType('DossierSupplementRequest', { description: 'A supplement (or completion) request: everything missing, listed at once.' })
export class DossierSupplementNode {
  @Field(() => Int, { description: '1 for the first request.' }) ordinal!: number;
  @Field(() => [String]) missing!: string[];
  @Field(() => DateTimeScalar) requestedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) receivedAt!: Date | null;
  @Field({ description: 'Made before receipt (completion request, the clock had not started).' }) beforeReceipt!: boolean;
  @Field({ description: 'A second or later request during processing: the dossier counts late nationally.' }) countsLate!: boolean;
}

@ObjectType('DossierApology', { description: 'An apology with a new appointment (Mẫu 04).' })
export class DossierApologyNode {
  @Field() reason!: string;
  @Field(() => DateTimeScalar) issuedAt!: Date;
  @Field(() => DateTimeScalar) previousDueAt!: Date;
  @Field(() => DateTimeScalar) newDueAt!: Date;
}

@ObjectType('DossierResult', { description: 'The result document: number, date, the signed PDF.' })
export class DossierResultNode {
  @Field(() => String, { nullable: true, description: 'Số, ký hiệu, e.g. `123/QĐ-STP`.' }) number!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) signedOn!: Date | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the latest result PDF (signed once per signature).' }) documentSha256!: string | null;
  @Field(() => Int, { description: 'Signatures on the result so far (officer, then agency).' }) signatureCount!: number;
  @Field(() => ReturnMethod, { nullable: true }) returnMethod!: ReturnMethod | null;
  @Field(() => String, { nullable: true }) returnRecipient!: string | null;
}

@ObjectType('DossierSignature', { description: 'A signature on the result.' })
export class DossierSignatureNode {
  @Field({ description: '`OFFICER` or `AGENCY`.' }) role!: string;
  @Field() signerName!: string;
  @Field(() => DateTimeScalar) signedAt!: Date;
  @Field({ description: 'SHA-256 of the PDF after this signature.' }) documentSha256!: string;
}

@ObjectType('DossierForm', { description: 'A generated form (Mẫu 01–07) stored as a blob.' })
export class DossierFormNode {
  @Field({ description: 'Form kind, e.g. `RECEIPT`.' }) kind!: string;
  @Field({ description: 'Form number of its legal version, e.g. `Mẫu 01`.' }) number!: string;
  @Field() sha256!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@ObjectType('Dossier', { description: 'A dossier (hồ sơ) through its one-stop lifecycle.' })
export class DossierNode {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: '`[unit]-YYMMDD-XXXX`, given at receipt.' }) code!: string | null;
  @Field(() => DossierState) state!: DossierState;
  @Field(() => Int, { nullable: true, description: 'National status 1–10 (null for drafts).' }) nationalStatus!: number | null;
  @Field(() => CatalogChannel) channel!: CatalogChannel;
  @Field(() => ID) procedureId!: string;
  @Field({ description: 'Procedure code, e.g. `1.001193`.' }) procedureCode!: string;
  @Field() procedureName!: string;
  @Field(() => ID, { nullable: true, description: 'The catalog procedure version pinned at creation (kept at receipt).' }) procedureVersionId!: string | null;
  @Field() caseCode!: string;
  @Field(() => ID) agencyId!: string;
  @Field() agencyName!: string;
  @Field(() => ID, { description: 'Receiving unit: the desk where the dossier was lodged (the code carries its identifier; it returns the result).' }) unitId!: string;
  @Field(() => ID, { nullable: true, description: "The competent agency's receiving unit (the offering's): the same as `unitId` except for a boundary-free dossier lodged elsewhere." }) competentUnitId!: string | null;
  @Field({ description: 'Received regardless of administrative boundary (không phụ thuộc địa giới hành chính) at a desk outside the competent agency\'s receiving units: its clock starts when the competent agency receives it (Decree 118 Art. 17(3)).' }) boundaryFree!: boolean;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the competent agency received a boundary-free dossier (`NgayCoQuanNhan`): its clock and due date start then. Null before, and for other dossiers.' }) competentReceivedAt!: Date | null;
  @Field() applicantName!: string;
  @Field(() => String, { nullable: true }) applicantIdNumber!: string | null;
  @Field(() => String, { nullable: true }) applicantEmail!: string | null;
  @Field(() => String, { nullable: true }) applicantPhone!: string | null;
  @Field(() => String, { nullable: true }) applicantAddress!: string | null;
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field(() => GraphQLJSONObject, { description: 'E-form data, as validated against the case schema.' }) formData!: Record<string, unknown>;
  @Field(() => DateTimeScalar, { nullable: true }) submittedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) receivedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Due instant on the receipt slip; never changed.' }) originalDueAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Due instant the applicant was last told.' }) dueAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) finishedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) returnedAt!: Date | null;
  @Field(() => Timeliness, { nullable: true, description: 'Overall timeliness, judged at the end of processing.' }) timeliness!: Timeliness | null;
  @Field(() => ID, { nullable: true, description: 'Workflow process instance started at receipt.' }) processInstanceId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Officer holding the current task (for lists).' }) officerId!: string | null;
  @Field(() => Int) version!: number;
}

@ObjectType('DossierList', { description: 'A page of dossiers.' })
export class DossierConnection extends Connection(DossierNode, 'Dossier') {}

@ObjectType('TrackedDossierStatus', { description: 'One change of national status, as the public sees it.' })
export class TrackedStatusNode {
  @Field(() => DateTimeScalar) at!: Date;
  @Field(() => Int) nationalStatus!: number;
  @Field() label!: string;
}

@ObjectType('DossierTracking', { description: 'The public tracking view: status, timeline, expected return date; no personal data beyond what the applicant typed.' })
export class DossierTrackingNode {
  @Field() code!: string;
  @Field(() => Int) nationalStatus!: number;
  @Field() statusLabel!: string;
  @Field() procedureName!: string;
  @Field() agencyName!: string;
  @Field(() => DateTimeScalar, { nullable: true }) receivedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) expectedReturnAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) finishedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) returnedAt!: Date | null;
  @Field(() => [TrackedStatusNode]) timeline!: TrackedStatusNode[];
}

@InputType({ description: 'Filters for the dossiers list (all optional, combined with AND).' })
export class DossierFilter {
  @Field(() => [DossierState], { nullable: true }) states?: DossierState[];
  @Field(() => [Int], { nullable: true, description: 'National status codes 1–10.' }) nationalStatuses?: number[];
  @Field(() => ID, { nullable: true }) procedureId?: string;
  @Field(() => ID, { nullable: true, description: 'Receiving unit.' }) unitId?: string;
  @Field(() => ID, { nullable: true, description: 'Officer holding the current task.' }) officerId?: string;
  @Field(() => DateTimeScalar, { nullable: true }) dueFrom?: Date;
  @Field(() => DateTimeScalar, { nullable: true }) dueTo?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Received at or after this instant (inclusive), e.g. `2026-03-01T00:00:00+07:00`.' }) receivedFrom?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Received before this instant (exclusive), e.g. `2026-04-01T00:00:00+07:00` for March; same range as the tracking book.' }) receivedTo?: Date;
  @Field(() => Timeliness, { nullable: true, description: 'Overall timeliness (finished dossiers).' }) timeliness?: Timeliness;
  @Field({ nullable: true, description: 'Words of the code or the applicant name, diacritics ignored (`nguyen thi hong`).' }) search?: string;
  @Field({ nullable: true, description: "Only boundary-free dossiers lodged at another desk that await the competent agency's receipt (`receiveAtCompetentAgency`)." }) awaitingCompetentReceipt?: boolean;
}

@InputType({ description: 'The applicant as typed.' })
export class ApplicantInput {
  @Field() name!: string;
  @Field({ nullable: true }) idNumber?: string;
  @Field({ nullable: true }) email?: string;
  @Field({ nullable: true }) phone?: string;
  @Field({ nullable: true }) address?: string;
  @Field(() => Int, { nullable: true, description: '1 citizen (default), 2 enterprise, 3 state agency, 4 other.' }) kind?: number;
}

@InputType({ description: 'A new draft (online) or a new desk dossier (direct/postal, via `receiveDossier` without id).' })
export class CreateDossierInput {
  @Field({ description: 'Procedure id or code.' }) procedure!: string;
  @Field(() => ID, { description: 'Competent agency.' }) agencyId!: string;
  @Field({ description: 'Case (trường hợp) code of the procedure version.' }) caseCode!: string;
  @Field(() => CatalogChannel, { nullable: true, description: 'ONLINE by default for drafts.' }) channel?: CatalogChannel;
  @Field(() => ApplicantInput) applicant!: ApplicantInput;
  @Field({ nullable: true }) summary?: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) formData?: Record<string, unknown>;
}

@InputType({ description: 'Changes to a draft.' })
export class UpdateDossierDraftInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true, description: 'The version read; a newer one is CONFLICT.' }) version?: number;
  @Field(() => ApplicantInput, { nullable: true }) applicant?: ApplicantInput;
  @Field({ nullable: true }) summary?: string;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'E-form data, validated against the case schema (errors per field).' }) formData?: Record<string, unknown>;
}

@InputType({ description: 'A document for one component (base64 content, at most 10 MB).' })
export class AttachDocumentInput {
  @Field(() => ID) dossierId!: string;
  @Field() componentCode!: string;
  @Field() fileName!: string;
  @Field({ description: 'Base64 content.' }) contentBase64!: string;
  @Field({ nullable: true }) digitised?: boolean;
  @Field({ nullable: true }) reused?: boolean;
  @Field({ nullable: true }) fromNationalStore?: boolean;
}

@InputType({ description: 'Receipt: of a submitted dossier (`id`), or of a new desk dossier (`create`).' })
export class ReceiveDossierInput {
  @Field(() => ID, { nullable: true }) id?: string;
  @Field(() => CreateDossierInput, { nullable: true }) create?: CreateDossierInput;
  @Field(() => [AttachDocumentInput], { nullable: true, description: 'Documents received at the desk with a new dossier (dossierId ignored).' }) documents?: AttachDocumentInput[];
}

@InputType({ description: 'Everything missing, listed at once.' })
export class MissingItemsInput {
  @Field(() => ID) id!: string;
  @Field(() => [String]) missing!: string[];
}

@InputType({ description: 'Reasons for a refusal or a stop.' })
export class ReasonsInput {
  @Field(() => ID) id!: string;
  @Field(() => [String]) reasons!: string[];
}

@InputType({ description: 'An apology with a new appointment.' })
export class ApologyInput {
  @Field(() => ID) id!: string;
  @Field() reason!: string;
  @Field(() => DateTimeScalar) newDueAt!: Date;
}

@InputType({ description: 'Acting on the open workflow task of a dossier.' })
export class DossierStepInput {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'The open task to act on when several are open (parallel steps); default the only one, or the one assigned to the caller.' }) taskId?: string;
  @Field({ description: 'The workflow step action, e.g. `FORWARD`, `APPROVE`.' }) action!: string;
  @Field(() => [String], { nullable: true, description: 'Target step codes where the action offers several.' }) to?: string[];
  @Field({ nullable: true }) comment?: string;
}

@InputType({ description: 'The result approved, with its document number and date; the PDF is generated or uploaded.' })
export class ApproveResultInput {
  @Field(() => ID) id!: string;
  @Field({ description: 'Số, ký hiệu, e.g. `123/QĐ-STP`.' }) number!: string;
  @Field(() => DateTimeScalar) signedOn!: Date;
  @Field({ nullable: true, description: 'Result PDF (base64); a generated notice when omitted.' }) pdfBase64?: string;
}

@InputType({ description: 'Returning the result.' })
export class ReturnResultInput {
  @Field(() => ID) id!: string;
  @Field(() => ReturnMethod) method!: ReturnMethod;
  @Field() recipient!: string;
}

@InputType({ description: 'A dossier action without input.' })
export class DossierIdInput {
  @Field(() => ID) id!: string;
}

@ObjectType('GeneratedFile', { description: 'A generated form or register for download: file name, media type and base64 content.' })
export class GeneratedFileNode {
  @Field() fileName!: string;
  @Field() mediaType!: string;
  @Field() contentBase64!: string;
}
