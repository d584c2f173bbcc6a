/**
 * Noto Sans for documents (charts as PNG and in PDFs): the files of the
 * @expo-google-fonts/noto-sans package, so no system font is ever needed or substituted.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const FILES = {
  regular: '400Regular/NotoSans_400Regular.ttf',
  bold: '700Bold/NotoSans_700Bold.ttf',
} as const;
export type Face = keyof typeof FILES;

let paths: Record<Face, string> | null = null;
let buffers: Record<Face, Buffer> | null = null;

export function notoSansPaths(): Record<Face, string> {
  if (!paths) {
    const require = createRequire(import.meta.url);
    paths = {
      regular: require.resolve(`@expo-google-fonts/noto-sans/${FILES.regular}`),
      bold: require.resolve(`@expo-google-fonts/noto-sans/${FILES.bold}`),
    };
  }
  return paths;
}

/** Read once per process; pdfkit embeds only the glyphs a document uses. */
export function notoSans(): Record<Face, Buffer> {
  if (!buffers) {
    const files = notoSansPaths();
    buffers = { regular: fs.readFileSync(files.regular), bold: fs.readFileSync(files.bold) };
  }
  return buffers;
}
