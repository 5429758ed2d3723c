import { describe, expect, it, vi } from 'vitest';
import { garbageHinter } from './garbage-hint';

const MB = 1024 * 1024;

describe('the garbage hints of long streams', () => {
  it('asks for a collection each step of bytes, never for a short stream', () => {
    const collect = vi.fn();
    const passed = garbageHinter({ step: 4 * MB, collect });
    for (let i = 0; i < 3; i++) passed(MB);
    expect(collect).not.toHaveBeenCalled();
    passed(MB);
    expect(collect).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 8; i++) passed(MB);
    expect(collect).toHaveBeenCalledTimes(3);
  });

  it('leaves out a collection asked for within the interval of the last, whichever stream asks', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const collect = vi.fn();
      const first = garbageHinter({ step: MB, minIntervalMs: 100, collect });
      const second = garbageHinter({ step: MB, minIntervalMs: 100, collect });
      vi.advanceTimersByTime(1000);
      first(MB);
      second(MB);
      expect(collect).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(150);
      second(MB);
      expect(collect).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves collections out while more streams than allowed are running; a stream quiet for a second is gone', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const collect = vi.fn();
      const streams = Array.from({ length: 3 }, () => garbageHinter({ step: MB, mostRunning: 2, collect }));
      vi.advanceTimersByTime(5000);
      for (const passed of streams) passed(MB / 2);
      streams[0]!(MB / 2);
      expect(collect).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1500);
      streams[0]!(MB / 2);
      streams[1]!(MB / 2);
      expect(collect).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
