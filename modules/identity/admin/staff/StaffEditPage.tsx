import { StaleVersionAlert } from '@motcua/kernel/admin';
import { Edit, useForm } from '@refinedev/antd';
import type { HttpError } from '@refinedev/core';
import { Flex, Form } from 'antd';
import { RoleAssignmentsCard } from '../roles/RoleAssignmentsCard';
import { STAFF_MEMBER, type StaffRecord, UPDATE_STAFF } from './queries';
import { StaffFormFields } from './StaffFormFields';

/** Only what changed, plus the version edited (omitted fields stay as they are). */
function changes(record: StaffRecord | undefined, values: Partial<StaffRecord>): Partial<StaffRecord> {
  const changed = Object.entries(values).filter(([key, value]) => key === 'version' || record?.[key as keyof StaffRecord] !== value);
  return Object.fromEntries(changed);
}

/** Edits a staff account; below, the roles assigned to it. */
export default function StaffEditPage() {
  const form = useForm<StaffRecord, HttpError, Partial<StaffRecord>>({
    resource: 'staff',
    action: 'edit',
    meta: { gqlQuery: STAFF_MEMBER, gqlMutation: UPDATE_STAFF },
    redirect: false,
  });
  const record = form.query?.data?.data;
  return (
    <Flex vertical gap={16}>
      <Edit saveButtonProps={form.saveButtonProps} isLoading={form.formLoading} breadcrumb={false}>
        <StaleVersionAlert error={form.mutation.error} />
        <Form
          {...form.formProps}
          layout="vertical"
          style={{ maxWidth: 640, marginTop: 16 }}
          onFinish={(values) => form.formProps.onFinish?.(changes(record, values))}
        >
          <StaffFormFields mode="edit" />
        </Form>
      </Edit>
      {record && <RoleAssignmentsCard staff={record} />}
    </Flex>
  );
}
