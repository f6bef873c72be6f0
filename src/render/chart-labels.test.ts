import { describe, expect, it } from 'vitest';
import { categoryLabelSize, wrapLabel } from './chart-labels.ts';
import { textWidth } from './text-width.ts';

describe('chart category labels', () => {
  it('wraps between words, never inside one', () => {
    const lines = wrapLabel('Détaillant indépendant', 55, 9);
    expect(lines).toEqual(['Détaillant', 'indépendant']);
  });

  it('keeps a label on one line when it fits', () => {
    expect(wrapLabel('Grande distribution', 200, 9)).toEqual(['Grande distribution']);
    expect(wrapLabel('PME', 20, 9)).toEqual(['PME']);
  });

  it('counts an accented letter like its plain letter', () => {
    expect(textWidth('indépendant', 9)).toBeCloseTo(textWidth('independant', 9));
  });

  it('shortens with an ellipsis a word too wide for its slot, and the words beyond the last line', () => {
    const [word] = wrapLabel('Établissements', 40, 9);
    expect(word).toMatch(/^Établ\S*…$/u);
    expect(textWidth(word ?? '', 9)).toBeLessThanOrEqual(40);
    const lines = wrapLabel('un deux trois quatre cinq six', 30, 9, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
    for (const line of lines) expect(textWidth(line, 9)).toBeLessThanOrEqual(30);
  });
});

describe('category label size', () => {
  it('takes the largest size at which every word fits its slot', () => {
    expect(categoryLabelSize(['PME', 'Grossiste'], 80, [9, 8, 7])).toBe(9);
    const slot = textWidth('indépendant', 8.5);
    expect(categoryLabelSize(['Détaillant indépendant'], slot, [9, 8, 7])).toBe(8);
    expect(categoryLabelSize(['Établissements'], 10, [9, 8, 7])).toBe(7);
  });
});
