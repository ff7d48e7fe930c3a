// lib: the one way an input file is read — regular files only (a FIFO, a device or a folder is refused
// without blocking), its size checked before reading and the read itself bounded, so /dev/zero, a FIFO or a
// /proc file that reports size 0 cannot hang the process or fill its memory.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Why a file could not be read; the message never quotes the file's contents. */
export class ReadError extends Error {
  /** Set when the file was refused for its size: the size it has. */
  readonly size: number | undefined;
  constructor(message: string, size?: number) {
    super(message);
    this.name = 'ReadError';
    this.size = size;
  }
}

/** The contents of a regular file of at most `maxBytes` bytes, as UTF-8 text. */
export function readRegularFile(path: string, maxBytes: number): string {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading does not wait for a writer (it is then refused below).
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new ReadError(reasonOf(e));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new ReadError(st.isDirectory() ? 'it is a folder' : 'not a regular file (a FIFO, socket or device)');
    if (st.size > maxBytes) throw new ReadError(`the file is ${st.size} bytes; the limit is ${maxBytes} bytes`, st.size);
    // Read what the size promised plus one byte: a file that grew, or a pseudo-file (/proc, /sys) reporting a
    // size it does not have, is refused instead of read without end.
    const buf = Buffer.alloc(st.size + 1);
    let got = 0;
    for (let n = 1; n > 0 && got < buf.length; got += n) n = readSync(fd, buf, got, buf.length - got, null);
    if (got > st.size) throw new ReadError('the file is longer than its size says (a /proc or /sys pseudo-file, or a file being written)');
    return buf.subarray(0, got).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function reasonOf(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return (e as NodeJS.ErrnoException).code ?? 'unreadable';
  }
}
