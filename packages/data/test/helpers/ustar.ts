/**
 * A minimal ustar writer for tests: builds a tar archive in memory from (name, content) pairs, so a
 * 50,000-file aclImdb archive can be made without writing 50,000 files. Names must fit 100 bytes.
 */
export function ustar(entries: Iterable<{ name: string; content?: Buffer; dir?: boolean }>): Buffer {
  const blocks: Buffer[] = [];
  for (const { name, content = Buffer.alloc(0), dir = false } of entries) {
    const h = Buffer.alloc(512);
    if (Buffer.byteLength(name) > 100) throw new Error(`ustar: name too long: ${name}`);
    h.write(name, 0);
    h.write(dir ? '0000755\0' : '0000644\0', 100);
    h.write('0000000\0', 108);
    h.write('0000000\0', 116);
    h.write(`${content.length.toString(8).padStart(11, '0')}\0`, 124);
    h.write('14000000000\0', 136);
    h.write('        ', 148);
    h.write(dir ? '5' : '0', 156);
    h.write('ustar\0' + '00', 257);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(h, content, Buffer.alloc((512 - (content.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}
