/**
 * What a job kind is: a handler that does its work in short steps, reporting progress and
 * saving a checkpoint after each, so that a run killed at any point resumes where the last
 * checkpoint left it and cancellation is seen between steps.
 */
import type { Role } from '#core/types';
import type { AppContext } from '../context.ts';

export interface JobRun<Payload, Checkpoint> {
  /** The company's context; its actor is the job (`job:<id>`), on behalf of who started it. */
  ctx: AppContext;
  job: { jobId: number; kind: string; companyId: string; attempt: number; createdBy: string };
  payload: Payload;
  /** The state saved by the last saveCheckpoint of an earlier run of this job, or null. */
  checkpoint: Checkpoint | null;
  /** Progress only (no checkpoint); `messageCode` is a catalogue key (jobs.progress.*). */
  reportProgress(
    done: number,
    total: number | null,
    messageCode?: string,
    params?: Record<string, unknown>,
  ): Promise<void>;
  /** The resume state, with the progress it stands for, in one statement. */
  saveCheckpoint(state: Checkpoint, progress?: { done: number; total: number | null }): Promise<void>;
  /** True once a cancel was requested (or the lease was lost): stop at the next step. */
  isCancelled(): boolean;
}

export type JobHandler<Payload, Checkpoint> = (run: JobRun<Payload, Checkpoint>) => Promise<unknown>;

export interface JobDefinition<Payload = unknown, Checkpoint = unknown> {
  kind: string;
  /** Who may start it by hand (HTTP, web); the CLI and schedules act for the company. */
  startableBy: readonly Role[];
  /** Checks and normalises a payload; throws a DomainError('invalid_input') when it is wrong. */
  parsePayload(payload: unknown): Payload;
  handler: JobHandler<Payload, Checkpoint>;
}

export function defineJob<Payload, Checkpoint>(
  kind: string,
  handler: JobHandler<Payload, Checkpoint>,
  options: { startableBy: readonly Role[]; parsePayload: (payload: unknown) => Payload },
): JobDefinition<Payload, Checkpoint> {
  return { kind, handler, ...options };
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds kinds of every payload and checkpoint type
export type AnyJobDefinition = JobDefinition<any, any>;

/** The job kinds a runner knows, by kind. */
export class JobRegistry {
  readonly #definitions = new Map<string, JobDefinition>();

  constructor(definitions: readonly AnyJobDefinition[]) {
    for (const definition of definitions) {
      if (this.#definitions.has(definition.kind))
        throw new Error(`job kind ${definition.kind} defined twice`);
      this.#definitions.set(definition.kind, definition);
    }
  }

  get(kind: string): JobDefinition | undefined {
    return this.#definitions.get(kind);
  }

  kinds(): string[] {
    return [...this.#definitions.keys()];
  }
}
