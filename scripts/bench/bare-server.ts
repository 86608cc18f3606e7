// The ceiling: a bare Node http server answering every request with the feed's exact bytes.
import fs from 'fs';
import http from 'http';

const body = fs.readFileSync(process.env.BENCH_BODY_FILE ?? '');
const headers = { 'Content-Type': process.env.BENCH_CONTENT_TYPE ?? 'application/json', 'Content-Length': String(body.length) };

const server = http.createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1', () => process.send?.({ type: 'ready' }));
// Never outlive the harness (Ctrl-C, crash).
process.on('disconnect', () => process.exit(0));
process.on('message', (message: { type: string; id?: number }) => {
  if (message.type === 'stats') process.send?.({ type: 'stats', id: message.id ?? 0, queries: 0, rss: process.memoryUsage().rss });
  else if (message.type === 'stop') process.exit(0);
});
