import { installMessagePrefilter } from './message-prefilter';

installMessagePrefilter(window);
