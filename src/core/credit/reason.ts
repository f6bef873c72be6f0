/**
 * The core explains itself with codes and figures, never sentences: a text catalogue renders them
 * later in the reader's language. Reasons explain a decision; problems reject a configuration or
 * an input.
 */

export interface Reason {
  code: string;
  figures: Record<string, number | string>;
}

export interface Problem {
  code: string;
  params: Record<string, number | string>;
}
