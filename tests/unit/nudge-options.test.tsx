// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeliveryField } from '../../src/options/sections/DeliveryField';
import { MeetingNudgeFields } from '../../src/options/sections/MeetingNudgeFields';
import { minuteToTime, NudgeTimingFields, timeToMinute } from '../../src/options/sections/NudgeTimingFields';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';

afterEach(cleanup);

describe('working hours as times', () => {
  it.each([
    [0, '00:00'],
    [570, '09:30'],
    [1439, '23:59'],
  ])('%i ⇄ %s', (minute, time) => {
    expect(minuteToTime(minute)).toBe(time);
    expect(timeToMinute(time)).toBe(minute);
  });

  it('refuses what is not a time', () => {
    expect(timeToMinute('')).toBeUndefined();
    expect(timeToMinute('24:00')).toBeUndefined();
  });
});

describe('NudgeTimingFields', () => {
  it('turns working hours on and sets their end', () => {
    const update = vi.fn();
    render(<NudgeTimingFields settings={DEFAULT_SETTINGS} update={update} />);
    fireEvent.click(screen.getByLabelText('Nudge only during my working hours'));
    expect(update).toHaveBeenLastCalledWith({ workingHours: { ...DEFAULT_SETTINGS.workingHours, enabled: true } });
    const settings = { ...DEFAULT_SETTINGS, workingHours: { ...DEFAULT_SETTINGS.workingHours, enabled: true } };
    cleanup();
    render(<NudgeTimingFields settings={settings} update={update} />);
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '17:30' } });
    expect(update).toHaveBeenLastCalledWith({ workingHours: { ...settings.workingHours, endMinute: 17 * 60 + 30 } });
  });

  it('sets the cooldown, the tough streak and the support contact', () => {
    const update = vi.fn();
    render(<NudgeTimingFields settings={DEFAULT_SETTINGS} update={update} />);
    fireEvent.change(screen.getByLabelText('Minutes between two nudges'), { target: { value: '5' } });
    expect(update).toHaveBeenLastCalledWith({ cooldownMinutes: 5 });
    fireEvent.change(screen.getByLabelText(/after this many tough calls/), { target: { value: '4' } });
    expect(update).toHaveBeenLastCalledWith({ toughStreak: 4 });
    fireEvent.change(screen.getByLabelText(/Who you can talk to/), { target: { value: 'Maria' } });
    expect(update).toHaveBeenLastCalledWith({ supportContact: 'Maria' });
  });
});

describe('DeliveryField', () => {
  it.each([
    ['System notification', 'notification'],
    ['Open the reset window', 'window'],
  ])('picks %s', (label, delivery) => {
    const update = vi.fn();
    render(<DeliveryField settings={DEFAULT_SETTINGS} update={update} />);
    fireEvent.click(screen.getByLabelText(label));
    expect(update).toHaveBeenCalledWith({ delivery });
  });
});

describe('MeetingNudgeFields', () => {
  it('turns meeting nudges off, and sets the shortest meeting that gets one', () => {
    const update = vi.fn();
    render(<MeetingNudgeFields settings={DEFAULT_SETTINGS} update={update} />);
    const minutes = screen.getByLabelText('Only meetings of at least (minutes)') as HTMLInputElement;
    expect(minutes.value).toBe('5');
    fireEvent.change(minutes, { target: { value: '15' } });
    expect(update).toHaveBeenLastCalledWith({ meetingNudges: { enabled: true, minMinutes: 15 } });
    fireEvent.click(screen.getByLabelText('Nudge after meetings too (Google Meet, Zoom, Teams, Webex)'));
    expect(update).toHaveBeenLastCalledWith({ meetingNudges: { enabled: false, minMinutes: 5 } });
    cleanup();
    render(
      <MeetingNudgeFields
        settings={{ ...DEFAULT_SETTINGS, meetingNudges: { enabled: false, minMinutes: 5 } }}
        update={update}
      />,
    );
    expect((screen.getByLabelText('Only meetings of at least (minutes)') as HTMLInputElement).disabled).toBe(true);
  });
});
