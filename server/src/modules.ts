import type { ModuleDefinition } from '@motcua/kernel/contract';
import catalog from '@motcua/catalog';
import dossiers from '@motcua/dossiers';
import evaluation from '@motcua/evaluation';
import identity from '@motcua/identity';
import kernel from '@motcua/kernel';
import signature from '@motcua/signature';
import workflow from '@motcua/workflow';

/** Every module the server runs. Adding a module is one line here. */
export const MODULES: readonly ModuleDefinition[] = [kernel, identity, workflow, signature, catalog, dossiers, evaluation];
