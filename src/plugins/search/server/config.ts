// Settings of the search plugin (config/plugins.ts → search.config) with their defaults.
export interface SearchPluginConfig {
  /** The content types the index reads, by uid. */
  articleUid: string;
  photoUid: string;
  sectionUid: string;
  tagUid: string;
  /** Seconds between passes of the retry queue for writes that failed to index. */
  retryEverySeconds: number;
}

export default {
  default: {
    articleUid: 'api::article.article',
    photoUid: 'api::photo.photo',
    sectionUid: 'api::section.section',
    tagUid: 'api::tag.tag',
    retryEverySeconds: 15,
  } satisfies SearchPluginConfig,
  validator(config: Partial<SearchPluginConfig>) {
    if (config.retryEverySeconds !== undefined && !(Number.isInteger(config.retryEverySeconds) && config.retryEverySeconds >= 1)) {
      throw new Error('search.retryEverySeconds must be a whole number of seconds, at least 1');
    }
  },
};
