import { describe, expect, it } from 'vitest';
import * as engine from './match-engine.ts';

describe('match-engine.ts', () => {
  it('exports the proposals only: the customer index is read from customer-index.ts', () => {
    expect(Object.keys(engine).sort()).toEqual(['proposeForBatch']);
  });
});
