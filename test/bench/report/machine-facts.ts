/** The facts printed with every table: without them a number cannot be compared with another run. */
import { cpus, loadavg, release, totalmem, type } from 'node:os';

export interface MachineFacts {
  cpuModel: string;
  cpuCount: number;
  memoryGiB: number;
  node: string;
  os: string;
  /** 1, 5 and 15 minute load averages when the measurement started. */
  loadAverage: [number, number, number];
  /** ISO time when the measurement started. */
  date: string;
}

export function machineFacts(): MachineFacts {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cpuCount: cpus().length,
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    os: `${type()} ${release()} (${process.arch})`,
    loadAverage: [one, five, fifteen],
    date: new Date().toISOString(),
  };
}

/** One line for under a table heading. */
export function describeMachine(facts: MachineFacts, mode: string): string {
  const load = facts.loadAverage.map((n) => n.toFixed(2)).join(' / ');
  return (
    `Measured ${facts.date.slice(0, 16).replace('T', ' ')} UTC, ${mode} · ${facts.cpuCount} × ${facts.cpuModel}, ` +
    `${facts.memoryGiB} GiB · Node ${facts.node} · ${facts.os} · load average at start ${load} (1 / 5 / 15 min)`
  );
}
