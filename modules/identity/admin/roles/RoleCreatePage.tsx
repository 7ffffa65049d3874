import { Create, useForm } from '@refinedev/antd';
import { useGetIdentity } from '@refinedev/core';
import { Form } from 'antd';
import { CREATE_ROLE } from './queries';
import { RoleFormFields } from './RoleFormFields';

/** A new custom role built from permissions, owned by the user's own agency unless they choose another. */
export default function RoleCreatePage() {
  const { data: me } = useGetIdentity<{ agencyId: string | null }>();
  const { formProps, saveButtonProps } = useForm({ resource: 'roles', action: 'create', meta: { gqlMutation: CREATE_ROLE } });
  return (
    <Create saveButtonProps={saveButtonProps} breadcrumb={false}>
      <Form {...formProps} layout="vertical" initialValues={{ permissions: [], agencyId: me?.agencyId }} style={{ maxWidth: 860 }}>
        <RoleFormFields mode="create" />
      </Form>
    </Create>
  );
}
