import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { toFlowError } from '../api/api-error';
import { ErrorAlert } from '../ui/error-alert';
import { Loading } from './loading';

export interface QueryViewProps<T> {
  query: UseQueryResult<T>;
  onStartOver: () => void;
  children: (data: T) => ReactNode;
}

/**
 * A read from the provider: a loading line, then the data. A failure is one sentence with "try again";
 * when an earlier answer is at hand it stays on screen under the failure.
 */
export function QueryView<T>({ query, onStartOver, children }: QueryViewProps<T>) {
  const failure = query.isError ? (
    <ErrorAlert error={toFlowError(query.error)} onRetry={() => void query.refetch()} onStartOver={onStartOver} />
  ) : null;
  if (query.data !== undefined) {
    return (
      <>
        {failure}
        {children(query.data)}
      </>
    );
  }
  return failure ?? <Loading />;
}
