import { type FormModel, formOf, modelOf } from '../forms/form-model';
import type { VersionContent } from '../queries';

type Case = VersionContent['cases'][number];

/** The editor's values: a version's content with each case's e-form as the builder's model. */
export type EditorValues = Omit<VersionContent, 'cases'> & {
  cases: Array<Omit<Case, 'form'> & { formModel: FormModel }>;
};

const CONTENT_KEYS: ReadonlyArray<keyof VersionContent> = [
  'name', 'sectorCode', 'levels', 'onlineMode', 'applicantTypes', 'implementingAgencies', 'steps', 'conditions',
  'publishingDecision', 'legalBasis', 'results', 'channels', 'cases',
];

/** The editor's values of a version (read from the API). */
export function editorValuesOf(version: VersionContent): EditorValues {
  const content = Object.fromEntries(CONTENT_KEYS.map((key) => [key, version[key]])) as unknown as VersionContent;
  return { ...content, cases: content.cases.map(({ form, ...rest }) => ({ ...rest, formModel: modelOf(form) })) };
}

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/**
 * The `ProcedureContentInput` of the editor's values: e-form models become JSON Schema, blank
 * optional texts become null and a publishing decision without a number is left out.
 */
export function contentInputOf(values: EditorValues): VersionContent {
  const decision = values.publishingDecision;
  return {
    ...values,
    conditions: blankToNull(values.conditions),
    steps: values.steps ?? '',
    publishingDecision: decision?.number?.trim() ? { number: decision.number.trim(), date: blankToNull(decision.date) } : null,
    legalBasis: (values.legalBasis ?? []).map((law) => ({ ...law, issuer: blankToNull(law.issuer), issuedOn: blankToNull(law.issuedOn), effectiveOn: blankToNull(law.effectiveOn) })),
    results: (values.results ?? []).map((result) => ({ ...result, code: blankToNull(result.code), paper: Boolean(result.paper) })),
    channels: (values.channels ?? []).map((channel) => ({
      ...channel,
      description: blankToNull(channel.description),
      fees: (channel.fees ?? []).map((fee) => ({ ...fee, amount: Number(fee.amount ?? 0), note: blankToNull(fee.note) })),
    })),
    cases: (values.cases ?? []).map(({ formModel, ...rest }) => ({
      ...rest,
      components: (rest.components ?? []).map((component) => ({
        ...component,
        templateFile: blankToNull(component.templateFile),
        originals: Number(component.originals ?? 0),
        copies: Number(component.copies ?? 0),
        mandatory: Boolean(component.mandatory),
        fromSharedDatabase: Boolean(component.fromSharedDatabase),
      })),
      form: formOf(formModel ?? { title: '', fields: [] }),
    })),
  };
}
