// What only a shared store meets: another instance writing between a
// request's check and its write (the behaviour both stores share is in
// examples/rest/note-store.test.ts and the notes API's tests).

import { expect } from 'vitest';
import { needs } from '../../tests/support/needs.ts';
import { whyRedisIsMissing } from '../../tests/support/redis.ts';
import { sharedRedisPerSuite } from '../../tests/support/redis-suite.ts';
import { RedisNoteStore } from './notes-redis.ts';

const redisTest = needs(whyRedisIsMissing());

redisTest.describe('a write over a note another request changed meanwhile', () => {
  const suite = sharedRedisPerSuite();

  const fields = (title: string) => ({ title, body: '' });

  redisTest.test(
    'is refused with 412 when this request read the note first; unread, the last write wins',
    async () => {
      // Two instances, each answering one request of the same token.
      const store = new RedisNoteStore(suite.redis, { maxTokens: 10, maxNotesPerToken: 10 });
      const setup = await store.scope('t');
      await setup.put('n', fields('first'));
      const checking = await store.scope('t');
      expect(await checking.get('n')).toEqual({ id: 'n', ...fields('first') });
      const other = await store.scope('t');
      expect(await other.put('n', fields('theirs'))).toBe(false);
      for (const write of [() => checking.put('n', fields('mine')), () => checking.delete('n')]) {
        await expect(write()).rejects.toMatchObject({ code: 'precondition-failed', status: 412 });
      }
      expect(await (await store.scope('t')).get('n')).toEqual({ id: 'n', ...fields('theirs') });
      // Read again, the same request may write: it now writes over what it saw.
      await checking.get('n');
      expect(await checking.put('n', fields('mine'))).toBe(false);
      // A note read as absent, created meanwhile, is not created over.
      const creating = await store.scope('t');
      expect(await creating.get('m')).toBeUndefined();
      await other.put('m', fields('theirs'));
      await expect(creating.put('m', fields('mine'))).rejects.toMatchObject({ status: 412 });
      const blind = await store.scope('t');
      expect(await blind.put('m', fields('blind'))).toBe(false);
      expect(await blind.get('m')).toEqual({ id: 'm', ...fields('blind') });
    },
  );
});
