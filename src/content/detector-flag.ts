/**
 * Set on the detector's own (isolated) global once it runs in a frame, so the background can
 * tell which frames of an open tab still need it. Pages cannot see the isolated world.
 */
export const DETECTOR_FLAG = '__reboundDetector';
