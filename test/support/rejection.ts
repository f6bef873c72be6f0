/** Expected import rejections: the DomainError a use case throws, or a failure if it did not. */
import { DomainError } from '#app/errors';

export async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the import was not rejected');
}
