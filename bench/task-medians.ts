import { Bench } from 'tinybench';

/**
 * Median milliseconds of each task of a tinybench run: the median, as a GC
 * pause or another process taking the core shifts a mean. `time` and
 * `iterations` are tinybench's lower bounds on each task's run.
 */
export async function medians(tasks: Record<string, () => void>, { time, iterations }: { time: number; iterations: number }): Promise<Record<string, number>> {
  const bench = new Bench({ time, iterations, warmup: true });
  for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
  await bench.run();
  return Object.fromEntries(Object.keys(tasks).map((name) => [name, (bench.getTask(name)!.result as { latency?: { p50: number } }).latency?.p50 ?? NaN]));
}
