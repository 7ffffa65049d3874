import { CanAccess } from '@refinedev/core';
import type { ReactNode } from 'react';
import { ForbiddenPage } from '../pages/ForbiddenPage';

/** Shows the page only to users allowed `action` on `resource`; others see a refusal. */
export function RequireAccess({ resource, action, children }: { resource: string; action: string; children: ReactNode }) {
  return (
    <CanAccess resource={resource} action={action} fallback={<ForbiddenPage />}>
      {children}
    </CanAccess>
  );
}
