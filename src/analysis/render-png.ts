import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

/** Where Debian and most Linux distributions keep DejaVu; elsewhere the system fonts serve. */
const dejaVuSans = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/**
 * Renders an SVG chart to PNG bytes at `scale` times its size. System fonts are loaded and
 * DejaVu Sans is the default family when present: without a font the renderer silently
 * drops every text element.
 */
export function renderPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: true,
      fontFiles: existsSync(dejaVuSans) ? [dejaVuSans] : [],
      defaultFontFamily: existsSync(dejaVuSans) ? 'DejaVu Sans' : undefined,
    },
  });
  return resvg.render().asPng();
}
