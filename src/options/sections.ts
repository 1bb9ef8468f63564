import type { ComponentType } from 'preact';
import { t } from '../platform/i18n';
import { FollowUpsSection } from './sections/follow-ups/FollowUpsSection';
import { GeneralSection } from './sections/GeneralSection';
import { HistorySection } from './sections/history/HistorySection';
import { InsightsSection } from './sections/insights/InsightsSection';
import { RoutineSection } from './sections/RoutineSection';
import { YourDataSection } from './sections/your-data/YourDataSection';
import { SitesSection } from './sites/SitesSection';

/** The options page's sections, in nav order. Each owns its folder under sections/. */
export interface OptionsSection {
  id: string;
  title(): string;
  Component: ComponentType;
}

export const SECTIONS: readonly OptionsSection[] = [
  { id: 'general', title: () => t('optionsGeneral'), Component: GeneralSection },
  { id: 'routine', title: () => t('optionsRoutine'), Component: RoutineSection },
  { id: 'sites', title: () => t('optionsSites'), Component: SitesSection },
  { id: 'history', title: () => t('optionsHistory'), Component: HistorySection },
  { id: 'insights', title: () => t('optionsInsights'), Component: InsightsSection },
  { id: 'follow-ups', title: () => t('optionsFollowUps'), Component: FollowUpsSection },
  { id: 'your-data', title: () => t('optionsYourData'), Component: YourDataSection },
];
