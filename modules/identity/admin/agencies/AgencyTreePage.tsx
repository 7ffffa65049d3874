import { ErrorAlert, EVERYWHERE, matchesSearch, useCan } from '@motcua/kernel/admin';
import { PlusOutlined } from '@ant-design/icons';
import { useGetIdentity, useTranslate } from '@refinedev/core';
import { Button, Card, Col, Empty, Input, Row, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { type Key, useMemo, useState } from 'react';
import { AgencyDetails } from './AgencyDetails';
import { AgencyDrawer, type AgencyDrawerTarget } from './AgencyDrawer';
import { type AgencyNode, useAgencyTree } from './use-agency-tree';

/** Tree nodes whose unit, or a unit below, matches the search (all of them without a search). */
function treeData(nodes: AgencyNode[], search: string, inactiveLabel: string): DataNode[] {
  return nodes.flatMap((node) => {
    const children = treeData(node.children ?? [], search, inactiveLabel);
    const matches = !search || matchesSearch(`${node.name} ${node.shortName ?? ''} ${node.code}`, search);
    if (!matches && children.length === 0) return [];
    const title = (
      <span>
        <span>{node.name}</span> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{node.code}</Typography.Text>
        {!node.active && <Tag style={{ marginLeft: 8 }}>{inactiveLabel}</Tag>}
      </span>
    );
    return [{ key: node.id, title, children }];
  });
}

/** The organisation tree with the selected unit's details and editor; opens on the user's own unit. */
export default function AgencyTreePage() {
  const t = useTranslate();
  const tree = useAgencyTree();
  const { data: me } = useGetIdentity<{ agencyId: string | null }>();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Key[] | null>(null);
  const [drawer, setDrawer] = useState<AgencyDrawerTarget | null>(null);
  const canCreateRoot = useCan('agency.create', EVERYWHERE);
  const data = useMemo(() => treeData(tree.roots, search.trim(), t('agencies.inactive')), [tree.roots, search, t]);
  const home = me?.agencyId ? tree.byId.get(me.agencyId) : undefined;
  const selected = tree.byId.get(picked ?? home?.id ?? '');
  const expandedKeys = search.trim() ? [...tree.byId.keys()] : (expanded ?? [...tree.roots.map((root) => root.id), ...(home?.ancestorIds ?? [])]);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card
          title={t('agencies.titles.list')}
          extra={canCreateRoot && <Button icon={<PlusOutlined />} onClick={() => setDrawer({ action: 'create', parentId: null })}>{t('agencies.addRoot')}</Button>}
          loading={tree.isLoading}
        >
          {tree.error ? (
            <ErrorAlert error={tree.error} onRetry={tree.refetch} />
          ) : (
            <>
              <Input.Search allowClear placeholder={t('agencies.search')} onChange={(event) => setSearch(event.target.value)} style={{ marginBottom: 12 }} />
              <Tree
                showLine
                blockNode
                treeData={data}
                expandedKeys={expandedKeys}
                onExpand={setExpanded}
                selectedKeys={selected ? [selected.id] : []}
                onSelect={(keys) => keys.length > 0 && setPicked(String(keys[0]))}
                aria-label={t('agencies.titles.list')}
              />
            </>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        {selected ? (
          <AgencyDetails
            key={selected.id}
            unit={selected}
            parentName={selected.agency.parentId ? tree.byId.get(selected.agency.parentId)?.agency.name : undefined}
            onEdit={() => setDrawer({ action: 'edit', id: selected.id })}
            onAddChild={() => setDrawer({ action: 'create', parentId: selected.id })}
          />
        ) : (
          <Card><Empty description={t('agencies.selectHint')} /></Card>
        )}
      </Col>
      {drawer && (
        <AgencyDrawer
          target={drawer}
          onClose={() => setDrawer(null)}
          onSaved={(id) => {
            tree.refetch();
            setPicked(id);
          }}
        />
      )}
    </Row>
  );
}
