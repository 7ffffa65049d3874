import catalog from '@motcua/catalog/admin';
import identity from '@motcua/identity/admin';
import signature from '@motcua/signature/admin';
import workflow from '@motcua/workflow/admin';
import evaluation from '@motcua/evaluation/admin';
import dossiers from '@motcua/dossiers/admin';
import type { AdminPlugin } from '@motcua/kernel/admin';

/** Every module's admin plugin. Adding a module's admin pages to the app is one line here. */
export const plugins: readonly AdminPlugin[] = [identity, catalog, workflow, signature, dossiers, evaluation];
