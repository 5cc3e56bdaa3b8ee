/**
 * Text of a PDF, for tests. pdf-parse (pdf.js) sets up its worker with a dynamic import(), which
 * Jest's module sandbox rejects without --experimental-vm-modules, so the PDF is parsed with the
 * pdf-parse v2 API in a plain Node child process that gets the PDF on stdin and answers JSON.
 */
import { execFile } from 'child_process';

export interface Parsed {
  text: string;
  pages: number;
  info: Record<string, unknown>;
}

const PARSE_SCRIPT = `
const { PDFParse } = require(process.argv[1]);
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo();
    process.stdout.write(JSON.stringify({ text: text.text, pages: text.total, info: info.info || {} }));
  } finally {
    await parser.destroy();
  }
});
`;

export const parsePdf = (pdf: Buffer): Promise<Parsed> =>
  new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', PARSE_SCRIPT, require.resolve('pdf-parse')],
      { maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`pdf-parse failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as Parsed);
      }
    );
    child.stdin?.end(pdf);
  });
