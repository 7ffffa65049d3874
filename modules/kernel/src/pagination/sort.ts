import { registerEnumType } from 'type-graphql';

/** Sort order of a list. */
export enum SortDirection {
  ASC = 'asc',
  DESC = 'desc',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending or descending order.' });
