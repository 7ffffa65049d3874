import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDITABLE_KINDS, type FieldKind, type FormField, formOf, type JsonObject, modelOf, nameFromLabel } from '../admin/forms/form-model';

type StoredForm = { schema: JsonObject; uiSchema: JsonObject };

const SAMPLE = JSON.parse(readFileSync(resolve(__dirname, '../src/exchange/sample-catalog.json'), 'utf8')) as {
  procedures: Array<{ code: string; cases: Array<{ form?: StoredForm | null }> }>;
};
const SAMPLE_FORMS = SAMPLE.procedures.flatMap((p) => p.cases.filter((c) => c.form).map((c) => [p.code, c.form!] as const));

/** `required` is a set: its order carries no meaning. */
const normalized = (form: StoredForm | null) => form && { ...form, schema: { ...form.schema, required: [...((form.schema.required as string[]) ?? [])].sort() } };

const field = (kind: FieldKind, extra: Partial<FormField> = {}): FormField => ({ name: 'f', label: 'Trường', kind, required: false, ...extra });

describe('e-form builder model', () => {
  it.each(SAMPLE_FORMS)('loads and saves the sample form of %s unchanged', (_code, form) => {
    expect(normalized(formOf(modelOf(form)))).toEqual(normalized(form));
  });

  it.each<[FieldKind, Partial<FormField>, JsonObject, JsonObject | undefined]>([
    ['text', {}, { type: 'string', title: 'Trường' }, undefined],
    ['text', { required: true }, { type: 'string', title: 'Trường', minLength: 1 }, undefined],
    ['textarea', {}, { type: 'string', title: 'Trường' }, { 'ui:widget': 'textarea' }],
    ['number', {}, { type: 'number', title: 'Trường' }, undefined],
    ['integer', {}, { type: 'integer', title: 'Trường' }, undefined],
    ['date', {}, { type: 'string', title: 'Trường', format: 'date' }, undefined],
    ['select', { options: ['Nam', ' Nữ ', ''] }, { type: 'string', title: 'Trường', enum: ['Nam', 'Nữ'] }, undefined],
    ['select', { options: ['1', '2'], original: { type: 'integer', enum: [1, 2] } }, { type: 'integer', title: 'Trường', enum: [1, 2] }, undefined],
    ['checkbox', {}, { type: 'boolean', title: 'Trường' }, undefined],
  ])('a %s field %o becomes %o', (kind, extra, property, ui) => {
    const form = formOf({ title: 'Tờ khai', fields: [field(kind, extra)] })!;
    expect(form.schema).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', title: 'Tờ khai',
      ...(extra.required ? { required: ['f'] } : {}), properties: { f: property }, additionalProperties: false,
    });
    expect(form.uiSchema).toEqual({ 'ui:order': ['f'], ...(ui ? { f: ui } : {}) });
  });

  it('changing a field\'s kind drops the widget it was loaded with', () => {
    const [loaded] = modelOf({ schema: { type: 'object', properties: { a: { type: 'integer', enum: [1, 2] } } }, uiSchema: { a: { 'ui:widget': 'radio' } } }).fields;
    expect(formOf({ title: '', fields: [loaded] })!.uiSchema).toEqual({ 'ui:order': ['a'], a: { 'ui:widget': 'radio' } });
    expect(formOf({ title: '', fields: [{ ...loaded, kind: 'text' }] })!.uiSchema).toEqual({ 'ui:order': ['a'] });
  });

  it('a form without named fields is no form; unnamed rows are left out', () => {
    expect(formOf({ title: 'x', fields: [] })).toBeNull();
    expect(formOf({ title: 'x', fields: [field('text', { name: ' ' })] })).toBeNull();
  });

  it('keeps the order, names and required flags of any field list through a save and a load', () => {
    const name = fc.stringMatching(/^[a-z][A-Za-z0-9]{0,8}$/);
    const fields = fc.uniqueArray(
      fc.record({ name, label: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''), kind: fc.constantFrom(...EDITABLE_KINDS), required: fc.boolean() }),
      { selector: (f) => f.name, minLength: 1, maxLength: 8 },
    );
    fc.assert(fc.property(fields, (list) => {
      const loaded = modelOf(formOf({ title: 'T', fields: list.map((f) => ({ ...f, options: f.kind === 'select' ? ['A', 'B'] : undefined })) }));
      expect(loaded.fields.map(({ name: n, kind, required }) => ({ name: n, kind, required }))).toEqual(list.map(({ name: n, kind, required }) => ({ name: n, kind, required })));
    }));
  });

  it.each([
    ['Họ và tên', 'hoVaTen'],
    ['Số định danh cá nhân', 'soDinhDanhCaNhan'],
    ['Đường/phố', 'duongPho'],
    ['2 bản sao', 'f2BanSao'],
  ])('names the field labelled %s %s', (label, name) => {
    expect(nameFromLabel(label)).toBe(name);
  });
});
