// Admin side: the alerts list with counters, the composer's recipient count, and sending a free alert.
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { BREAKING } from '../../lib/subscription-input';
import type { AlertsService } from '../services/alerts';
import type { PushConfig } from '../config';
import { parse } from './subscriptions';

type Ctx = { request: { body?: unknown }; query: Record<string, unknown>; status: number; body: unknown };

const topic = z.string({ required_error: 'topic is required.' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `topic is "${BREAKING}" or a section slug.`).max(100);
const locale = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, 'locale must be a language tag such as "en".').nullable().optional();

const audienceInput = z.object({ topic, locale: z.preprocess((v) => (v === '' ? null : v), locale) });

const composeInput = z.object({
  title: z.string({ required_error: 'title is required.' }).trim().min(1, 'title is required.').max(120, 'title is at most 120 characters.'),
  body: z.string().trim().max(500, 'body is at most 500 characters.').default(''),
  url: z.preprocess((v) => (v === '' ? null : v), z.string().max(2048).regex(/^https?:\/\/\S+$/, 'url must be an http(s) URL.').nullable().optional()),
  topic,
  locale: z.preprocess((v) => (v === '' ? null : v), locale),
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('push').service('alerts') as AlertsService;
  return {
    async list(ctx: Ctx) {
      ctx.body = { data: await service().list() };
    },

    async topics(ctx: Ctx) {
      ctx.body = { data: await service().topics((strapi.config.get('plugin::push') as PushConfig).articles.sectionUid) };
    },

    async recipients(ctx: Ctx) {
      const { topic: t, locale: l } = parse(audienceInput, ctx.query);
      ctx.body = { data: { recipients: await service().recipients(t, l ?? null) } };
    },

    async create(ctx: Ctx) {
      const input = parse(composeInput, ctx.request.body ?? {});
      const alert = await service().compose({ title: input.title, body: input.body, url: input.url ?? null, topic: input.topic, locale: input.locale ?? null });
      ctx.status = 201;
      ctx.body = { data: alert };
    },
  };
};
