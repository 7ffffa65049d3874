/** GraphQL types of procedures and their versions. Content types mirror `content.ts`. */
import { Connection, SortDirection } from '@motcua/kernel/contract';
import { DateTimeScalar, TimeLimitUnit, ZonedDateTime } from '@motcua/workflow/contract';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Channel, FeeMoment, ImplementationLevel, OnlineMode, type ProcedureContent } from './content.js';
import { VersionStatus } from './procedure.entity.js';

registerEnumType(Channel, {
  name: 'ProcedureChannelKind',
  description: 'Cách thức thực hiện.',
  valuesConfig: { DIRECT: { description: 'Trực tiếp (at the one-stop desk).' }, ONLINE: { description: 'Trực tuyến.' }, POSTAL: { description: 'Qua dịch vụ bưu chính công ích.' } },
});
registerEnumType(ImplementationLevel, {
  name: 'ImplementationLevel',
  description: 'Cấp thực hiện. HUYEN (district) was abolished on 01/07/2025: shown on old data, refused on new content.',
});
registerEnumType(OnlineMode, { name: 'OnlineMode', description: 'Online service mode: TOAN_TRINH (end to end), MOT_PHAN (partial) or NONE.' });
registerEnumType(FeeMoment, { name: 'FeeMoment', description: 'When a fee is collected: at submission or when the result is returned.' });
registerEnumType(VersionStatus, { name: 'ProcedureVersionStatus', description: 'DRAFT (editable), PUBLISHED (frozen but for its end of validity), RETIRED.' });

export enum ProcedureSortField {
  RELEVANCE = 'RELEVANCE',
  CODE = 'CODE',
  NAME = 'NAME',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(ProcedureSortField, {
  name: 'ProcedureSortField',
  description: 'RELEVANCE (with a search: exact code, then name prefix, then name contains; else by code), CODE, NAME, UPDATED_AT.',
});

@ObjectType('Sector', { description: 'A sector (lĩnh vực) of the code list.' })
export class SectorNode {
  @Field() code!: string;
  @Field() name!: string;
  @Field() nameEn!: string;
}

@ObjectType('ProcedureTimeLimit', { description: 'A time limit, e.g. `{ value: 5, unit: WORKING_DAYS }`.' })
export class TimeLimitNode {
  @Field(() => Float) value!: number;
  @Field(() => TimeLimitUnit) unit!: TimeLimitUnit;
}

@ObjectType('ProcedureFee', { description: 'A fee or charge (phí, lệ phí) in VND.' })
export class FeeNode {
  @Field() name!: string;
  @Field(() => Float, { description: 'Amount in đồng.' }) amount!: number;
  @Field(() => FeeMoment) moment!: FeeMoment;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('ProcedureChannel', { description: 'A channel with its own statutory time limit and fees.' })
export class ChannelNode {
  @Field(() => Channel) channel!: Channel;
  @Field(() => TimeLimitNode) limit!: TimeLimitNode;
  @Field(() => [FeeNode]) fees!: FeeNode[];
  @Field(() => String, { nullable: true }) description!: string | null;
}

@ObjectType('DossierComponent', { description: 'Thành phần hồ sơ.' })
export class ComponentNode {
  @Field({ description: 'Mã giấy tờ, unique within the case.' }) code!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'Template file (blob address or URL).' }) templateFile!: string | null;
  @Field(() => Int, { description: 'Số bản chính.' }) originals!: number;
  @Field(() => Int, { description: 'Số bản sao.' }) copies!: number;
  @Field() mandatory!: boolean;
  @Field({ description: 'The agency takes this data from a shared database and must not demand the paper (Decree 118 Art. 4(2a)).' }) fromSharedDatabase!: boolean;
}

@ObjectType('ApplicationForm', { description: 'An application e-form: JSON Schema draft 2020-12 plus UI hints.' })
export class FormNode {
  @Field(() => GraphQLJSONObject) schema!: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { description: 'Rendering hints (field order, widgets, labels), free-form for the renderer.' }) uiSchema!: Record<string, unknown>;
}

@ObjectType('ProcedureCase', { description: 'Trường hợp thủ tục: its components and e-form.' })
export class CaseNode {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => [ComponentNode]) components!: ComponentNode[];
  @Field(() => FormNode, { nullable: true }) form!: FormNode | null;
}

@ObjectType('LegalBasis', { description: 'Căn cứ pháp lý. Dates are `YYYY-MM-DD`.' })
export class LegalBasisNode {
  @Field({ description: 'Số ký hiệu, e.g. `60/2014/QH13`.' }) number!: string;
  @Field({ description: 'Trích yếu.' }) title!: string;
  @Field(() => String, { nullable: true }) issuer!: string | null;
  @Field(() => String, { nullable: true }) issuedOn!: string | null;
  @Field(() => String, { nullable: true }) effectiveOn!: string | null;
}

@ObjectType('ProcedureResult', { description: 'Kết quả thực hiện.' })
export class ResultNode {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field({ description: 'Whether the result is a paper document.' }) paper!: boolean;
}

@ObjectType('PublishingDecision', { description: 'Quyết định công bố.' })
export class DecisionNode {
  @Field() number!: string;
  @Field(() => String, { nullable: true }) date!: string | null;
}

@ObjectType('MissingPart', { description: 'A mandatory part a version lacks before it can be published.' })
export class MissingPartNode {
  @Field({ description: 'Stable key: name, sector, levels, steps, channels, channelLimits, components, applicantTypes, agencies, results.' }) part!: string;
  @Field() vi!: string;
  @Field() en!: string;
}

@ObjectType('ProcedureVersion', { description: 'One version of a procedure. Drafts and `ownerAgencyId` are visible only to their editors.' })
export class VersionNode {
  @Field(() => ID) id!: string;
  @Field(() => ID) procedureId!: string;
  @Field({ description: 'National code of the procedure.' }) code!: string;
  @Field(() => Int) number!: number;
  @Field(() => VersionStatus) status!: VersionStatus;
  @Field(() => String, { nullable: true, description: 'First day in force, `YYYY-MM-DD`.' }) effectiveFrom!: string | null;
  @Field(() => String, { nullable: true, description: 'First day no longer in force, `YYYY-MM-DD`; null while open-ended.' }) effectiveTo!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) publishedAt!: ZonedDateTime | null;
  @Field(() => ID, { nullable: true, description: "Agency owning the draft; null for the province's catalog administrators, and for callers without catalog rights." }) ownerAgencyId!: string | null;
  @Field(() => DateTimeScalar) createdAt!: ZonedDateTime;
  @Field(() => DateTimeScalar) updatedAt!: ZonedDateTime;
  /** The content; exposed through the field resolvers of `VersionResolver`. */
  content!: ProcedureContent;
}

@ObjectType('Procedure', { description: 'An administrative procedure (thủ tục hành chính), one per national code.' })
export class ProcedureNode {
  @Field(() => ID) id!: string;
  @Field({ description: 'National code, `d.dddddd`, e.g. `1.001193`.' }) code!: string;
  @Field(() => VersionStatus, { description: 'Status of the listed version (DRAFT: never published).' }) status!: VersionStatus;
  @Field({ description: 'Name of the listed version.' }) name!: string;
  @Field() sectorCode!: string;
  @Field(() => OnlineMode) onlineMode!: OnlineMode;
  @Field(() => [Channel]) channels!: Channel[];
  @Field(() => [ImplementationLevel]) levels!: ImplementationLevel[];
  @Field(() => Int, { description: 'Newest version number.' }) latestNumber!: number;
  @Field(() => ID, { nullable: true, description: 'Agency that first drafted it; null without catalog rights.' }) ownerAgencyId!: string | null;
  @Field(() => DateTimeScalar) updatedAt!: ZonedDateTime;
  /** Id of the listed version. */
  listedVersionId!: string;
  /** Org path of the owning agency, for permission checks. */
  ownerAgencyPath!: string | null;
}

@ObjectType()
export class ProcedureConnection extends Connection(ProcedureNode, 'Procedure') {}

@InputType({ description: 'Filters of the procedure search; all given ones must hold.' })
export class ProcedureFilter {
  @Field({ nullable: true, description: 'Code or words of the name, diacritics and case ignored (`giay phep lai xe` finds `Giấy phép lái xe`).' }) search?: string;
  @Field({ nullable: true, description: 'Exact national code.' }) code?: string;
  @Field({ nullable: true }) sectorCode?: string;
  @Field(() => ID, { nullable: true, description: 'Only procedures this agency offers (active offering).' }) agencyId?: string;
  @Field(() => Channel, { nullable: true, description: 'Only procedures with this channel.' }) channel?: Channel;
  @Field(() => OnlineMode, { nullable: true }) onlineMode?: OnlineMode;
  @Field(() => ImplementationLevel, { nullable: true }) level?: ImplementationLevel;
  @Field(() => [VersionStatus], { nullable: true, description: 'Listed statuses; default PUBLISHED (every status with `hasDraft`). DRAFT rows appear only to their editors.' }) statuses?: VersionStatus[];
  @Field({ nullable: true, description: 'Only procedures with an open draft the caller may edit (new procedures and new versions of published ones).' }) hasDraft?: boolean;
}

@InputType({ description: 'Sort order of the procedure list.' })
export class ProcedureSort {
  @Field(() => ProcedureSortField, { defaultValue: ProcedureSortField.RELEVANCE }) field!: ProcedureSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction!: SortDirection;
}

@InputType('ProcedureTimeLimitInput', { description: 'A time limit, e.g. `{ value: 5, unit: WORKING_DAYS }`.' })
export class TimeLimitInput {
  @Field(() => Float) value!: number;
  @Field(() => TimeLimitUnit) unit!: TimeLimitUnit;
}

@InputType('ProcedureFeeInput')
export class FeeInput {
  @Field() name!: string;
  @Field(() => Float) amount!: number;
  @Field(() => FeeMoment, { defaultValue: FeeMoment.AT_SUBMISSION }) moment!: FeeMoment;
  @Field({ nullable: true }) note?: string;
}

@InputType('ProcedureChannelInput')
export class ChannelInput {
  @Field(() => Channel) channel!: Channel;
  @Field(() => TimeLimitInput) limit!: TimeLimitInput;
  @Field(() => [FeeInput], { defaultValue: [] }) fees!: FeeInput[];
  @Field({ nullable: true }) description?: string;
}

@InputType('DossierComponentInput')
export class ComponentInput {
  @Field() code!: string;
  @Field() name!: string;
  @Field({ nullable: true }) templateFile?: string;
  @Field(() => Int, { defaultValue: 1 }) originals!: number;
  @Field(() => Int, { defaultValue: 0 }) copies!: number;
  @Field({ defaultValue: true }) mandatory!: boolean;
  @Field({ defaultValue: false }) fromSharedDatabase!: boolean;
}

@InputType('ApplicationFormInput')
export class FormInput {
  @Field(() => GraphQLJSONObject, { description: 'JSON Schema draft 2020-12 with `type: "object"` at the root; checked on save.' }) schema!: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { nullable: true }) uiSchema?: Record<string, unknown>;
}

@InputType('ProcedureCaseInput')
export class CaseInput {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => [ComponentInput], { defaultValue: [] }) components!: ComponentInput[];
  @Field(() => FormInput, { nullable: true }) form?: FormInput;
}

@InputType('LegalBasisInput')
export class LegalBasisInput {
  @Field() number!: string;
  @Field() title!: string;
  @Field({ nullable: true }) issuer?: string;
  @Field({ nullable: true }) issuedOn?: string;
  @Field({ nullable: true }) effectiveOn?: string;
}

@InputType('ProcedureResultInput')
export class ResultInput {
  @Field() name!: string;
  @Field({ nullable: true }) code?: string;
  @Field({ defaultValue: true }) paper!: boolean;
}

@InputType('PublishingDecisionInput')
export class DecisionInput {
  @Field() number!: string;
  @Field({ nullable: true }) date?: string;
}

@InputType('ProcedureContentInput', { description: 'The whole content of a draft; saving replaces it (checked, every problem reported at once).' })
export class ContentInput {
  @Field() name!: string;
  @Field() sectorCode!: string;
  @Field(() => [ImplementationLevel], { defaultValue: [] }) levels!: ImplementationLevel[];
  @Field(() => [String], { defaultValue: [] }) applicantTypes!: string[];
  @Field(() => [String], { defaultValue: [] }) implementingAgencies!: string[];
  @Field({ defaultValue: '' }) steps!: string;
  @Field({ nullable: true }) conditions?: string;
  @Field(() => OnlineMode, { defaultValue: OnlineMode.NONE }) onlineMode!: OnlineMode;
  @Field(() => DecisionInput, { nullable: true }) publishingDecision?: DecisionInput;
  @Field(() => [LegalBasisInput], { defaultValue: [] }) legalBasis!: LegalBasisInput[];
  @Field(() => [ResultInput], { defaultValue: [] }) results!: ResultInput[];
  @Field(() => [ChannelInput], { defaultValue: [] }) channels!: ChannelInput[];
  @Field(() => [CaseInput], { defaultValue: [] }) cases!: CaseInput[];
  @Field({ nullable: true, description: 'Receivable regardless of administrative boundary (Decree 118 Art. 14): a desk outside the offering may receive it; the clock starts when the competent agency receives it.' }) boundaryFree?: boolean;
}

@InputType({ description: 'A new draft: of a new procedure (give `code` and `content`), or a new version of an existing one (give `procedureId`; content defaults to the newest version).' })
export class CreateProcedureDraftInput {
  @Field({ nullable: true, description: 'National code of a new procedure.' }) code?: string;
  @Field(() => ID, { nullable: true, description: 'Existing procedure to draft a new version of.' }) procedureId?: string;
  @Field(() => ContentInput, { nullable: true }) content?: ContentInput;
  @Field(() => ID, { nullable: true, description: "Owning agency; default the caller's agency (none for catalog administrators)." }) ownerAgencyId?: string;
}

@InputType({ description: "Replaces a draft's content." })
export class UpdateProcedureDraftInput {
  @Field(() => ID) versionId!: string;
  @Field(() => ContentInput) content!: ContentInput;
}

@InputType({ description: 'Publishes a draft from a date; the version in force before it ends that day.' })
export class PublishProcedureVersionInput {
  @Field(() => ID) versionId!: string;
  @Field({ description: 'First day in force, `YYYY-MM-DD`; not before the current published version\'s.' }) effectiveFrom!: string;
}

@InputType({ description: 'Retires a published version (the procedure is abolished or replaced) from a date.' })
export class RetireProcedureVersionInput {
  @Field(() => ID) versionId!: string;
  @Field({ nullable: true, description: 'First day no longer in force, `YYYY-MM-DD`; default today.' }) effectiveTo?: string;
}

@InputType({ description: "Sets a published version's end of validity: the one change a published version accepts." })
export class SetProcedureVersionEndInput {
  @Field(() => ID) versionId!: string;
  @Field(() => String, { nullable: true, description: 'First day no longer in force, `YYYY-MM-DD`; null reopens it.' }) effectiveTo!: string | null;
}

@ObjectType({ description: 'The version a mutation wrote.' })
export class ProcedureVersionPayload {
  @Field(() => VersionNode) version!: VersionNode;
}

@ObjectType({ description: 'A deleted draft.' })
export class DeleteDraftPayload {
  @Field(() => ID) versionId!: string;
  @Field({ description: 'True when the procedure had no other version and was deleted too.' }) procedureDeleted!: boolean;
}

@ObjectType('ProcedureVersionChange', { description: 'One difference between two versions: a path into the content and its values as JSON.' })
export class VersionChangeNode {
  @Field({ description: 'e.g. `name`, `channels[ONLINE].limit`, `cases[KS].components[GT01]`.' }) path!: string;
  @Field({ description: 'ADDED, REMOVED or CHANGED.' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'Value in `a`, as JSON.' }) before!: string | null;
  @Field(() => String, { nullable: true, description: 'Value in `b`, as JSON.' }) after!: string | null;
}
