import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FLEETING_MS, useFleeting } from './use-fleeting';

describe('useFleeting', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lets a confirmation go after a few seconds instead of keeping it for minutes', async () => {
    const notice: { key: string } | null = { key: 'copied' };
    const { result } = renderHook(({ value }) => useFleeting(value), { initialProps: { value: notice } });
    expect(result.current).toBe(notice);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(FLEETING_MS - 1);
    });
    expect(result.current).toBe(notice);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
    });
    expect(result.current).toBeNull();
  });

  it('shows a new confirmation again in full', async () => {
    const first = { key: 'copied' };
    const second = { key: 'copied' };
    const { result, rerender } = renderHook(({ value }) => useFleeting(value), { initialProps: { value: first } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(FLEETING_MS);
    });
    expect(result.current).toBeNull();
    rerender({ value: second });
    expect(result.current).toBe(second);
  });
});
