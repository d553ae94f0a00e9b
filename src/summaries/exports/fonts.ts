import { resolve } from 'node:path';

// DejaVu has every precomposed Vietnamese letter; embedding it makes the PDF read the same on
// any machine. Resolved from the working directory, which is the project root for the API,
// the worker and the tests alike.
const TTF_DIR = resolve(process.cwd(), 'node_modules/dejavu-fonts-ttf/ttf');

export const FONT_REGULAR = resolve(TTF_DIR, 'DejaVuSans.ttf');
export const FONT_BOLD = resolve(TTF_DIR, 'DejaVuSans-Bold.ttf');
export const FONT_ITALIC = resolve(TTF_DIR, 'DejaVuSans-Oblique.ttf');
