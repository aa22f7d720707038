// The paired loop: every round runs each contender once, the order rotating from round to
// round so the machine's drift (page cache, writeback, CPU clock) falls on every tool alike.
// Bounded in count (rounds) and in time (a budget after which no new round starts, and a
// limit on each run). A contender that fails sits out the rest of the loop and is reported
// with its exit status and first stderr line; the others carry on.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { interrupted, run, type Run } from './measure.ts';

export interface Contender {
  label: string;
  tsuzuki: boolean;
  argv(runDir: string): string[];
}

export interface Outcome {
  label: string;
  tsuzuki: boolean;
  /** Wall seconds and peak RSS of the successful runs. */
  seconds: number[];
  rssKiB: number[];
  /** The round (0-based) of each successful run, to pair runs of the same round. */
  roundOf: number[];
  /** Why it stopped taking part, when it failed, and in which run. */
  failure?: string;
  failedInRun?: number;
  /** Why it never ran (e.g. --peers-only). */
  skipped?: string;
}

export interface LoopOptions {
  work: string;
  rounds: number;
  /** Each run is stopped after this long. */
  limitSeconds: number;
  /** No new round starts after this long (the first always runs). */
  budgetSeconds: number;
  /** Stopping at the limit is the point (memory of downloads that never finish). */
  stopAtLimit?: boolean;
  skipTsuzuki?: string;
  /** Checks a run's folder once the clock stopped; returns what went wrong, if anything. */
  check(runDir: string, result: Run, contender: Contender): Promise<string | undefined> | string | undefined;
}

export async function pairedLoop(contenders: Contender[], options: LoopOptions): Promise<Outcome[]> {
  const outcomes = contenders.map(
    (c): Outcome => ({ label: c.label, tsuzuki: c.tsuzuki, seconds: [], rssKiB: [], roundOf: [], ...(c.tsuzuki && options.skipTsuzuki ? { skipped: options.skipTsuzuki } : {}) }),
  );
  const started = Date.now();
  for (let round = 0; round < options.rounds; round++) {
    if (round > 0 && (Date.now() - started) / 1000 > options.budgetSeconds) {
      log(`  time budget of ${options.budgetSeconds} s used: stopping after ${round} round(s)`);
      break;
    }
    for (let k = 0; k < contenders.length; k++) {
      const index = (k + round) % contenders.length;
      const contender = contenders[index]!;
      const outcome = outcomes[index]!;
      if (outcome.failure || outcome.skipped) continue;
      const runDir = path.join(options.work, 'runs', slug(contender.label));
      fs.rmSync(runDir, { recursive: true, force: true });
      fs.mkdirSync(path.join(runDir, 'files'), { recursive: true });
      // The last run's dirty pages are written back before the clock starts, not during.
      execFileSync('sync');
      const result = await run(contender.argv(runDir), { limitSeconds: Math.ceil(options.limitSeconds), cwd: runDir });
      if (interrupted) throw new Error('interrupted');
      let failure: string | undefined;
      if (result.stopped && !options.stopAtLimit) failure = `timed out after ${Math.ceil(options.limitSeconds)} s`;
      else if (result.status !== 0 && !(result.stopped && options.stopAtLimit)) failure = `exit ${result.status}${result.firstStderrLine ? `: ${result.firstStderrLine}` : ''}`;
      else failure = await options.check(runDir, result, contender);
      fs.rmSync(runDir, { recursive: true, force: true });
      if (failure) {
        outcome.failure = failure;
        outcome.failedInRun = round + 1;
        log(`  round ${round + 1}/${options.rounds} ${contender.label}: FAILED (${failure})`);
        continue;
      }
      outcome.seconds.push(result.seconds);
      outcome.rssKiB.push(result.peakRssKiB);
      outcome.roundOf.push(round);
      log(`  round ${round + 1}/${options.rounds} ${contender.label}: ${result.seconds.toFixed(2)} s, peak RSS ${(result.peakRssKiB / 1024).toFixed(1)} MiB`);
    }
  }
  return outcomes;
}

export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function slug(label: string): string {
  return label.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'run';
}
