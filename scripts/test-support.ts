// Helpers shared by the Vitest and Playwright suites (never imported by the app).
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Child processes for tests that run the app's parts side by side (workers, the SMTP sink): each started from the
 * repository root and resolved once its output says `readyText`; `killAll` in afterAll.
 */
export function childProcesses(root: string) {
  const children: ChildProcess[] = [];
  return {
    start(args: string[], env: Record<string, string | undefined>, readyText: string): Promise<ChildProcess> {
      const child = spawn(process.execPath, args, {
        cwd: root,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      child.stderr!.on('data', (d) => process.stderr.write(`[${child.pid}] ${d}`));
      return new Promise((resolve, reject) => {
        child.stdout!.on('data', (d) => String(d).includes(readyText) && resolve(child));
        child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
      });
    },
    killAll: () => children.forEach((c) => c.kill('SIGKILL')),
  };
}
