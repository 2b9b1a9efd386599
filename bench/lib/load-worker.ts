// Runs one load (bench/lib/load.ts) in its own process and prints the result as JSON.
import { runLoadHere, type LoadSpec } from './load.ts';

const { baseUrl, spec } = JSON.parse(process.argv[2] ?? '{}') as { baseUrl: string; spec: LoadSpec };
process.stdout.write(JSON.stringify(await runLoadHere(baseUrl, spec)));
