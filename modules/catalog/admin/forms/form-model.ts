/**
 * The e-form builder's model: a list of fields edited visually, and its translation to and
 * from what the server stores (JSON Schema draft 2020-12 plus UI hints in the
 * react-jsonschema-form style: `ui:order`, `<field>: { "ui:widget": … }`).
 */

/** The field kinds the builder edits; `other` keeps a property it cannot edit unchanged. */
export type FieldKind = 'text' | 'textarea' | 'number' | 'integer' | 'date' | 'select' | 'checkbox' | 'other';

export const EDITABLE_KINDS: readonly FieldKind[] = ['text', 'textarea', 'number', 'integer', 'date', 'select', 'checkbox'];

/** One field of the form as the builder shows it. */
export interface FormField {
  /** Property name in the submitted data, e.g. `hoTen`. */
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  /** Choices of a `select`. */
  options?: string[];
  /** The property's schema as loaded, kept for `other` and for keywords the builder does not edit. */
  original?: JsonObject;
  /** The property's UI hints as loaded, kept while its kind is unchanged (e.g. a `radio` widget). */
  ui?: JsonObject;
}

/** What the builder edits for one case. */
export interface FormModel {
  title: string;
  fields: FormField[];
}

export type JsonObject = Record<string, unknown>;

export const SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** Keywords the builder owns; the others of a loaded property are kept as they were. */
const OWNED_KEYWORDS = ['type', 'title', 'format', 'enum'];

function kindOf(property: JsonObject, widget: unknown): FieldKind {
  if (Array.isArray(property.enum)) return 'select';
  if (property.type === 'boolean') return 'checkbox';
  if (property.type === 'number') return 'number';
  if (property.type === 'integer') return 'integer';
  if (property.type === 'string' && property.format === 'date') return 'date';
  if (property.type === 'string') return widget === 'textarea' ? 'textarea' : 'text';
  return 'other';
}

/**
 * The builder's model of a stored form (an empty one when there is none).
 *
 * @example
 * modelOf({ schema: { type: 'object', required: ['a'], properties: { a: { type: 'string', title: 'A' } } }, uiSchema: {} });
 * // { title: '', fields: [{ name: 'a', label: 'A', kind: 'text', required: true, original: {…} }] }
 */
export function modelOf(form: { schema: JsonObject; uiSchema?: JsonObject | null } | null | undefined): FormModel {
  if (!form) return { title: '', fields: [] };
  const properties = (form.schema.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((form.schema.required ?? []) as string[]);
  const ui = (form.uiSchema ?? {}) as Record<string, any>;
  const order: string[] = Array.isArray(ui['ui:order']) ? ui['ui:order'].filter((name: string) => name in properties) : [];
  const names = [...order, ...Object.keys(properties).filter((name) => !order.includes(name))];
  return {
    title: typeof form.schema.title === 'string' ? form.schema.title : '',
    fields: names.map((name) => {
      const property = properties[name];
      const kind = kindOf(property, ui[name]?.['ui:widget']);
      return {
        name,
        label: typeof property.title === 'string' ? property.title : name,
        kind,
        required: required.has(name),
        ...(kind === 'select' ? { options: (property.enum as unknown[]).map(String) } : {}),
        original: property,
        ...(ui[name] ? { ui: ui[name] } : {}),
      };
    }),
  };
}

function propertyOf(field: FormField): JsonObject {
  if (field.kind === 'other') return field.original ?? {};
  const kept = Object.fromEntries(Object.entries(field.original ?? {}).filter(([key]) => !OWNED_KEYWORDS.includes(key)));
  const title = field.label.trim() || field.name;
  switch (field.kind) {
    case 'number': return { ...kept, type: 'number', title };
    case 'integer': return { ...kept, type: 'integer', title };
    case 'checkbox': return { ...kept, type: 'boolean', title };
    case 'date': return { ...kept, type: 'string', title, format: 'date' };
    case 'select': return { ...kept, ...choices(field), title };
    // A required text must not be empty (`required` alone accepts ""), unless a length or pattern already says so.
    default: return { ...kept, type: 'string', title, ...(field.required && kept.minLength === undefined && kept.pattern === undefined ? { minLength: 1 } : {}) };
  }
}

/** A choice list keeps a numeric type (`loaiPhieu: { type: 'integer', enum: [1, 2] }`) while every choice is a number. */
function choices(field: FormField): JsonObject {
  const options = (field.options ?? []).map((o) => String(o).trim()).filter(Boolean);
  const numeric = field.original?.type === 'integer' || field.original?.type === 'number';
  if (numeric && options.every((o) => Number.isFinite(Number(o)))) return { type: field.original!.type, enum: options.map(Number) };
  return { type: 'string', enum: options };
}

/** The UI hints of a field: as loaded while its kind is unchanged, else the kind's widget. */
function uiOf(field: FormField): JsonObject | undefined {
  if (field.ui && field.original && kindOf(field.original, field.ui['ui:widget']) === field.kind) return field.ui;
  const widget = WIDGETS[field.kind];
  return widget ? { 'ui:widget': widget } : undefined;
}

/** Widgets the schema does not imply (a date has `format`, a choice list `enum`, a checkbox `type: boolean`). */
const WIDGETS: Partial<Record<FieldKind, string>> = { textarea: 'textarea' };

/** Fields with a usable property name (the builder may hold half-typed rows). */
function namedFields(model: FormModel): FormField[] {
  return (model.fields ?? []).filter((field) => field?.name?.trim());
}

/**
 * The stored form of a model: a 2020-12 object schema (closed, `required` from the flags)
 * and UI hints with the field order and widgets; null when the model has no field.
 *
 * @example
 * formOf({ title: 'Tờ khai', fields: [{ name: 'hoTen', label: 'Họ tên', kind: 'text', required: true }] });
 * // { schema: { $schema: '…/2020-12/schema', type: 'object', title: 'Tờ khai', required: ['hoTen'],
 * //   properties: { hoTen: { type: 'string', title: 'Họ tên', minLength: 1 } }, additionalProperties: false },
 * //   uiSchema: { 'ui:order': ['hoTen'] } }
 */
export function formOf(model: FormModel): { schema: JsonObject; uiSchema: JsonObject } | null {
  const fields = namedFields(model);
  if (!fields.length) return null;
  const properties = Object.fromEntries(fields.map((field) => [field.name.trim(), propertyOf(field)]));
  const required = fields.filter((field) => field.required).map((field) => field.name.trim());
  const widgets = fields.map((field) => [field.name.trim(), uiOf(field)] as const).filter(([, ui]) => ui);
  return {
    schema: {
      $schema: SCHEMA_DIALECT,
      type: 'object',
      ...(model.title?.trim() ? { title: model.title.trim() } : {}),
      ...(required.length ? { required } : {}),
      properties,
      additionalProperties: false,
    },
    uiSchema: { 'ui:order': fields.map((field) => field.name.trim()), ...Object.fromEntries(widgets) },
  };
}

/** A property name from a label: `Họ và tên` → `hoVaTen` (ASCII camelCase, as in the sample forms). */
export function nameFromLabel(label: string): string {
  const words = label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  const camel = words.map((word, i) => (i === 0 ? word.toLowerCase() : word[0].toUpperCase() + word.slice(1).toLowerCase())).join('');
  return /^[0-9]/.test(camel) ? `f${camel}` : camel;
}
