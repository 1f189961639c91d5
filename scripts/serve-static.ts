import { serveStatic } from '../e2e/support/static-server';

/** `npm run preview:demo`: the demo build as a static host would serve it. */
const folder = process.argv[2] ?? 'dist-demo';
const port = Number(process.env.PORT ?? 4173);
const server = await serveStatic(folder, port, process.env.HOST ?? '127.0.0.1');
console.log(`Serving ${folder} at ${server.url}`);
