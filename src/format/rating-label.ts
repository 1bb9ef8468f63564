import type { CallRating } from '../messages/to-background';
import { t } from '../platform/i18n';

export function ratingLabel(rating: CallRating): string {
  switch (rating) {
    case 'fine':
      return t('ratingFine');
    case 'so-so':
      return t('ratingSoSo');
    case 'tough':
      return t('ratingTough');
  }
}
