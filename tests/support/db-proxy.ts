import { connect, createServer, type AddressInfo, type Server, type Socket } from "node:net";

// A TCP proxy between the app and PostgreSQL that plays the database's
// faults, so the shared test server itself is never stopped:
// - down(): an outage. Every connection is cut, new ones are refused.
// - stall(): a silent stall (a hung database host, a network path that drops
//   packets). Nothing is closed, nothing is forwarded either way: bytes wait
//   in the proxy, new connections are accepted and held. resume() forwards
//   what waited, as TCP does when a path heals.

type Link = { client: Socket; upstream: Socket | null };

export function databaseProxy(target: URL) {
  const links = new Set<Link>();
  let up = true;
  let stalled = false;

  const forward = (link: Link) => {
    if (!link.upstream) {
      link.upstream = connect(Number(target.port || 5432), target.hostname);
      link.upstream.on("error", () => drop(link)).on("close", () => drop(link));
    }
    link.client.pipe(link.upstream).pipe(link.client);
    link.client.resume();
  };
  const hold = (link: Link) => {
    link.client.unpipe();
    link.upstream?.unpipe();
    link.client.pause();
    link.upstream?.pause();
  };
  const drop = (link: Link) => {
    link.client.destroy();
    link.upstream?.destroy();
    links.delete(link);
  };

  const server: Server = createServer((client) => {
    if (!up) return client.destroy();
    const link: Link = { client, upstream: null };
    links.add(link);
    client.on("error", () => drop(link)).on("close", () => drop(link));
    if (stalled) client.pause();
    else forward(link);
  });

  return {
    // any free port: a fixed one in the ephemeral range can be held by an
    // outgoing connection (it failed CI once with EADDRINUSE)
    listen: () => new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port))),
    down: () => {
      up = false;
      for (const link of links) drop(link);
    },
    up: () => {
      up = true;
    },
    stall: () => {
      stalled = true;
      for (const link of links) hold(link);
    },
    resume: () => {
      stalled = false;
      for (const link of links) forward(link);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const link of links) drop(link);
        server.close(() => resolve());
      }),
  };
}

/** `url` with its host and port replaced by the proxy's. */
export function throughProxy(url: URL, port: number): string {
  const via = new URL(url.toString());
  via.hostname = "127.0.0.1";
  via.port = String(port);
  return via.toString();
}
