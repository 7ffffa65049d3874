import { createTestPki, LocalTsa, sampleResultPdf, signPdf, TsaClient, verifyPdf } from '@motcua/signature/contract';
import { FixedClock } from '@motcua/kernel/contract';

/** Median, 95th percentile and throughput of one signature operation over `ops` runs. */
export interface SignatureTiming {
  operation: string;
  ops: number;
  medianMs: number;
  p95Ms: number;
  perSecond: number;
}

async function time(operation: string, ops: number, run: () => Promise<unknown>): Promise<SignatureTiming> {
  await run(); // warm-up: JIT, key caches
  const durations: number[] = [];
  for (let i = 0; i < ops; i++) {
    const started = process.hrtime.bigint();
    await run();
    durations.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  durations.sort((a, b) => a - b);
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))];
  return { operation, ops, medianMs: at(0.5), p95Ms: at(0.95), perSecond: 1000 / at(0.5) };
}

/**
 * Sign and verify throughput for a one-page result, in process (no HTTP, no database): the
 * officer's B-B signature, the agency's B-T seal with an in-process timestamp authority, and
 * verification of the two-signature result, for RSA and ECDSA keys of the generated test PKI.
 */
export async function benchSignatures(ops: number): Promise<SignatureTiming[]> {
  const pki = await createTestPki();
  const unsigned = await sampleResultPdf({ number: '125/QĐ-STP', date: '2026-11-26' });
  const trust = { anchors: [pki.root.certificate], crls: [], version: 'bench' };
  const timings: SignatureTiming[] = [];
  for (const kind of ['RSA', 'EC'] as const) {
    const timestamper = new TsaClient(new LocalTsa(pki.tsa.signer(), new FixedClock(new Date())));
    const officer = () => signPdf(unsigned, pki.officer[kind].signer(), { fieldName: 'CaNhan', claimedTime: new Date(), level: 'B_B' });
    const signedByOfficer = await officer();
    const seal = () => signPdf(signedByOfficer, pki.organisation[kind].signer(), { fieldName: 'CoQuan', claimedTime: new Date(), level: 'B_T', timestamper });
    const result = await seal();
    timings.push(await time(`${kind} officer signature (B-B)`, ops, officer));
    timings.push(await time(`${kind} agency seal (B-T, timestamped)`, ops, seal));
    timings.push(await time(`${kind} verify both signatures`, ops, () => verifyPdf(result, trust, { now: new Date() })));
  }
  return timings;
}

/** The timings as a Markdown table. */
export function formatSignatureTable(timings: SignatureTiming[]): string {
  const rows = timings.map((t) => `| ${t.operation} | ${t.ops} | ${t.medianMs.toFixed(2)} | ${t.p95Ms.toFixed(2)} | ${t.perSecond.toFixed(0)} |`);
  return ['| operation (one-page result) | ops | median ms | p95 ms | per second (median) |', '|---|---|---|---|---|', ...rows].join('\n');
}
