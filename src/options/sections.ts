import type { ComponentType } from 'preact';
import { t } from '../platform/i18n';
import { GeneralSection } from './sections/GeneralSection';
import { RoutineSection } from './sections/RoutineSection';
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
];
