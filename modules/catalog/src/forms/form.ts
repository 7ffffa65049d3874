/**
 * Application e-forms: JSON Schema draft 2020-12 validated by ajv. A schema is checked when a
 * draft is saved (meta-schema, strict keywords, an object at the root), and dossier data is
 * checked against it at submission, each problem a field error in Vietnamese and English.
 */
import type { Bilingual } from '@motcua/kernel/contract';
import { canonicalJson } from '@motcua/kernel/contract';
import type { Ajv2020 as AjvClass, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { FormatsPlugin } from 'ajv-formats';
import { createRequire } from 'node:module';

// Both packages are CommonJS whose module.exports is the class / plugin: require gives exactly that.
const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020.js') as typeof AjvClass;
const addFormats = require('ajv-formats') as FormatsPlugin;

function newAjv(): AjvClass {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false });
  addFormats(ajv);
  return ajv;
}

const ajv = newAjv();
/** Compiled validators by canonical schema text; bounded, forms are few and reused. */
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 200;

/** One field's problem with the submitted data; `field` is a JSON pointer (`/applicant/fullName`). */
export interface FormFieldError {
  field: string;
  messages: Bilingual;
}

function compile(schema: Record<string, unknown>): ValidateFunction {
  const key = canonicalJson(schema);
  const cached = compiled.get(key);
  if (cached) return cached;
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  const validate = ajv.compile(schema);
  compiled.set(key, validate);
  return validate;
}

/**
 * Problems with a form schema itself, empty when it is usable: it must be an object schema
 * valid against the 2020-12 meta-schema, use only known keywords, and compile.
 *
 * @example
 * formSchemaProblems({ type: 'object', properties: { hoTen: { type: 'string', minLength: 1 } } }); // []
 * formSchemaProblems({ type: 'object', properties: { a: { type: 'strnig' } } }); // [ one problem ]
 */
export function formSchemaProblems(schema: unknown): Bilingual[] {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return [{ vi: 'biểu mẫu phải là một JSON Schema dạng đối tượng', en: 'the form must be a JSON Schema object' }];
  const root = schema as Record<string, unknown>;
  const declared = root.$schema;
  if (declared !== undefined && declared !== 'https://json-schema.org/draft/2020-12/schema') {
    return [{ vi: 'biểu mẫu phải theo JSON Schema draft 2020-12', en: 'the form must use JSON Schema draft 2020-12' }];
  }
  if (root.type !== 'object') return [{ vi: 'gốc của biểu mẫu phải có type "object"', en: 'the form root must have type "object"' }];
  if (!ajv.validateSchema(root)) {
    return (ajv.errors ?? []).map((e: ErrorObject) => ({ vi: `lược đồ sai tại ${e.instancePath || '/'}: ${e.message}`, en: `schema invalid at ${e.instancePath || '/'}: ${e.message}` }));
  }
  try {
    compile(root);
    return [];
  } catch (error) {
    const reason = (error as Error).message;
    return [{ vi: `lược đồ không dùng được: ${reason}`, en: `the schema cannot be used: ${reason}` }];
  }
}

function fieldOf(error: ErrorObject): string {
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const child = error.keyword === 'required' ? params.missingProperty : error.keyword === 'additionalProperties' ? params.additionalProperty : undefined;
  return `${error.instancePath}${child === undefined ? '' : `/${child}`}` || '/';
}

/** A person-readable message for one ajv error, in both languages. */
function messageOf(error: ErrorObject): Bilingual {
  const p = error.params as Record<string, any>;
  switch (error.keyword) {
    case 'required': return { vi: 'trường này là bắt buộc', en: 'this field is required' };
    case 'type': return { vi: `phải có kiểu ${p.type}`, en: `must be of type ${p.type}` };
    case 'minLength': return { vi: `phải có ít nhất ${p.limit} ký tự`, en: `must have at least ${p.limit} characters` };
    case 'maxLength': return { vi: `chỉ được có tối đa ${p.limit} ký tự`, en: `must have at most ${p.limit} characters` };
    case 'pattern': return { vi: 'không đúng định dạng', en: 'does not have the expected format' };
    case 'format': return { vi: `không đúng định dạng ${p.format}`, en: `is not a valid ${p.format}` };
    case 'enum': return { vi: `phải là một trong: ${(p.allowedValues as unknown[]).join(', ')}`, en: `must be one of: ${(p.allowedValues as unknown[]).join(', ')}` };
    case 'const': return { vi: `phải bằng ${JSON.stringify(p.allowedValue)}`, en: `must equal ${JSON.stringify(p.allowedValue)}` };
    case 'minimum': return { vi: `phải ≥ ${p.limit}`, en: `must be ≥ ${p.limit}` };
    case 'maximum': return { vi: `phải ≤ ${p.limit}`, en: `must be ≤ ${p.limit}` };
    case 'additionalProperties': return { vi: `trường "${p.additionalProperty}" không có trong biểu mẫu`, en: `field "${p.additionalProperty}" is not part of the form` };
    case 'minItems': return { vi: `cần ít nhất ${p.limit} mục`, en: `needs at least ${p.limit} items` };
    default: return { vi: `không hợp lệ (${error.keyword}): ${error.message}`, en: `invalid (${error.keyword}): ${error.message}` };
  }
}

/**
 * Field errors of form data against a schema (already checked by {@link formSchemaProblems}),
 * empty when the data is valid.
 *
 * @example
 * formDataErrors(schema, { hoTen: '' });
 * // [{ field: '/hoTen', messages: { vi: 'phải có ít nhất 1 ký tự', en: 'must have at least 1 characters' } }]
 */
export function formDataErrors(schema: Record<string, unknown>, data: unknown): FormFieldError[] {
  const validate = compile(schema);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((error) => ({ field: fieldOf(error), messages: messageOf(error) }));
}
