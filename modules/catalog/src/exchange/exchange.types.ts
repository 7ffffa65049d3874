import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ImportOutcome } from './import.js';

export enum ExchangeFormat {
  JSON = 'JSON',
  EXCEL = 'EXCEL',
}
registerEnumType(ExchangeFormat, { name: 'CatalogExchangeFormat', description: 'JSON (`motcua.catalog/v1`, text) or EXCEL (.xlsx, base64).' });
registerEnumType(ImportOutcome, { name: 'CatalogImportOutcome', description: 'What an import row did: CREATED, UPDATED (new published version), SKIPPED (identical), REJECTED.' });

@InputType({ description: 'A catalog file to import.' })
export class ImportCatalogInput {
  @Field(() => ExchangeFormat) format!: ExchangeFormat;
  @Field({ description: 'The JSON text, or the .xlsx file in base64.' }) content!: string;
  @Field({ defaultValue: false, description: 'Report what would happen without writing anything.' }) dryRun!: boolean;
}

@ObjectType('CatalogImportRow', { description: 'One row of an import report.' })
export class ImportRowNode {
  @Field(() => Int, { description: '1-based: the index in `procedures` (JSON) or the row of the ThuTuc sheet (Excel).' }) rowNumber!: number;
  @Field(() => String, { nullable: true, description: 'Excel sheet of the row.' }) sheet!: string | null;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field(() => ImportOutcome) outcome!: ImportOutcome;
  @Field(() => String, { nullable: true, description: 'Why it was rejected, in Vietnamese.' }) reasonVi!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was rejected, in English.' }) reasonEn!: string | null;
}

@ObjectType('CatalogImportReport', { description: 'The per-row report of an import (or dry run).' })
export class ImportReportNode {
  @Field() dryRun!: boolean;
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) skipped!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => [ImportRowNode]) rows!: ImportRowNode[];
}

@InputType({ description: 'What to export: published procedures, optionally of one sector or given codes.' })
export class ExportCatalogInput {
  @Field(() => ExchangeFormat) format!: ExchangeFormat;
  @Field({ nullable: true }) sectorCode?: string;
  @Field(() => [String], { nullable: true }) codes?: string[];
}

@ObjectType('CatalogExport', { description: 'An exported catalog file.' })
export class ExportNode {
  @Field(() => ExchangeFormat) format!: ExchangeFormat;
  @Field({ description: 'File name to save as.' }) fileName!: string;
  @Field({ description: 'The JSON text, or the .xlsx file in base64.' }) content!: string;
  @Field(() => Int, { description: 'Procedures in the file.' }) count!: number;
}
