import { Pool, errors } from 'undici';
import { z } from 'zod';
import { UpstreamFailure, type UpstreamSend } from '../gateway/run-operation';
import type { UpstreamRequest } from '../providers/types';
import type { UpstreamLimits } from './config';

export interface UpstreamTarget {
  url: string;
  headers: Record<string, string>;
}

export interface Upstream {
  send: UpstreamSend;
  close: () => Promise<void>;
}

/**
 * The one way out to the provider: a keep-alive pool to a fixed origin, explicit timeouts, no
 * redirects, no retries, and a cap on the answer's size. Failures become catalogue codes with no
 * trace of the URL (which holds the instance token) or of the upstream's words.
 */
export function createUpstream(
  origin: string,
  target: (request: UpstreamRequest) => UpstreamTarget,
  limits: UpstreamLimits,
): Upstream {
  const pool = new Pool(origin, {
    connectTimeout: limits.connectTimeoutMs,
    headersTimeout: limits.headersTimeoutMs,
    bodyTimeout: limits.bodyTimeoutMs,
    connections: 32,
    pipelining: 1,
  });

  async function send(request: UpstreamRequest, signal?: AbortSignal) {
    const { url, headers } = target(request);
    const parsed = new URL(url);
    if (parsed.origin !== origin) throw new UpstreamFailure('UPSTREAM_UNAVAILABLE');
    // The client already left: nothing is sent on its behalf.
    if (signal?.aborted) throw new UpstreamFailure('UPSTREAM_UNAVAILABLE');
    try {
      const response = await pool.request({
        method: request.method,
        path: `${parsed.pathname}${parsed.search}`,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        // A read is cut off when its client goes. A POST that left is never cut off: the provider
        // may already be acting on it, and the guards count it as possibly done.
        ...(request.method === 'GET' && signal ? { signal } : {}),
      });
      const text = await readCapped(response.body, limits.maxResponseBytes);
      return { status: response.statusCode, body: parseJson(text) };
    } catch (error) {
      throw error instanceof UpstreamFailure ? error : new UpstreamFailure(failureCode(error));
    }
  }

  return { send, close: () => pool.close() };
}

async function readCapped(body: AsyncIterable<Uint8Array> & { destroy(): void }, cap: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > cap) {
      body.destroy();
      throw new UpstreamFailure('UPSTREAM_TOO_LARGE');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const systemErrorSchema = z.object({ code: z.string() });

function failureCode(error: unknown): UpstreamFailure['code'] {
  if (error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError) return 'UPSTREAM_TIMEOUT';
  if (error instanceof errors.ConnectTimeoutError) return 'UPSTREAM_UNAVAILABLE';
  if (error instanceof errors.SocketError || error instanceof errors.ResponseContentLengthMismatchError) {
    return 'UPSTREAM_RESET';
  }
  const code = systemErrorSchema.safeParse(error);
  if (code.success && ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'].includes(code.data.code)) return 'UPSTREAM_RESET';
  if (error instanceof errors.HTTPParserError) return 'PROVIDER_ERROR';
  return 'UPSTREAM_UNAVAILABLE';
}
