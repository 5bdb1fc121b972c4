// csv-stream ships no types; this is the part of its API the parsers use.
declare module 'csv-stream' {
  import type { EventEmitter } from 'node:events';

  interface CsvStreamOptions {
    delimiter?: string;
    endLine?: string;
    columns?: string[];
    columnOffset?: number;
    escapeChar?: string;
    enclosedChar?: string;
  }

  interface CsvStream extends EventEmitter {
    write(chunk: Buffer, encoding?: BufferEncoding): boolean;
    end(chunk?: Buffer, encoding?: BufferEncoding): void;
  }

  export function createStream(options?: CsvStreamOptions): CsvStream;
}
