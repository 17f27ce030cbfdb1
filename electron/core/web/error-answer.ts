// What a failed request answers: a full disk is 507 "the disk is full", a
// read-only one 503 "the data folder is read-only", each with the file it was
// about. Only what is truly unexpected is a 500.
import { httpStatusOf, shortProblem, StorageFailure } from '../storage/storage-failure';

export function errorAnswer(error: unknown): { status: number; body: { error: string; path?: string } } {
  if (error instanceof StorageFailure) return { status: httpStatusOf(error.fault), body: { error: shortProblem(error.fault), path: error.path } };
  return { status: 500, body: { error: `internal error: ${(error as Error | null)?.message ?? String(error)}` } };
}
