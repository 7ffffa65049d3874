import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFObject } from '@cantoo/pdf-lib';

/** Object types a later signature may add (annotations only as signature widgets, see below). */
const ALLOWED_NEW_TYPES = new Set(['Sig', 'XObject', 'DocTimeStamp', 'Font', 'FontDescriptor']);
/** Keys a later signature may change in Catalog, Page and AcroForm dictionaries. */
const ALLOWED_CHANGED_KEYS = new Set(['Annots', 'AcroForm', 'Fields', 'SigFlags', 'DSS', 'Perms', 'DR', 'NeedAppearances']);

function dictOf(object: PDFObject | undefined): PDFDict | undefined {
  if (object instanceof PDFDict) return object;
  if (object instanceof PDFStream) return object.dict;
  return undefined;
}

function typeOf(object: PDFObject): string {
  const dict = dictOf(object);
  const type = dict?.get(PDFName.of('Type')) ?? (dict?.has(PDFName.of('Fields')) ? PDFName.of('AcroForm') : undefined);
  return type instanceof PDFName ? type.decodeText() : 'unknown';
}

/** A signature field widget: the only annotation a later signature may add (a FreeText "ĐÃ HỦY" may not). */
function isSignatureWidget(object: PDFObject): boolean {
  const dict = dictOf(object);
  const name = (key: string) => {
    const value = dict?.get(PDFName.of(key));
    return value instanceof PDFName ? value.decodeText() : undefined;
  };
  return name('Subtype') === 'Widget' && name('FT') === 'Sig';
}

/** Refs an object points at directly (not following them). */
function directRefs(object: PDFObject, into: Set<string>): Set<string> {
  if (object instanceof PDFRef) into.add(object.toString());
  else if (object instanceof PDFDict) for (const value of object.values()) directRefs(value, into);
  else if (object instanceof PDFArray) for (const value of object.asArray()) directRefs(value, into);
  else if (object instanceof PDFStream) directRefs(object.dict, into);
  return into;
}

/**
 * Why a new object is not allowed, or undefined when it is. Fonts, images and other streams are
 * allowed when only new objects point at them (the appearance of a new signature widget); what
 * an existing object points at must be an allowed type.
 */
function refuseNew(ref: PDFRef, object: PDFObject, referencedByOld: Set<string>): string | undefined {
  const type = typeOf(object);
  if (ALLOWED_NEW_TYPES.has(type) || (type === 'Annot' && isSignatureWidget(object))) return undefined;
  if (type !== 'Annot' && !referencedByOld.has(ref.toString())) return undefined;
  const subtype = dictOf(object)?.get(PDFName.of('Subtype'));
  return `${type} object ${ref.toString()} added${subtype instanceof PDFName ? ` (${subtype.decodeText()})` : ''}`;
}

function serialise(object: PDFObject | undefined): string {
  if (!object) return '';
  if (object instanceof PDFRawStream) return `${object.dict.toString()}|${Buffer.from(object.contents).toString('base64')}`;
  return object.toString();
}

/** Keys whose values differ between two dictionaries. */
function changedKeys(before: PDFDict, after: PDFDict): string[] {
  const keys = new Set([...before.keys(), ...after.keys()].map((k) => k.decodeText()));
  return [...keys].filter((k) => serialise(before.get(PDFName.of(k))) !== serialise(after.get(PDFName.of(k))));
}

function describeChange(ref: PDFRef, before: PDFObject, after: PDFObject): string | undefined {
  if (serialise(before) === serialise(after)) return undefined;
  const type = typeOf(after);
  const beforeDict = dictOf(before);
  const afterDict = dictOf(after);
  const keys = beforeDict && afterDict && !(after instanceof PDFStream) ? changedKeys(beforeDict, afterDict) : ['(stream content)'];
  if (['Catalog', 'Page', 'AcroForm'].includes(type) && keys.every((k) => ALLOWED_CHANGED_KEYS.has(k))) return undefined;
  return `${type} object ${ref.toString()} modified (${keys.join(', ')})`;
}

/**
 * Compares the revision a signature covers with the whole file and lists changes a later
 * signature is not allowed to make (the incremental "overlay" attack): anything but new
 * signature fields, widgets and appearance streams.
 *
 * @example await revisionChanges(pdf, signature.signedLength) // ['unknown object 12 0 R added', 'Page object 3 0 R modified (Contents)']
 */
export async function revisionChanges(pdf: Uint8Array, signedLength: number): Promise<string[]> {
  if (signedLength >= pdf.length) return [];
  const [signed, current] = await Promise.all([
    PDFDocument.load(pdf.subarray(0, signedLength), { updateMetadata: false, throwOnInvalidObject: false }),
    PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: false }),
  ]);
  const changes: string[] = [];
  const referencedByOld = new Set<string>();
  for (const [ref, object] of current.context.enumerateIndirectObjects()) if (signed.context.lookup(ref)) directRefs(object, referencedByOld);
  if (current.context.trailerInfo.Root) directRefs(current.context.trailerInfo.Root, referencedByOld);
  for (const [ref, object] of current.context.enumerateIndirectObjects()) {
    const before = signed.context.lookup(ref);
    if (!before) {
      const refused = refuseNew(ref, object, referencedByOld);
      if (refused) changes.push(refused);
      continue;
    }
    const change = describeChange(ref, before, object);
    if (change) changes.push(change);
  }
  return changes;
}
