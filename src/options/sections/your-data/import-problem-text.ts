import type { ImportProblem } from '../../../db/export-format';
import { formatCount } from '../../../format/figures';
import { t } from '../../../platform/i18n';

/** One import problem in the rep's words, naming what is wrong and where in the file. */
export function importProblemText(problem: ImportProblem): string {
  switch (problem.code) {
    case 'too-large':
      return t('importTooLarge', formatCount(Math.ceil(problem.bytes / (1024 * 1024))));
    case 'not-json':
      return t('importNotJson', problem.detail);
    case 'not-export':
      return t('importNotExport');
    case 'wrong-version':
      return t('importWrongVersion', problem.version);
    case 'invalid':
      return t('importInvalid', [problem.where, problem.expected, problem.received]);
    case 'duplicate':
      return t('importDuplicate', [problem.where, problem.value]);
    case 'unknown-call':
      return t('importUnknownCall', [problem.where, String(problem.callId)]);
    case 'unknown-follow-up':
      return t('importUnknownFollowUp', [problem.where, String(problem.followUpId)]);
  }
}
