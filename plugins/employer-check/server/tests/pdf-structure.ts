/**
 * A small PDF reader for tests: enough of the syntax to read what pdfkit writes (a classic xref
 * table, no object streams) — objects, streams (Flate-inflated), content-stream operators,
 * ToUnicode CMaps and the structure tree. Pure; not a general PDF parser.
 */
import { inflateSync } from 'zlib';

export class Name {
  constructor(readonly name: string) {}
}
export class Ref {
  constructor(
    readonly num: number,
    readonly gen: number
  ) {}
}
export class Str {
  constructor(readonly bytes: Buffer) {}
  /** the string as text: UTF-16BE with a byte order mark, otherwise PDFDocEncoding (≈ Latin-1) */
  get text(): string {
    const b = this.bytes;
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      const swapped = Buffer.from(b.subarray(2));
      swapped.swap16();
      return swapped.toString('utf16le');
    }
    return b.toString('latin1');
  }
}
export class Op {
  constructor(readonly op: string) {}
}
export type Value = null | boolean | number | Name | Ref | Str | Value[] | Dict;
export interface Dict {
  [key: string]: Value;
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));

/** Reads values and operators from PDF syntax (object bodies and content streams alike). */
export class Lexer {
  constructor(
    readonly data: Buffer,
    public pos = 0
  ) {}

  private skipSpace(): void {
    const d = this.data;
    while (this.pos < d.length) {
      if (WHITESPACE.has(d[this.pos])) this.pos++;
      else if (d[this.pos] === 0x25) while (this.pos < d.length && d[this.pos] !== 0x0a) this.pos++;
      else break;
    }
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.data.length;
  }

  private word(): string {
    const start = this.pos;
    const d = this.data;
    while (this.pos < d.length && !WHITESPACE.has(d[this.pos]) && !DELIMITERS.has(d[this.pos])) {
      this.pos++;
    }
    return d.toString('latin1', start, this.pos);
  }

  private literal(): Str {
    const d = this.data;
    const out: number[] = [];
    let depth = 1;
    this.pos++;
    while (this.pos < d.length) {
      const c = d[this.pos++];
      if (c === 0x5c) {
        const e = d[this.pos++];
        const simple: Record<number, number> = {
          0x6e: 0x0a,
          0x72: 0x0d,
          0x74: 0x09,
          0x62: 0x08,
          0x66: 0x0c,
        };
        if (simple[e] !== undefined) out.push(simple[e]);
        else if (e >= 0x30 && e <= 0x37) {
          let octal = e - 0x30;
          for (let i = 0; i < 2 && d[this.pos] >= 0x30 && d[this.pos] <= 0x37; i++) {
            octal = octal * 8 + d[this.pos++] - 0x30;
          }
          out.push(octal & 0xff);
        } else if (e === 0x0d || e === 0x0a) {
          if (e === 0x0d && d[this.pos] === 0x0a) this.pos++;
        } else out.push(e);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (--depth === 0) break;
        out.push(c);
      } else out.push(c);
    }
    return new Str(Buffer.from(out));
  }

  /** The next value or operator; `null` keyword is null, end of data is undefined. */
  next(): Value | Op | undefined {
    this.skipSpace();
    const d = this.data;
    if (this.pos >= d.length) return undefined;
    const c = d[this.pos];
    if (c === 0x3c && d[this.pos + 1] === 0x3c) {
      this.pos += 2;
      const dict: Dict = {};
      for (;;) {
        this.skipSpace();
        if (d[this.pos] === 0x3e && d[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return dict;
        }
        const key = this.next();
        if (!(key instanceof Name)) throw new Error(`dictionary key expected at ${this.pos}`);
        dict[key.name] = this.value();
      }
    }
    if (c === 0x3c) {
      const end = d.indexOf(0x3e, this.pos);
      const hex = d.toString('latin1', this.pos + 1, end).replace(/\s/g, '');
      this.pos = end + 1;
      return new Str(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'));
    }
    if (c === 0x28) return this.literal();
    if (c === 0x5b) {
      this.pos++;
      const items: Value[] = [];
      for (;;) {
        this.skipSpace();
        if (d[this.pos] === 0x5d) {
          this.pos++;
          return items;
        }
        items.push(this.value());
      }
    }
    if (c === 0x2f) {
      this.pos++;
      return new Name(
        this.word().replace(/#([0-9a-f]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)))
      );
    }
    if (DELIMITERS.has(c)) throw new Error(`unexpected ${String.fromCharCode(c)} at ${this.pos}`);
    const word = this.word();
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      // an integer followed by "<int> R" is a reference
      const save = this.pos;
      if (/^\d+$/.test(word)) {
        this.skipSpace();
        const gen = this.word();
        this.skipSpace();
        if (/^\d+$/.test(gen) && this.word() === 'R') return new Ref(Number(word), Number(gen));
        this.pos = save;
      }
      return Number(word);
    }
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return new Op(word);
  }

  /** The next value; an operator here is an error. */
  value(): Value {
    const v = this.next();
    if (v === undefined || v instanceof Op) {
      throw new Error(`value expected at ${this.pos}, got ${v instanceof Op ? v.op : 'end'}`);
    }
    return v;
  }
}

export interface PdfObject {
  value: Value;
  /** decoded stream data (inflated when /FlateDecode) */
  stream?: Buffer;
}

export interface PdfFile {
  header: string;
  trailer: Dict;
  objects: Map<number, PdfObject>;
  /** follows references */
  resolve: (value: Value | undefined) => Value | undefined;
  dict: (value: Value | undefined) => Dict;
  stream: (value: Value | undefined) => Buffer;
}

/** Reads every object of a PDF through its (classic) cross-reference table. */
export const readPdf = (pdf: Buffer): PdfFile => {
  const tail = pdf.toString('latin1', Math.max(0, pdf.length - 64));
  const startXref = Number(/startxref\s+(\d+)/.exec(tail)?.[1]);
  const lexer = new Lexer(pdf, startXref);
  if ((lexer.next() as Op).op !== 'xref') throw new Error('classic xref table expected');
  const objects = new Map<number, PdfObject>();
  const offsets: [number, number][] = [];
  while (true) {
    const first = lexer.next();
    if (first instanceof Op) break; // "trailer"
    const count = lexer.value() as number;
    for (let i = 0; i < count; i++) {
      const offset = Number(lexer.next());
      lexer.next();
      const kind = (lexer.next() as Op).op;
      if (kind === 'n') offsets.push([(first as number) + i, offset]);
    }
  }
  const trailer = lexer.value() as Dict;

  for (const [num, offset] of offsets) {
    const body = new Lexer(pdf, offset);
    body.value();
    body.value();
    if ((body.next() as Op).op !== 'obj') throw new Error(`object ${num} expected at ${offset}`);
    const value = body.value();
    const after = body.next();
    const object: PdfObject = { value };
    if (after instanceof Op && after.op === 'stream') {
      let start = body.pos;
      if (pdf[start] === 0x0d) start++;
      if (pdf[start] === 0x0a) start++;
      const length = (value as Dict).Length as number;
      const raw = pdf.subarray(start, start + length);
      const filter = (value as Dict).Filter;
      object.stream =
        filter instanceof Name && filter.name === 'FlateDecode' ? inflateSync(raw) : raw;
    }
    objects.set(num, object);
  }

  const resolve = (value: Value | undefined): Value | undefined =>
    value instanceof Ref ? objects.get(value.num)?.value : value;
  const dict = (value: Value | undefined): Dict => {
    const resolved = resolve(value);
    if (!resolved || typeof resolved !== 'object' || Array.isArray(resolved)) {
      throw new Error('dictionary expected');
    }
    return resolved as Dict;
  };
  const stream = (value: Value | undefined): Buffer => {
    const data = value instanceof Ref ? objects.get(value.num)?.stream : undefined;
    if (!data) throw new Error('stream expected');
    return data;
  };
  return {
    header: pdf.toString('latin1', 0, pdf.indexOf(0x0a)),
    trailer,
    objects,
    resolve,
    dict,
    stream,
  };
};

export const nameOf = (value: Value | undefined): string | undefined =>
  value instanceof Name ? value.name : undefined;

export const asArray = (value: Value | undefined): Value[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];

/** Pages in order, following the page tree. */
export const pagesOf = (file: PdfFile): { ref: Ref; page: Dict }[] => {
  const out: { ref: Ref; page: Dict }[] = [];
  const walk = (ref: Value) => {
    const node = file.dict(ref);
    if (nameOf(node.Type) === 'Pages') asArray(node.Kids).forEach(walk);
    else out.push({ ref: ref as Ref, page: node });
  };
  walk(file.dict(file.trailer.Root).Pages);
  return out;
};

/** Code → Unicode text of a ToUnicode CMap (bfchar and bfrange, 2-byte codes). */
export const readToUnicode = (cmap: Buffer): Map<number, string> => {
  const map = new Map<number, string>();
  const lexer = new Lexer(cmap);
  const operands: (Value | Op)[] = [];
  const text = (s: Str) => new Str(Buffer.concat([Buffer.from([0xfe, 0xff]), s.bytes])).text;
  const code = (s: Str) => s.bytes.readUIntBE(0, s.bytes.length);
  for (let token = lexer.next(); token !== undefined; token = lexer.next()) {
    if (!(token instanceof Op)) {
      operands.push(token);
      continue;
    }
    if (token.op === 'endbfchar') {
      for (let i = 0; i + 1 < operands.length; i += 2) {
        map.set(code(operands[i] as Str), text(operands[i + 1] as Str));
      }
    } else if (token.op === 'endbfrange') {
      for (let i = 0; i + 2 < operands.length; i += 3) {
        const [low, high, target] = [operands[i], operands[i + 1], operands[i + 2]];
        for (let c = code(low as Str); c <= code(high as Str); c++) {
          const offset = c - code(low as Str);
          if (Array.isArray(target)) map.set(c, text(target[offset] as Str));
          else {
            const bytes = Buffer.from((target as Str).bytes);
            bytes.writeUInt16BE(bytes.readUInt16BE(bytes.length - 2) + offset, bytes.length - 2);
            map.set(c, text(new Str(bytes)));
          }
        }
      }
    }
    operands.length = 0;
  }
  return map;
};

/** One operator of a content stream with its operands. */
export interface ContentOp {
  op: string;
  operands: Value[];
}

export const readContent = (data: Buffer): ContentOp[] => {
  const lexer = new Lexer(data);
  const ops: ContentOp[] = [];
  let operands: Value[] = [];
  for (let token = lexer.next(); token !== undefined; token = lexer.next()) {
    if (token instanceof Op) {
      ops.push({ op: token.op, operands });
      operands = [];
    } else operands.push(token);
  }
  return ops;
};
