import { gql } from '@motcua/kernel/admin';

const STAFF_FIELDS = 'id username fullName position email phone personalId status lockedUntil unitId unit { id name } version';

export const STAFF_LIST = gql`query StaffList($offset: Int, $limit: Int, $filter: StaffFilter, $sort: [StaffSort!]) {
  staff(offset: $offset, limit: $limit, filter: $filter, sort: $sort) { nodes { ${STAFF_FIELDS} } totalCount }
}`;

export const STAFF_MEMBER = gql`query StaffMember($id: ID!) { staffMember(id: $id) { ${STAFF_FIELDS} } }`;

export const CREATE_STAFF = gql`mutation CreateStaff($input: CreateStaffInput!) { createStaff(input: $input) { staff { ${STAFF_FIELDS} } } }`;

export const UPDATE_STAFF = gql`mutation UpdateStaff($input: UpdateStaffInput!) { updateStaff(input: $input) { staff { ${STAFF_FIELDS} } } }`;

export const DISABLE_STAFF = gql`mutation DisableStaff($input: SetStaffStatusInput!) { disableStaff(input: $input) { staff { id status version } } }`;

export const ENABLE_STAFF = gql`mutation EnableStaff($input: SetStaffStatusInput!) { enableStaff(input: $input) { staff { id status lockedUntil version } } }`;

/** A staff account as the pages show it. */
export interface StaffRecord {
  id: string;
  username: string;
  fullName: string;
  position: string | null;
  email: string | null;
  phone: string | null;
  personalId: string | null;
  status: 'ACTIVE' | 'DISABLED';
  lockedUntil: string | null;
  unitId: string | null;
  unit: { id: string; name: string } | null;
  version: number;
}
