/**
 * `loadLarge`: reads a large CSV, Arrow or Parquet source chunk by chunk into typed columns, reporting
 * progress (bytes, rows, a never-decreasing fraction) and a projected memory estimate as it goes. CSV
 * is decoded and parsed as it streams; Arrow and Parquet are read whole, then decoded. No DOM: the same
 * function runs in a Web Worker, on a page's main thread and in Node.
 */
import '../messages/cube.js';
import { ChisoError, diagnostic, fail } from '../errors.js';
import { builderFor, isNumberText, KNOWN_TYPES, TextBuilder, type ColumnBuilder } from './columns.js';
import { CsvStream } from './csv-stream.js';
import { columnBytes, estimateMemory, type DictionaryGuess } from './estimate.js';
import { isColumnType, isLargeFormat, LargeFormat, type ColumnType, type LargeLoadOptions, type LargeTable, type LoadProgress, type MemoryEstimate } from './types.js';

/** A source of bytes: an async iterable (a Node stream) or a web `ReadableStream`. */
export type ByteSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

async function* chunksOf(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (typeof (source as ReadableStream<Uint8Array>).getReader === 'function') {
    const reader = (source as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  yield* source as AsyncIterable<Uint8Array>;
}

/** Progress events that never go backwards and end with exactly one `fraction: 1`. */
class Progress {
  #last = 0;
  #done = false;
  constructor(private readonly onProgress: ((p: LoadProgress) => void) | undefined) {}
  report(p: Omit<LoadProgress, 'fraction'>, fraction: number): void {
    if (!this.onProgress || this.#done) return;
    this.#last = Math.max(this.#last, Math.min(fraction, 0.999));
    this.onProgress({ ...p, fraction: this.#last });
  }
  end(p: Omit<LoadProgress, 'fraction'>): void {
    if (this.#done) return;
    this.#done = true;
    this.onProgress?.({ ...p, fraction: 1 });
  }
}

function typeOf(name: string, options: LargeLoadOptions, sample: () => ColumnType): ColumnType {
  return options.types?.[name] ?? KNOWN_TYPES[name] ?? sample();
}

function finishTable(names: string[], builders: ColumnBuilder[], rows: number): LargeTable {
  const columns: LargeTable['columns'] = {};
  const types: LargeTable['types'] = {};
  let bytes = 0;
  names.forEach((name, i) => {
    const col = builders[i].finish();
    columns[name] = col;
    types[name] = builders[i].type;
    bytes += columnBytes(col);
  });
  return { rows, columns, types, bytes };
}

/**
 * The memory the whole table will take, from what the loader has seen: rows projected from the bytes
 * read, and each dictionary grown with the rows when its strings are mostly distinct (quotes, sources).
 */
function project(names: string[], builders: ColumnBuilder[], rows: number, bytesRead: number, totalBytes: number | null): MemoryEstimate | null {
  if (rows === 0) return null;
  const total = totalBytes !== null && bytesRead > 0 ? Math.max(rows, Math.round((rows * totalBytes) / bytesRead)) : rows;
  const scale = total / rows;
  const types: Record<string, ColumnType> = {};
  const dictionaries: Record<string, DictionaryGuess> = {};
  names.forEach((name, i) => {
    const b = builders[i];
    types[name] = b.type;
    if (b instanceof TextBuilder) {
      const distinct = b.dictionarySize / rows > 0.5 ? scale : 1;
      dictionaries[name] = { size: b.dictionarySize * distinct, chars: b.dictionaryChars * distinct };
    }
  });
  return estimateMemory(types, total, dictionaries);
}

async function loadCsv(source: ByteSource, options: LargeLoadOptions, file: string, progress: Progress): Promise<LargeTable> {
  const totalBytes = options.totalBytes ?? null;
  const decoder = new TextDecoder('utf-8');
  let names: string[] | null = null;
  let builders: ColumnBuilder[] = [];
  let pending: { cells: string[]; line: number }[] | null = [];
  let rows = 0;

  const add = (cells: string[], line: number) => {
    if (cells.length !== builders.length) fail('LOAD_LARGE_RAGGED_ROW', { file, row: line, found: cells.length, expected: builders.length }, { file, row: line });
    for (let j = 0; j < cells.length; j++) {
      if (!builders[j].push(cells[j])) {
        fail('LOAD_LARGE_NOT_A_NUMBER', { file, row: line, column: names![j], value: cells[j] }, { file, row: line, column: names![j] });
      }
    }
    rows++;
  };
  const decide = () => {
    // Column types from the first chunk's rows, then those rows are added.
    const sample = pending!;
    builders = names!.map((name, j) =>
      builderFor(typeOf(name, options, () => {
        let numbers = 0;
        for (const r of sample) {
          const t = r.cells[j];
          if (t === undefined || t === '') continue;
          if (!isNumberText(t)) return 'string';
          numbers++;
        }
        return numbers > 0 ? 'number' : 'string';
      })),
    );
    pending = null;
    for (const r of sample) add(r.cells, r.line);
  };
  const stream = new CsvStream(
    (cells, line) => {
      if (names === null) {
        names = cells;
        const seen = new Set<string>();
        for (const c of cells) {
          if (seen.has(c)) fail('LOAD_LARGE_DUPLICATE_COLUMN', { file, value: c }, { file, row: line, column: c });
          seen.add(c);
        }
        return;
      }
      if (pending) pending.push({ cells, line });
      else add(cells, line);
    },
    { delimiter: options.delimiter ?? ',', file },
  );

  let bytesRead = 0;
  let lastBreath = now();
  for await (const chunk of chunksOf(source)) {
    bytesRead += chunk.byteLength;
    stream.push(decoder.decode(chunk, { stream: true }));
    if (names !== null && pending) decide();
    const estimate = names ? project(names, builders, rows, bytesRead, totalBytes) : null;
    progress.report({ bytesRead, totalBytes, rows, estimate }, totalBytes ? bytesRead / totalBytes : 0);
    // Let the thread breathe (messages, frames) every few milliseconds of parsing, even when the
    // source is already in memory and its chunks arrive without waiting.
    if (now() - lastBreath > 8) {
      await new Promise<void>((r) => setTimeout(r, 0));
      lastBreath = now();
    }
  }
  stream.push(decoder.decode());
  stream.finish();
  if (names === null) fail('LOAD_LARGE_EMPTY', { file }, { file });
  if (pending) decide();
  const table = finishTable(names, builders, rows);
  progress.end({ bytesRead, totalBytes, rows, estimate: { rows, bytes: table.bytes } });
  return table;
}

async function readAll(source: ByteSource, options: LargeLoadOptions, progress: Progress): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let bytesRead = 0;
  const totalBytes = options.totalBytes ?? null;
  for await (const chunk of chunksOf(source)) {
    parts.push(chunk);
    bytesRead += chunk.byteLength;
    // Reading is most of the wait; decoding the last tenth.
    progress.report({ bytesRead, totalBytes, rows: 0, estimate: null }, totalBytes ? (0.9 * bytesRead) / totalBytes : 0);
  }
  const all = new Uint8Array(bytesRead);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.byteLength;
  }
  return all;
}

/** Column types of decoded values: a number (or bigint) in the first non-missing value makes a number column. */
function sampleType(values: ArrayLike<unknown>): ColumnType {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    return typeof v === 'number' || typeof v === 'bigint' ? 'number' : 'string';
  }
  return 'string';
}

function fillColumn(builder: ColumnBuilder, values: ArrayLike<unknown>, name: string, file: string, rowBase: number): void {
  for (let i = 0; i < values.length; i++) {
    if (!builder.pushValue(values[i])) {
      fail('LOAD_LARGE_NOT_A_NUMBER', { file, row: rowBase + i + 1, column: name, value: String(values[i]) }, { file, row: rowBase + i + 1, column: name });
    }
  }
}

async function loadArrow(source: ByteSource, options: LargeLoadOptions, file: string, progress: Progress): Promise<LargeTable> {
  const bytes = await readAll(source, options, progress);
  const { tableFromIPC } = await import('@uwdata/flechette');
  const t = tableFromIPC(bytes, { useBigInt: false });
  const names = t.schema.fields.map((f) => f.name);
  const builders = names.map((name) => {
    const values = t.getChild(name).toArray() as ArrayLike<unknown>;
    const b = builderFor(typeOf(name, options, () => sampleType(values)));
    fillColumn(b, values, name, file, 0);
    return b;
  });
  const table = finishTable(names, builders, t.numRows);
  progress.end({ bytesRead: bytes.byteLength, totalBytes: options.totalBytes ?? null, rows: table.rows, estimate: { rows: table.rows, bytes: table.bytes } });
  return table;
}

async function loadParquet(source: ByteSource, options: LargeLoadOptions, file: string, progress: Progress): Promise<LargeTable> {
  const bytes = await readAll(source, options, progress);
  const { parquetMetadata, parquetRead, parquetSchema } = await import('hyparquet');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const metadata = parquetMetadata(buffer);
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  const total = Number(metadata.num_rows);
  // Column chunks arrive row group by row group; keep them, then fill each column in row order.
  const chunks = new Map<string, { rowStart: number; data: ArrayLike<unknown> }[]>(names.map((n) => [n, []]));
  let decoded = 0;
  await parquetRead({
    file: buffer,
    metadata,
    onChunk: ({ columnName, columnData, rowStart, rowEnd }) => {
      chunks.get(columnName)?.push({ rowStart, data: columnData as ArrayLike<unknown> });
      decoded = Math.max(decoded, rowEnd);
      progress.report({ bytesRead: bytes.byteLength, totalBytes: options.totalBytes ?? null, rows: Math.min(decoded, total), estimate: null }, 0.9 + (0.1 * decoded) / Math.max(total, 1));
    },
  });
  const builders = names.map((name) => {
    const parts = chunks.get(name)!.sort((a, b) => a.rowStart - b.rowStart);
    const b = builderFor(typeOf(name, options, () => (parts.length ? sampleType(parts[0].data) : 'string')));
    let at = 0;
    for (const p of parts) {
      const data = p.data;
      const skip = at - p.rowStart; // chunks may overlap what is already there
      const keep = Math.min(data.length, total - p.rowStart);
      for (let i = Math.max(skip, 0); i < keep; i++) {
        if (!b.pushValue(data[i])) fail('LOAD_LARGE_NOT_A_NUMBER', { file, row: p.rowStart + i + 1, column: name, value: String(data[i]) }, { file, row: p.rowStart + i + 1, column: name });
      }
      at = Math.max(at, p.rowStart + keep);
    }
    return b;
  });
  const table = finishTable(names, builders, total);
  progress.end({ bytesRead: bytes.byteLength, totalBytes: options.totalBytes ?? null, rows: table.rows, estimate: { rows: table.rows, bytes: table.bytes } });
  return table;
}

/**
 * Loads a large source into typed columns. Throws a `ChisoError` naming file, row and column for a
 * ragged row, text in a number column, an unclosed quote or an unreadable file.
 */
export async function loadLarge(source: ByteSource, options: LargeLoadOptions = {}): Promise<LargeTable> {
  const file = options.file ?? 'input';
  const format = options.format ?? 'csv';
  if (!isLargeFormat(format)) fail('LOAD_LARGE_UNKNOWN_FORMAT', { value: String(format), allowed: Object.keys(LargeFormat).join(', ') }, { file });
  for (const [name, type] of Object.entries(options.types ?? {})) {
    if (!isColumnType(type)) fail('LOAD_LARGE_UNKNOWN_TYPE', { value: String(type), column: name, allowed: 'number, string' }, { file, column: name });
  }
  const progress = new Progress(options.onProgress);
  try {
    if (format === 'arrow') return await loadArrow(source, options, file, progress);
    if (format === 'parquet') return await loadParquet(source, options, file, progress);
    return await loadCsv(source, options, file, progress);
  } catch (e) {
    if (e instanceof ChisoError) throw e;
    throw new ChisoError(diagnostic('LOAD_LARGE_READ_FAILED', { file, detail: e instanceof Error ? e.message : String(e) }, { file }));
  }
}
