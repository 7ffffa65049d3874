import sample from './sample-catalog.json' with { type: 'json' };

/**
 * The sample catalog shipped with the module (`sample-catalog.json`, in the exchange format):
 * real procedures of the national database across several sectors, loaded by the demo seed.
 */
export const SAMPLE_CATALOG_JSON: string = JSON.stringify(sample);
