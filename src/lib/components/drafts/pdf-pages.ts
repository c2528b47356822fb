/**
 * PDF drafts drawn page by page with pdf.js, in the browser only. pdf.js parses in a worker, and
 * the page's policy allows workers from our own origin alone (svelte.config.js, worker-src
 * 'self'), so the worker is bundled by Vite as one of our assets rather than loaded from a CDN;
 * eval is off (isEvalSupported) because script-src has no 'unsafe-eval'. pdfjs-dist stays on
 * 4.9: 5.x needs a newer Node than the project's 20 (docs/TOOLCHAIN).
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';

/** Pages drawn at most: a brief is a few pages; a 300-page catalogue is read downloaded. */
export const PDF_PAGES_SHOWN = 30;

/** Opens the PDF at `url` (same origin: the session cookie goes along). */
export async function openPdf(url: string): Promise<PDFDocumentProxy> {
  const [pdfjs, worker] = await Promise.all([
    import('pdfjs-dist'),
    import('pdfjs-dist/build/pdf.worker.min.mjs?url')
  ]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return pdfjs.getDocument({ url, isEvalSupported: false }).promise;
}

/**
 * Draws `page` into `canvas` at the width it is shown, sharp on a high-density screen; the
 * canvas keeps the page's proportions, so pins placed as fractions land where they were put.
 */
export async function drawPage(
  page: PDFPageProxy,
  canvas: HTMLCanvasElement,
  cssWidth: number
): Promise<void> {
  const unit = page.getViewport({ scale: 1 });
  const scale = (cssWidth / unit.width) * (window.devicePixelRatio || 1);
  const viewport = page.getViewport({ scale });
  canvas.width = Math.round(viewport.width);
  canvas.height = Math.round(viewport.height);
  const context = canvas.getContext('2d');
  if (!context) return;
  await page.render({ canvasContext: context, viewport }).promise;
}
