// CPU time and memory of local processes, from /proc (Linux): for the load
// test's figures per request, which compare across hosts better than latency
// does (the two cores are full at 20 users, so requests per second follow
// the CPU a request costs).
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ, the unit of /proc/<pid>/stat: 100 on Linux (`getconf CLK_TCK`)

/** A process and its descendants (the server's primary and its workers). */
export function processTree(root: number): number[] {
  const pids: number[] = [];
  const visit = (pid: number) => {
    pids.push(pid);
    try {
      // each thread lists the children it started
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) visit(Number(child));
      }
    } catch {
      // ended
    }
  };
  visit(root);
  return pids;
}

/** Every process named postgres: the server's backends and its own workers (a database on this machine). */
export function postgresProcesses(): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("postgres");
      } catch {
        return false;
      }
    });
}

/** User + system CPU time per process in milliseconds (a process that has ended is left out). */
export function cpuMs(pids: number[]): Map<number, number> {
  const times = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // the fields after the command name, which may hold spaces and parentheses
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      times.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND);
    } catch {
      // ended
    }
  }
  return times;
}

/** CPU milliseconds spent between two readings, by processes present in the second (new ones from zero). */
export function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}

/** Resident memory of the processes in MiB. */
export function rssMiB(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
    } catch {
      // ended
    }
  }
  return total;
}
