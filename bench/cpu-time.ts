import { existsSync, readFileSync } from 'node:fs';

/**
 * CPU seconds a process has used (Linux /proc; null elsewhere). Time on the CPU does not depend on
 * how many other processes wait for it, so it stays meaningful on a busy machine.
 */
export function cpuSeconds(pid: number | undefined): number | null {
  const file = `/proc/${String(pid)}/stat`;
  if (pid === undefined || !existsSync(file)) return null;
  // Fields after the command name: state is the 1st, utime the 12th, stime the 13th (in clock ticks).
  const fields = readFileSync(file, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks / 100 : null;
}
