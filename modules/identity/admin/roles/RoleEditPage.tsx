import { StaleVersionAlert } from '@motcua/kernel/admin';
import { Edit, useForm } from '@refinedev/antd';
import { Form } from 'antd';
import { ROLE, type RoleRecord, UPDATE_ROLE } from './queries';
import { RoleFormFields } from './RoleFormFields';

/** Edits a custom role's names, description and permissions. */
export default function RoleEditPage() {
  const form = useForm<RoleRecord>({ resource: 'roles', action: 'edit', meta: { gqlQuery: ROLE, gqlMutation: UPDATE_ROLE } });
  return (
    <Edit saveButtonProps={form.saveButtonProps} isLoading={form.formLoading} breadcrumb={false}>
      <StaleVersionAlert error={form.mutation.error} />
      <Form {...form.formProps} layout="vertical" style={{ maxWidth: 860, marginTop: 16 }}>
        <RoleFormFields mode="edit" agencyId={form.query?.data?.data.agencyId} />
      </Form>
    </Edit>
  );
}
