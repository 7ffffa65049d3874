import { grantsAllow, matchesSearch, useGrants } from '@motcua/kernel/admin';
import { useTranslate } from '@refinedev/core';
import { TreeSelect } from 'antd';
import type { AgencyNode, AgencyTree } from './use-agency-tree';
import { useAgencyTree } from './use-agency-tree';

interface UnitTreeSelectProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** Units where the user lacks this permission cannot be picked. */
  permission?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

interface UnitOption {
  value: string;
  title: string;
  disabled: boolean;
  children: UnitOption[];
}

function options(nodes: AgencyNode[], allowed: (id: string) => boolean): UnitOption[] {
  return nodes.map((node) => ({ value: node.id, title: node.name, disabled: !allowed(node.id), children: options(node.children ?? [], allowed) }));
}

/** Picks an org unit from the tree, searchable without diacritics ("so tu phap"). */
export function UnitTreeSelect({ value, onChange, permission, placeholder, allowClear, style, id }: UnitTreeSelectProps) {
  const t = useTranslate();
  const tree: AgencyTree = useAgencyTree();
  const grants = useGrants();
  const allowed = (unitId: string) => !permission || grantsAllow(grants, permission, tree.byId.get(unitId));
  return (
    <TreeSelect<string>
      id={id}
      value={value ?? undefined}
      onChange={onChange}
      treeData={options(tree.roots, allowed)}
      loading={tree.isLoading}
      showSearch
      filterTreeNode={(search, node) => matchesSearch(String(node.title), search)}
      treeDefaultExpandedKeys={tree.roots.map((root) => root.id)}
      placeholder={placeholder ?? t('agencies.pick')}
      allowClear={allowClear}
      popupMatchSelectWidth={false}
      style={{ minWidth: 280, ...style }}
    />
  );
}
