// Demo community standards (the 20 codes of the rules, in English and French), published
// version 1, and two demo readers' comments on the newest demo stories: a thread with a reply and
// a comment held for review. Idempotent, never in production.
import type { Core } from '@strapi/strapi';
import { shouldSeedDemo } from './seed-demo';
import { fingerprint, textHash } from '../plugins/comments/lib/detectors';
import { ACCEPTANCE, COMMENT, LOG, STANDARD, VERSION } from '../plugins/comments/server/uids';

type Action = 'remove' | 'remove-may' | 'edit' | 'block';
/** code, action, automatic, English title and rule, French title and rule. */
type Rule = [string, Action, boolean, string, string, string, string];

export const DEMO_STANDARDS: Rule[] = [
  ['off-topic', 'remove', false, 'Stay on the story', 'Comments discuss the story they sit under. Other subjects belong elsewhere.', 'Restez dans le sujet', "Les commentaires portent sur l'article qu'ils accompagnent ; les autres sujets ont leur place ailleurs."],
  ['hate', 'remove', false, 'No hatred or discrimination', 'Nothing that stirs up hatred of, or discriminates against, people for who they are: origin, religion, sex, sexuality, disability or age.', 'Ni haine ni discrimination', "Rien qui attise la haine ou la discrimination envers des personnes pour ce qu'elles sont : origine, religion, sexe, orientation, handicap ou âge."],
  ['minors', 'block', false, 'Protect children', 'Nothing that could harm minors, sexualises them or identifies a child in the news.', 'Protégez les enfants', "Rien qui puisse nuire aux mineurs, les sexualiser ou identifier un enfant dont parle l'actualité."],
  ['extremism', 'block', false, 'No extremism or calls for illegal acts', 'No extremist propaganda, and no calls to break the law or to use violence.', "Ni extrémisme ni appel à l'illégalité", "Pas de propagande extrémiste, ni d'appel à enfreindre la loi ou à la violence."],
  ['threats', 'remove', false, 'No insults or threats', 'Argue with ideas, not people: no insults, harassment or threats against anyone, readers and people in the news included.', "Ni insultes ni menaces", "Débattez des idées, pas des personnes : ni insulte, ni harcèlement, ni menace envers quiconque, lecteurs et personnes citées compris."],
  ['disrespect-outlet', 'remove', false, 'Respect the newsroom', 'Criticism of our journalism is welcome; abuse of our journalists and of the outlet is not. Corrections go to the corrections desk.', 'Respectez la rédaction', "La critique de notre travail est bienvenue, l'injure envers nos journalistes et le journal ne l'est pas. Les demandes de correction vont au service des corrections."],
  ['privacy', 'remove', false, 'Respect privacy', "No one's personal data: addresses, phone numbers, e-mail addresses, documents or private photos, yours included.", 'Respectez la vie privée', "Aucune donnée personnelle : adresses, numéros de téléphone, adresses électroniques, documents ou photos privées, les vôtres comprises."],
  ['violence-animals', 'remove', false, 'No violence or cruelty to animals', 'No descriptions or images of violence, and none of cruelty to animals.', 'Ni violence ni cruauté envers les animaux', "Aucune description ni image de violence, ni de cruauté envers les animaux."],
  ['suicide', 'remove', false, 'No suicide methods', 'Never describe ways to harm yourself. If you are struggling, please reach out to a helpline.', 'Aucune méthode de suicide', "Ne décrivez jamais de moyen de se faire du mal. Si vous traversez une période difficile, contactez une ligne d'écoute."],
  ['ads', 'remove', false, 'No advertising or political ads', 'No advertising, and no political advertising the law does not allow.', 'Ni publicité ni propagande électorale', "Pas de publicité, ni de publicité politique que la loi n'autorise pas."],
  ['promotion', 'remove', false, 'No unauthorised promotion', 'Do not promote businesses, products, people or causes on their behalf without our agreement.', 'Pas de promotion sans accord', "Ne faites pas la promotion d'entreprises, de produits, de personnes ou de causes sans notre accord."],
  ['profanity', 'remove', true, 'No profanity', 'Keep it clean: swearing and obscenities, however spelled, are removed.', 'Pas de grossièretés', "Restez correct : jurons et obscénités, quelle qu'en soit l'orthographe, sont retirés."],
  ['spam', 'remove', true, 'No spam or get-rich schemes', 'No spam, chain messages, link farms or promises of easy money.', 'Ni spam ni argent facile', "Ni spam, ni chaînes, ni liens en série, ni promesses d'argent facile."],
  ['narcotics', 'remove', false, 'No drug promotion', 'Do not promote or sell narcotics or other illegal substances.', 'Pas de promotion de drogues', "Ne faites pas la promotion ni le commerce de stupéfiants ou d'autres substances illicites."],
  ['malware', 'remove', true, 'No harmful links', 'No links to malware, phishing or other harmful sites.', 'Pas de liens dangereux', 'Aucun lien vers des logiciels malveillants, de l’hameçonnage ou d’autres sites dangereux.'],
  ['flash-mob', 'remove', true, 'No flash mobs', 'The same or nearly the same text posted from several accounts on one story is held and removed.', 'Pas de raids', "Un texte identique ou presque publié depuis plusieurs comptes sous un même article est retenu puis retiré."],
  ['flooding', 'remove', true, 'No flooding', 'Do not post many comments in a row or the same text again and again.', 'Pas de flood', 'Ne publiez pas de nombreux commentaires à la suite ni le même texte encore et encore.'],
  ['trolling', 'remove', false, 'No trolling', 'Do not post to provoke, derail the discussion or bait other readers.', 'Pas de trolls', 'Ne publiez pas pour provoquer, détourner la discussion ou piéger les autres lecteurs.'],
  ['language-rules', 'remove', true, 'Write in sentences', 'Write in sentences, with punctuation and without all capitals.', 'Écrivez des phrases', 'Écrivez des phrases ponctuées, sans tout mettre en majuscules.'],
  ['foreign-language', 'remove-may', true, "Write in the story's language", "Comments in another language than the story's may be removed.", "Écrivez dans la langue de l'article", "Les commentaires dans une autre langue que celle de l'article peuvent être retirés."],
];

async function ensureLocale(strapi: Core.Strapi, code: string, name: string) {
  const locales = strapi.plugin('i18n').service('locales');
  const all = (await locales.find()) as Array<{ code: string }>;
  if (!all.some((l) => l.code === code)) await locales.create({ code, name });
}

async function seedStandards(strapi: Core.Strapi) {
  await ensureLocale(strapi, 'fr', 'French (fr)');
  let position = 0;
  for (const [code, action, automatic, title, ruleText, titleFr, ruleTextFr] of DEMO_STANDARDS) {
    const doc = (await strapi.documents(STANDARD as never).create({ locale: 'en', data: { code, action, automatic, title, ruleText, position: position++ } as never } as never)) as unknown as { documentId: string };
    await strapi.documents(STANDARD as never).update({ documentId: doc.documentId, locale: 'fr', data: { code, action, automatic, title: titleFr, ruleText: ruleTextFr } as never } as never);
  }
  await strapi.documents(VERSION as never).create({ data: { version: 1, changeSummary: 'First version of the community standards.' } as never, status: 'published' } as never);
}

/** A confirmed demo reader (log in with DEMO_READER_PASSWORD below) who accepted the standards. */
async function demoReader(strapi: Core.Strapi, username: string, displayName: string): Promise<number> {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const email = `${username}@example.com`;
  const existing = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email } });
  const user =
    existing ??
    (await strapi.plugin('users-permissions').service('user').add({ username, email, password: DEMO_READER_PASSWORD, provider: 'local', confirmed: true, blocked: false, role: role?.id }));
  await strapi.plugin('accounts').service('readers').update(user.id, { displayName, acceptedPolicyVersion: 1 });
  await strapi.db.query(ACCEPTANCE).create({ data: { userId: user.id, version: 1, acceptedAt: new Date() } });
  return user.id as number;
}

export const DEMO_READER_PASSWORD = 'Demo-reader-2026';

async function seedComments(strapi: Core.Strapi, now: Date) {
  const articles = (await strapi.db.query('api::article.article').findMany({
    where: { publishedAt: { $notNull: true }, firstPublishedAt: { $notNull: true }, commentsEnabled: { $ne: false } },
    select: ['documentId', 'locale'],
    orderBy: { firstPublishedAt: 'desc' },
    limit: 2,
  })) as Array<{ documentId: string; locale: string }>;
  if (!articles.length) return;
  const ada = await demoReader(strapi, 'demo-reader', 'Ada Reader');
  const sam = await demoReader(strapi, 'demo-reader-2', 'Sam Neighbour');
  let minutes = 90;
  const create = async (article: { documentId: string; locale: string }, authorId: number, body: string, extra: Record<string, unknown> = {}) =>
    (await strapi.db.query(COMMENT).create({
      data: {
        articleDocumentId: article.documentId,
        locale: article.locale,
        authorId,
        body,
        status: 'approved',
        fingerprint: fingerprint(body),
        textHash: textHash(body),
        reportCount: 0,
        createdAt: new Date(now.getTime() - (minutes -= 10) * 60_000),
        ...extra,
      },
    })) as { id: number };
  const [first, second = articles[0]] = articles;
  const root = await create(first, ada, 'Thanks for the clear explanation.\nWill there be a follow-up once the details are known?');
  await create(first, sam, 'I hope so too. The second paragraph answered most of my questions, see https://example.org/background', { threadId: root.id, parentId: root.id });
  await create(second, ada, 'A good read; the photos tell the story as well as the text.');
  const heldBody = 'WHY DOES NOBODY TALK ABOUT THE REAL PROBLEM HERE';
  const held = await create(second, sam, heldBody, { status: 'pending', heldFor: ['language-rules'], score: 0.6 });
  await strapi.db.query(LOG).create({
    data: { commentId: held.id, userId: sam, action: 'auto-hold', code: 'language-rules', note: 'held for language-rules (demo)', actorType: 'system', actorId: 'detectors', actorName: 'automatic checks', at: now },
  });
}

export async function seedDemoComments(strapi: Core.Strapi, now = new Date()) {
  if (!shouldSeedDemo(strapi)) return;
  if ((await strapi.db.query(STANDARD).count({})) > 0) return;
  await seedStandards(strapi);
  await seedComments(strapi, now);
  strapi.log.info('Seeded the demo community standards (version 1) and demo comments.');
}
