import { gql } from '@motcua/kernel/admin';

const AGENCY_FIELDS = 'id name shortName code kind parentId active address phone email version';
const TREE_NODE = 'id name shortName code kind parentId active';

/** The org tree, five levels deep (province → department → unit → …), for trees and pickers. */
export const AGENCY_TREE = gql`query AgencyTree {
  agencyTree { ${TREE_NODE} children { ${TREE_NODE} children { ${TREE_NODE} children { ${TREE_NODE} children { ${TREE_NODE} } } } } }
}`;

export const AGENCY = gql`query Agency($id: ID!) { agency(id: $id) { ${AGENCY_FIELDS} } }`;

export const CREATE_AGENCY = gql`mutation CreateAgency($input: CreateAgencyInput!) { createAgency(input: $input) { agency { ${AGENCY_FIELDS} } } }`;

export const UPDATE_AGENCY = gql`mutation UpdateAgency($input: UpdateAgencyInput!) { updateAgency(input: $input) { agency { ${AGENCY_FIELDS} } } }`;
