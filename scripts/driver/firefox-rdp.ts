/**
 * A minimal client for Firefox's DevTools remote protocol (the one about:debugging speaks):
 * length-prefixed JSON packets over TCP. WebDriver BiDi installs the add-on but will not open
 * or evaluate in moz-extension:// documents; this reaches them, as "Inspect" would.
 */
import net from 'node:net';

export interface RdpPacket {
  from?: string;
  type?: string;
  error?: string;
  message?: string;
  [key: string]: unknown;
}

export class RdpClient {
  private buffer = Buffer.alloc(0);
  private readonly packets: RdpPacket[] = [];
  private readonly listeners: Array<(packet: RdpPacket) => void> = [];
  private readonly waiters: Array<{ match(packet: RdpPacket): boolean; resolve(packet: RdpPacket): void }> = [];

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk) => this.receive(chunk));
  }

  static async connect(port: number, timeoutMs = 10_000): Promise<RdpClient> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const socket = await new Promise<net.Socket>((resolve, reject) => {
          const s = net.connect(port, '127.0.0.1', () => resolve(s));
          s.once('error', reject);
        });
        const client = new RdpClient(socket);
        await client.next((packet) => packet.from === 'root' && 'applicationType' in packet, timeoutMs);
        return client;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString());
      if (this.buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString()) as RdpPacket;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      for (const listener of this.listeners) listener(packet);
      if (packet.type === 'target-available-form' || packet.type === 'target-destroyed-form') continue;
      const waiter = this.waiters.find((candidate) => candidate.match(packet));
      if (waiter) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(packet);
      } else {
        this.packets.push(packet);
      }
    }
  }

  /** The next packet that matches, including one that already arrived. */
  next(match: (packet: RdpPacket) => boolean, timeoutMs = 10_000): Promise<RdpPacket> {
    const queued = this.packets.findIndex(match);
    if (queued >= 0) return Promise.resolve(this.packets.splice(queued, 1)[0] as RdpPacket);
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        const index = this.waiters.indexOf(waiter);
        if (index < 0) return;
        this.waiters.splice(index, 1);
        reject(new Error('no reply from Firefox over the remote protocol'));
      }, timeoutMs);
    });
  }

  /** Sees every packet (target events are only delivered here, never queued). */
  onPacket(listener: (packet: RdpPacket) => void): void {
    this.listeners.push(listener);
  }

  send(packet: { to: string; type: string; [key: string]: unknown }): void {
    const text = JSON.stringify(packet);
    this.socket.write(`${Buffer.byteLength(text)}:${text}`);
  }

  /** Sends a request and returns the actor's reply (throws on a protocol error). */
  async request(packet: { to: string; type: string; [key: string]: unknown }): Promise<RdpPacket> {
    const reply = this.next((candidate) => candidate.from === packet.to && candidate.type === undefined);
    this.send(packet);
    const answer = await reply;
    if (answer.error) throw new Error(`${packet.type}: ${answer.error} ${answer.message ?? ''}`);
    return answer;
  }

  close(): void {
    this.socket.end();
  }
}
