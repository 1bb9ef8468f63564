import { type WebrtcCallNotice, writeNotice } from '../../../src/page/webrtc-channel';

/** The line the hook writes for a notice (tests state notices as the objects they are read into). */
export function lineOf(notice: WebrtcCallNotice): string {
  if (notice.kind !== 'talk') return writeNotice(notice.kind === 'started' ? 's' : 'e', notice.id);
  const { id, r, o, rl, ol, q, sl, sd } = notice;
  const speech: [] | [number, number, number] =
    q === undefined || sl === undefined || sd === undefined ? [] : [q, sl, sd];
  return writeNotice('t', id, r, o, rl, ol, ...speech);
}
