import { createServer, connect, type Socket } from 'node:net';

export interface NetworkLink {
  /** The address to give the workstation instead of the server's. */
  url: string;
  /** The cable is pulled: open connections drop and new ones are refused at once. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/**
 * A TCP relay on 127.0.0.1 between one workstation and the server, so a test can take that one
 * workstation offline while others stay online.
 */
export async function startNetworkLink(serverUrl: string): Promise<NetworkLink> {
  const target = new URL(serverUrl);
  const open = new Set<Socket>();
  let up = true;
  const relay = createServer((client) => {
    if (!up) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const address = relay.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      up = false;
      for (const socket of open) socket.destroy();
    },
    restore() {
      up = true;
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => relay.close(() => resolve()));
    },
  };
}
