/**
 * Fixtures for integration and browser tests of dossiers on the demo province: a procedure with
 * an e-form case offered at Sở Tư pháp, and a three-step process to run it. Plain data, so a
 * test outside the module (the admin's browser tests) can import it from the contract.
 */

/** Sở Tư pháp, its first unit, and the provincial desk (demo province codes). */
export const JUSTICE = '000.00.10.H56';
export const JUSTICE_UNIT = '000.02.10.H56';
export const DESK = '000.01.02.H56';
export const PROCEDURE_CODE = '2.000999';

/** A procedure with an e-form case: ONLINE 5 working days, DIRECT 3; two documents to bring, the ID card from the shared database. */
export function procedureContent(): Record<string, unknown> {
  return {
    name: 'Cấp bản sao trích lục hộ tịch (thử nghiệm)', sectorCode: 'TP-HOTICH', levels: ['TINH'], applicantTypes: ['Công dân Việt Nam'],
    implementingAgencies: ['Sở Tư pháp'], steps: 'Nộp hồ sơ; xử lý; trả kết quả.', conditions: null, onlineMode: 'TOAN_TRINH',
    publishingDecision: { number: '1872/QĐ-BTP', date: '2020-09-04' },
    legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch', issuer: 'Quốc hội', issuedOn: '2014-11-20', effectiveOn: '2016-01-01' }],
    results: [{ name: 'Bản sao trích lục', code: 'KQ01', paper: true }],
    channels: [
      { channel: 'DIRECT', limit: { value: 3, unit: 'WORKING_DAYS' }, fees: [] },
      { channel: 'ONLINE', limit: { value: 5, unit: 'WORKING_DAYS' }, fees: [] },
    ],
    cases: [{
      code: 'TH1', name: 'Cấp bản sao trích lục',
      components: [
        { code: 'TK', name: 'Tờ khai cấp bản sao trích lục', originals: 1, copies: 0, mandatory: true, fromSharedDatabase: false },
        { code: 'UQ', name: 'Văn bản ủy quyền', originals: 1, copies: 0, mandatory: true, fromSharedDatabase: false },
        { code: 'CCCD', name: 'Căn cước', originals: 0, copies: 0, mandatory: true, fromSharedDatabase: true },
      ],
      form: {
        schema: {
          type: 'object', required: ['hoTen', 'soLuong'],
          properties: { hoTen: { type: 'string', minLength: 1, maxLength: 100 }, soLuong: { type: 'integer', minimum: 1, maximum: 10 } },
          additionalProperties: false,
        },
        uiSchema: {},
      },
    }],
  };
}

const hours = (value: number) => ({ value, unit: 'WORKING_HOURS' });

/** Three steps: the officer handles (8 h), the unit leader submits (4 h), the agency leader completes (1 day). */
export function threeStepProcess(agencyId: string, code: string) {
  const step = (stepCode: string, name: string, roleKey: string, quota: object, transitions: object[]) => ({ code: stepCode, name, kind: 'TASK', actor: { roleKey }, quota, transitions });
  return {
    agencyId, code, name: 'Cấp bản sao trích lục', statutoryLimit: { value: 5, unit: 'WORKING_DAYS' }, startStepCode: 'THU_LY',
    steps: [
      step('THU_LY', 'Thụ lý', 'HANDLING_OFFICER', hours(8), [{ action: 'FORWARD', to: ['TRINH'] }, { action: 'REQUEST_SUPPLEMENT', to: [] }]),
      step('TRINH', 'Trình ký', 'UNIT_LEADER', hours(4), [{ action: 'FORWARD', to: ['KY'] }]),
      step('KY', 'Ký duyệt', 'AGENCY_LEADER', { value: 1, unit: 'WORKING_DAYS' }, [{ action: 'COMPLETE', to: [] }]),
    ],
  };
}
