import { useCustom, useTranslate } from '@refinedev/core';
import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { AGENCIES, type AgencyOption } from '../queries';

type Props = Omit<SelectProps<string | string[]>, 'options' | 'showSearch' | 'onSearch' | 'filterOption'>;

/** Picks an agency or unit, searched on the server by name or code (with or without diacritics). */
export function AgencySelect({ mode, ...props }: Props) {
  const t = useTranslate();
  const [search, setSearch] = useState('');
  // No `active: true` filter: on SQLite (libsql) a boolean parameter crashes the server (reported).
  const filter = search.trim() ? { search: search.trim() } : {};
  const { result, query } = useCustom<{ agencies: { nodes: AgencyOption[] } }>({
    url: '',
    method: 'get',
    meta: { gqlQuery: AGENCIES, gqlVariables: { filter, limit: 50 } },
    queryOptions: { queryKey: ['catalog', 'agencies', filter] },
  });
  // Keep the chosen ids labelled while a search shows other agencies.
  const [known, setKnown] = useState<Record<string, string>>({});
  const nodes = result.data?.agencies?.nodes ?? [];
  const labels = { ...known, ...Object.fromEntries(nodes.map((agency) => [agency.id, agency.name])) };
  const chosen = ([] as string[]).concat((props.value as string | string[] | undefined) ?? []);
  const options = [
    ...nodes.map((agency) => ({ value: agency.id, label: agency.name })),
    ...chosen.filter((id) => !nodes.some((agency) => agency.id === id)).map((id) => ({ value: id, label: labels[id] ?? id })),
  ];
  return (
    <Select<string | string[]>
      aria-label={t('procedures.fields.agency')}
      {...props}
      mode={mode}
      showSearch
      filterOption={false}
      onSearch={setSearch}
      loading={query.isFetching}
      options={options}
      onChange={(value, option) => {
        setKnown(labels);
        setSearch('');
        props.onChange?.(value, option);
      }}
    />
  );
}
