import { ApiError } from '../api.ts';

export function loginErrorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      const wait = error.retryAfterSeconds;
      const minutes = wait ? Math.max(1, Math.ceil(wait / 60)) : undefined;
      return `Too many failed attempts: sign-in is locked${minutes ? ` for about ${minutes} minute${minutes === 1 ? '' : 's'}` : ' for a while'}.`;
    }
    if (error.status === 401) return 'Wrong user name or password.';
    if (error.status === 0) return error.message;
    if (error.status === 403) return 'This sign-in was refused (wrong origin or role).';
    return error.message;
  }
  return 'Sign-in failed.';
}
