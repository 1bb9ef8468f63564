// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openReboundDb, type ReboundDb } from '../../../src/db/schema';
import { FollowUpsView } from '../../../src/options/sections/follow-ups/FollowUpsSection';
import { FOLLOW_UPS, NOW } from '../db/history-fixture';

let db: ReboundDb;

beforeEach(async () => {
  db = openReboundDb(`follow-ups-view-${Math.random()}`);
  await db.followUps.bulkAdd(FOLLOW_UPS);
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

it('groups follow-ups as overdue, coming up and done; marking one done moves it', async () => {
  render(<FollowUpsView db={db} now={() => NOW} />);
  await screen.findByRole('heading', { name: 'Overdue (1)' });
  screen.getByRole('heading', { name: 'Coming up (1)' });
  screen.getByRole('heading', { name: 'Done (1)' });
  fireEvent.click(screen.getByRole('button', { name: 'Mark Dana at Contoso done' }));
  await screen.findByRole('heading', { name: 'Done (2)' });
  screen.getByText('Nothing overdue.');
  expect((await db.followUps.get(2))?.doneAt).toBe(NOW);
  fireEvent.click(screen.getByRole('button', { name: 'Reopen Dana at Contoso' }));
  await screen.findByRole('heading', { name: 'Overdue (1)' });
});
