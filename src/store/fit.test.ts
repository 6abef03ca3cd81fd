import { describe, expect, it } from 'vitest';
import { labelNames } from './fit.js';

describe('labelNames', () => {
  it('names a head in singular or plural, any case', () => {
    expect(labelNames('North Korean lumberjacks', 'lumberjacks')).toBe(true);
    expect(labelNames('a Lumberjack', 'lumberjacks')).toBe(true);
    expect(labelNames('loggers', 'logger')).toBe(true);
  });

  it('does not name a head that only begins another word, or one under 3 letters', () => {
    expect(labelNames('loggerheads', 'loggers')).toBe(false);
    expect(labelNames('construction workers', 'labourers')).toBe(false);
    expect(labelNames('ox', 'ox')).toBe(false);
  });
});
