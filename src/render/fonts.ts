/**
 * The document font: Source Sans 3 from the `source-sans` npm package (no download at run time).
 * The PDF standard 14 fonts lack U+202F, the narrow no-break space that Intl puts in French
 * numbers (« 1 234,56 € »); Source Sans has it, the euro sign and every French glyph, so the
 * formatted strings are printed as they are.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('source-sans/package.json')), 'TTF');

export const FONT_FAMILY = 'Sans';

export const FONT_FILES = {
  normal: join(FONT_DIR, 'SourceSans3-Regular.ttf'),
  bold: join(FONT_DIR, 'SourceSans3-Semibold.ttf'),
  italics: join(FONT_DIR, 'SourceSans3-It.ttf'),
  bolditalics: join(FONT_DIR, 'SourceSans3-SemiboldIt.ttf'),
} as const;
