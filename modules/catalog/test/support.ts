/**
 * Helpers of the catalog integration tests: the GraphQL documents the tests send, complete
 * procedure content to start from, and write counters over the catalog's tables.
 */
import { expectOk, expectRefused, writeCounter } from '@motcua/server/testing';

export { expectOk, expectRefused };

export const { rowsWrittenBy, expectRefusedWithoutWrites } = writeCounter([
  'catalog_procedure', 'catalog_procedure_version', 'catalog_offering', 'kernel_audit',
]);

export const VERSION_FIELDS = `id procedureId code number status effectiveFrom effectiveTo ownerAgencyId name sectorCode levels onlineMode applicantTypes
  implementingAgencies steps conditions publishingDecision { number date } legalBasis { number title issuer issuedOn effectiveOn }
  results { name code paper } channels { channel limit { value unit } fees { name amount moment note } description }
  cases { code name components { code name templateFile originals copies mandatory fromSharedDatabase } form { schema uiSchema } }
  missingParts { part vi en }`;

export const GQL = {
  procedures: `query($filter: ProcedureFilter, $sort: ProcedureSort, $first: Int, $after: String, $offset: Int, $limit: Int) {
    procedures(filter: $filter, sort: $sort, first: $first, after: $after, offset: $offset, limit: $limit) {
      totalCount nodes { id code name status sectorCode channels onlineMode ownerAgencyId } pageInfo { hasNextPage endCursor } } }`,
  procedure: `query($id: ID, $code: String) { procedure(id: $id, code: $code) { id code name status latestNumber ownerAgencyId
    viewerCanDraft viewerCanEditDraft viewerCanPublish sector { code name }
    current { ${VERSION_FIELDS} } draft { id number } versions { id number status effectiveFrom effectiveTo ownerAgencyId }
    offerings { id agencyId receivingUnitIds workflowDefinitionId channels { channel localLimit { value unit } statutoryLimit { value unit } effectiveLimit { value unit } } } } }`,
  version: `query($id: ID!) { procedureVersion(id: $id) { ${VERSION_FIELDS} } }`,
  diff: `query($a: ID!, $b: ID!) { procedureVersionDiff(a: $a, b: $b) { path kind before after } }`,
  createDraft: `mutation($input: CreateProcedureDraftInput!) { createProcedureDraft(input: $input) { version { ${VERSION_FIELDS} } } }`,
  updateDraft: `mutation($input: UpdateProcedureDraftInput!) { updateProcedureDraft(input: $input) { version { ${VERSION_FIELDS} } } }`,
  deleteDraft: `mutation($versionId: ID!) { deleteProcedureDraft(versionId: $versionId) { versionId procedureDeleted } }`,
  publish: `mutation($input: PublishProcedureVersionInput!) { publishProcedureVersion(input: $input) { version { id number status effectiveFrom effectiveTo } } }`,
  retire: `mutation($input: RetireProcedureVersionInput!) { retireProcedureVersion(input: $input) { version { id status effectiveTo } } }`,
  setEnd: `mutation($input: SetProcedureVersionEndInput!) { setProcedureVersionEnd(input: $input) { version { id status effectiveTo } } }`,
  setOffering: `mutation($input: SetProcedureOfferingInput!) { setProcedureOffering(input: $input) { offering { id agencyId receivingUnitIds workflowDefinitionId
    channels { channel localLimit { value unit } statutoryLimit { value unit } effectiveLimit { value unit } } } } }`,
  removeOffering: `mutation($id: ID!) { removeProcedureOffering(id: $id) }`,
  importCatalog: `mutation($input: ImportCatalogInput!) { importCatalog(input: $input) { dryRun created updated skipped rejected
    rows { rowNumber sheet code outcome reasonVi reasonEn } } }`,
  exportCatalog: `query($input: ExportCatalogInput!) { exportCatalog(input: $input) { format fileName content count } }`,
};

/** A publishable content: every mandatory part present, two channels, one case with an e-form. */
export function completeContent(name = 'Đăng ký khai sinh thử nghiệm', overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    name, sectorCode: 'TP-HOTICH', levels: ['XA'], applicantTypes: ['Công dân Việt Nam'], implementingAgencies: ['Ủy ban nhân dân cấp xã'],
    steps: 'Nộp hồ sơ; kiểm tra; cấp giấy khai sinh.', conditions: null, onlineMode: 'TOAN_TRINH',
    publishingDecision: { number: '1872/QĐ-BTP', date: '2020-09-04' },
    legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch', issuer: 'Quốc hội', issuedOn: '2014-11-20', effectiveOn: '2016-01-01' }],
    results: [{ name: 'Giấy khai sinh', code: 'KQ01', paper: true }],
    channels: [
      { channel: 'DIRECT', limit: { value: 1, unit: 'WORKING_DAYS' }, fees: [{ name: 'Lệ phí đăng ký khai sinh', amount: 0, moment: 'AT_SUBMISSION', note: 'Miễn lệ phí khi đăng ký đúng hạn' }] },
      { channel: 'ONLINE', limit: { value: 5, unit: 'WORKING_DAYS' }, fees: [] },
    ],
    cases: [{
      code: 'DUNG-HAN', name: 'Đăng ký khai sinh đúng hạn',
      components: [
        { code: 'TK', name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, mandatory: true, fromSharedDatabase: false },
        { code: 'GCS', name: 'Giấy chứng sinh', originals: 1, copies: 0, mandatory: true, fromSharedDatabase: false },
        { code: 'CCCD', name: 'Căn cước của người đi đăng ký', originals: 0, copies: 0, mandatory: true, fromSharedDatabase: true },
      ],
      form: {
        schema: {
          type: 'object', required: ['hoTenTre', 'ngaySinh'],
          properties: { hoTenTre: { type: 'string', minLength: 1, maxLength: 100 }, ngaySinh: { type: 'string', format: 'date' }, gioiTinh: { enum: ['Nam', 'Nữ'] } },
          additionalProperties: false,
        },
        uiSchema: { 'ui:order': ['hoTenTre', 'ngaySinh', 'gioiTinh'] },
      },
    }],
    ...overrides,
  };
}
