import { StaleVersionAlert } from '@motcua/kernel/admin';
import { SaveButton, useForm } from '@refinedev/antd';
import { useTranslate } from '@refinedev/core';
import { Drawer, Form } from 'antd';
import { AgencyFormFields } from './AgencyFormFields';
import { AGENCY, CREATE_AGENCY, UPDATE_AGENCY } from './queries';

/** What the drawer edits: a new unit under a parent, or an existing unit. */
export type AgencyDrawerTarget = { action: 'create'; parentId: string | null } | { action: 'edit'; id: string };

/** Creates or edits an agency in a side drawer; `onSaved` refreshes the tree. */
export function AgencyDrawer({ target, onClose, onSaved }: { target: AgencyDrawerTarget; onClose: () => void; onSaved: (id: string) => void }) {
  const t = useTranslate();
  const form = useForm({
    resource: 'agencies',
    action: target.action,
    id: target.action === 'edit' ? target.id : undefined,
    meta: target.action === 'edit' ? { gqlQuery: AGENCY, gqlMutation: UPDATE_AGENCY } : { gqlMutation: CREATE_AGENCY },
    redirect: false,
    onMutationSuccess: ({ data }) => {
      onSaved(String(data.id));
      onClose();
    },
  });
  const submit = (values: object) => form.formProps.onFinish?.(target.action === 'create' ? { ...values, parentId: target.parentId } : values);
  return (
    <Drawer open width={520} title={t(`agencies.titles.${target.action}`)} onClose={onClose} extra={<SaveButton {...form.saveButtonProps} />} destroyOnHidden>
      <StaleVersionAlert error={form.mutation.error} />
      <Form {...form.formProps} layout="vertical" onFinish={submit} style={{ marginTop: 16 }}>
        <AgencyFormFields mode={target.action} />
      </Form>
    </Drawer>
  );
}
