import { gzipSync } from 'node:zlib';
import tar, { type Header } from 'tar-stream';

export type TarSpec = Partial<Header> & { name: string; data?: Buffer | string };

/** A tar built with tar-stream, hostile headers included (names with "..", links out, devices). */
export async function buildTar(specs: TarSpec[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pack.on('data', (c: unknown) => chunks.push(c as Buffer));
    pack.on('end', () => resolve(Buffer.concat(chunks)));
    pack.on('error', reject);
  });
  for (const { data, ...header } of specs) {
    const body = data === undefined ? Buffer.alloc(0) : Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
    await new Promise<void>((resolve, reject) => {
      pack.entry(header, body, (err?: Error | null) => (err ? reject(err) : resolve()));
    });
  }
  pack.finalize();
  return done;
}

export async function buildTarGz(specs: TarSpec[]): Promise<Buffer> {
  return gzipSync(await buildTar(specs));
}
