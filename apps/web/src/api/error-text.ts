import { i18n } from '../i18n';
import { ApiError } from './client';

/** What to tell a person about a failed call: the API's own (Chinese) message when it sent one. */
export function errorText(error: unknown): string {
  const { t } = i18n.global;
  if (error instanceof ApiError) {
    if (error.code === 'network') return t('common.networkError');
    return error.message || t('common.unknownError', { code: error.code });
  }
  return t('common.unknownError', { code: error instanceof Error ? error.name : 'unknown' });
}
