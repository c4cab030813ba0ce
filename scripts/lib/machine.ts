/** The machine a benchmark ran on, printed with its figures: CPU model (os.cpus(), else lscpu) and core count. */
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';

export interface Machine {
  cpuModel: string;
  cores: number;
}

function lscpuModel(): string | null {
  try {
    const out = execFileSync('lscpu', { encoding: 'utf8', timeout: 2_000 });
    return /^Model name:\s*(.+)$/m.exec(out)?.[1]?.trim() ?? null;
  } catch {
    return null;
  }
}

export function machine(): Machine {
  const model = cpus()[0]?.model?.trim();
  return { cpuModel: model || lscpuModel() || 'unknown', cores: availableParallelism() };
}
