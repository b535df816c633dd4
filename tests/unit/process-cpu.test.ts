import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { cpuMs, cpuSpent, postgresProcesses, processTree, rssMiB } from "../../scripts/lib/process-cpu";

// The load test's CPU per request (scripts/load-test.ts) reads these.

describe("CPU and memory of local processes (/proc)", () => {
  it("reads the CPU time a process has spent, as the process itself counts it", async () => {
    // the child spins until it has used 100 ms of CPU by its own count, says how much, and waits
    const child = spawn(process.execPath, ["-e", `
      const used = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000; };
      while (used() < 100);
      console.log(used());
      setTimeout(() => {}, 3000);`]);
    try {
      const [line] = await once(child.stdout, "data");
      const own = Number(String(line));
      const read = cpuMs([child.pid!]).get(child.pid!)!;
      expect(own).toBeGreaterThanOrEqual(100);
      // /proc counts in 10 ms ticks, and the process reads its own before it writes
      expect(Math.abs(read - own)).toBeLessThanOrEqual(30);
    } finally {
      child.kill();
    }
  });

  it("counts a process that started between the readings from zero, and leaves out one that ended", () => {
    const before = new Map([[1, 500], [2, 100]]);
    const after = new Map([[1, 700], [3, 40]]);
    expect(cpuSpent(before, after)).toBe(240);
  });

  it("finds a process's children, and their memory", async () => {
    const child = spawn(process.execPath, ["-e", "console.log('ready'); setTimeout(() => {}, 3000)"]);
    await once(child.stdout, "data");
    try {
      expect(processTree(process.pid)).toContain(child.pid);
      expect(rssMiB([child.pid!])).toBeGreaterThan(5);
      expect(cpuMs([child.pid!, 2 ** 22 + 1]).size).toBe(1); // a pid that does not exist is left out
    } finally {
      child.kill();
    }
  });

  it("lists the processes named postgres, not others", async () => {
    // libuv sets the process's name (/proc/<pid>/comm) from its title, as PostgreSQL's backends show theirs
    const named = spawn(process.execPath, ["-e", "process.title = 'postgres: test'; console.log('ready'); setTimeout(() => {}, 3000)"]);
    try {
      await once(named.stdout, "data");
      expect(postgresProcesses()).toContain(named.pid);
      expect(postgresProcesses()).not.toContain(process.pid);
    } finally {
      named.kill();
    }
  });
});
