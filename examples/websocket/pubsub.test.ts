import { expect, test, vi } from 'vitest';
import { createMemoryPubSub } from './pubsub.ts';

/** Lets queued microtasks (the deliveries) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test('a message reaches every subscriber of its channel, and no other', async () => {
  const pubsub = createMemoryPubSub();
  const got: string[] = [];
  pubsub.subscribe('chat', (m) => got.push(`one ${m}`));
  pubsub.subscribe('chat', (m) => got.push(`two ${m}`));
  pubsub.subscribe('presence', (m) => got.push(`presence ${m}`));
  pubsub.publish('chat', 'hello');
  pubsub.publish('nobody-listens', 'lost');
  await settle();
  expect(got).toEqual(['one hello', 'two hello']);
});

test('delivery happens later, never inside publish(), and in order', async () => {
  const pubsub = createMemoryPubSub();
  const got: string[] = [];
  pubsub.subscribe('c', (m) => got.push(m));
  pubsub.publish('c', 'first');
  pubsub.publish('c', 'second');
  expect(got).toEqual([]);
  await settle();
  expect(got).toEqual(['first', 'second']);
});

test('unsubscribing stops delivery, even of a message already published', async () => {
  const pubsub = createMemoryPubSub();
  const got: string[] = [];
  const unsubscribe = pubsub.subscribe('c', (m) => got.push(m));
  pubsub.publish('c', 'in flight');
  unsubscribe();
  pubsub.publish('c', 'after');
  await settle();
  expect(got).toEqual([]);
});

test('a subscriber that throws is reported and does not stop the others', async () => {
  const onError = vi.fn();
  const pubsub = createMemoryPubSub(onError);
  const got: string[] = [];
  pubsub.subscribe('c', () => {
    throw new Error('broken subscriber');
  });
  pubsub.subscribe('c', (m) => got.push(m));
  pubsub.publish('c', 'still delivered');
  await settle();
  expect(got).toEqual(['still delivered']);
  expect(onError).toHaveBeenCalledWith(new Error('broken subscriber'), 'c');
});

test('after close() nothing is delivered and nothing subscribes', async () => {
  const pubsub = createMemoryPubSub();
  const got: string[] = [];
  pubsub.subscribe('c', (m) => got.push(m));
  await pubsub.close();
  pubsub.subscribe('c', (m) => got.push(m));
  pubsub.publish('c', 'too late');
  await settle();
  expect(got).toEqual([]);
});
