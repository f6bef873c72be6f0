/**
 * PNG of the diagram's SVG with resvg (WebAssembly: no native build). resvg sees no system fonts
 * here, so the document font's TTF files (`#render/fonts`) are handed to it; the WASM module is
 * initialised once per process.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { FONT_FILES } from '../fonts.ts';

const require = createRequire(import.meta.url);
let ready: Promise<Uint8Array[]> | null = null;

function prepare(): Promise<Uint8Array[]> {
  ready ??= (async () => {
    await initWasm(readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
    return Promise.all(
      [FONT_FILES.normal, FONT_FILES.bold, FONT_FILES.italics].map((file) => readFile(file)),
    );
  })();
  return ready;
}

/** `scale` 1.25 keeps the smallest text (10.5 px) readable; 2 is sharp enough to print. */
export async function svgToPng(svg: string, scale = 1.25): Promise<Uint8Array> {
  const fontBuffers = await prepare();
  const resvg = new Resvg(svg, {
    font: { fontBuffers, defaultFontFamily: 'Source Sans 3', loadSystemFonts: false },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
