import { Create, useForm } from '@refinedev/antd';
import { Form } from 'antd';
import { CREATE_STAFF } from './queries';
import { StaffFormFields } from './StaffFormFields';

/** A new staff account; afterwards the edit page opens to assign roles. */
export default function StaffCreatePage() {
  const { formProps, saveButtonProps } = useForm({ resource: 'staff', action: 'create', meta: { gqlMutation: CREATE_STAFF }, redirect: 'edit' });
  return (
    <Create saveButtonProps={saveButtonProps} breadcrumb={false}>
      <Form {...formProps} layout="vertical" style={{ maxWidth: 640 }}>
        <StaffFormFields mode="create" />
      </Form>
    </Create>
  );
}
