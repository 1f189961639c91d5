import { writeFileSync } from 'node:fs';
import { openApiText } from '../src/server/openapi/document';

/** `npm run openapi`: writes the proxy's OpenAPI document to docs/openapi.json. */
const target = new URL('../docs/openapi.json', import.meta.url);
writeFileSync(target, openApiText());
process.stdout.write(`wrote ${target.pathname}\n`);
