// Files under /uploads that browsers could execute (HTML, SVG, ...) are served as attachments.
import { mustDownload } from '../lib/security/upload-disposition';

type Ctx = { path: string; status: number; set(name: string, value: string): void };

export default () => async (ctx: Ctx, next: () => Promise<unknown>) => {
  await next();
  if (!ctx.path.startsWith('/uploads/')) return;
  ctx.set('X-Content-Type-Options', 'nosniff');
  if (mustDownload(ctx.path)) {
    ctx.set('Content-Disposition', 'attachment');
    ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
  }
};
