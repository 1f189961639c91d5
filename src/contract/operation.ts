import type { z } from 'zod/mini';

export const API_PREFIX = '/api/v1';

export interface OperationDefinition<Req extends z.core.$ZodType, Res extends z.core.$ZodType> {
  method: 'GET' | 'POST';
  path: string;
  request: Req;
  response: Res;
}

export function operation<Req extends z.core.$ZodType, Res extends z.core.$ZodType>(
  method: 'GET' | 'POST',
  path: string,
  request: Req,
  response: Res,
): OperationDefinition<Req, Res> {
  return { method, path: `${API_PREFIX}${path}`, request, response };
}
