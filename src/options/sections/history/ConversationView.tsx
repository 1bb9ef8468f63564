import { formatDuration } from '../../../format/duration';
import { formatCount, formatPercent } from '../../../format/figures';
import { type MessageKey, t } from '../../../platform/i18n';
import { type CallTalk, silenceShare, talkShare } from '../../../talk/conversation-figures';
import type { Speakers } from '../../../talk/talk-sample';

const SPAN_WORDS: Record<Speakers, MessageKey> = {
  0: 'talkSpanQuiet',
  1: 'talkSpanYou',
  2: 'talkSpanThem',
  3: 'talkSpanBoth',
};

const seconds = (s: number) => formatDuration(s * 1000);

/**
 * A call's conversation in plain words, and a small bar of who spoke when. Without figures it
 * says so: no signals is not silence.
 */
export function ConversationView({ talk }: { talk: CallTalk | undefined }) {
  if (!talk) return <p class="hint">{t('talkNone')}</p>;
  const f = talk.figures;
  const share = talkShare(f);
  const total = talk.timeline.reduce((sum, [, s]) => sum + s, 0);
  return (
    <div class="conversation">
      <ul class="plain">
        <li>{t('talkYouThem', [seconds(f.repTalkS), seconds(f.otherTalkS)])}</li>
        {share !== undefined && <li>{t('talkShare', formatPercent(share))}</li>}
        {f.overtalkS > 0 && <li>{t('talkOvertalk', seconds(f.overtalkS))}</li>}
        <li>{t('talkLongest', [seconds(f.longestOtherS), seconds(f.longestRepS)])}</li>
        <li>{t('talkSilence', formatPercent(silenceShare(f)))}</li>
        {f.loudMoments > 0 && <li>{t('talkLoud', formatCount(f.loudMoments))}</li>}
      </ul>
      {total > 0 && (
        <figure class="talk-timeline">
          <figcaption>{t('talkTimeline')}</figcaption>
          <div class="talk-bar">
            {talk.timeline.map(([speakers, s], i) => (
              <span
                key={i}
                class={`talk-span talk-${speakers}`}
                style={{ flexGrow: s }}
                title={`${t(SPAN_WORDS[speakers])} ${seconds(s)}`}
              />
            ))}
          </div>
          <p class="talk-legend" aria-hidden="true">
            {([1, 2, 3, 0] as const).map((speakers) => (
              <span key={speakers} class="talk-key">
                <span class={`talk-swatch talk-${speakers}`} />
                {t(SPAN_WORDS[speakers])}
              </span>
            ))}
          </p>
          <ol class="visually-hidden">
            {talk.timeline.map(([speakers, s], i) => (
              <li key={i}>{`${t(SPAN_WORDS[speakers])} ${seconds(s)}`}</li>
            ))}
          </ol>
        </figure>
      )}
    </div>
  );
}
