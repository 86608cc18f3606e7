import type { Schema, Struct } from '@strapi/strapi';

export interface ArticleCorrection extends Struct.ComponentSchema {
  collectionName: 'components_article_corrections';
  info: {
    description: "A reader-visible note on a published story; its time is the story's update time";
    displayName: 'Correction or update';
    icon: 'pencil';
  };
  attributes: {
    at: Schema.Attribute.DateTime & Schema.Attribute.Required;
    kind: Schema.Attribute.Enumeration<
      ['correction', 'update', 'clarification']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'correction'>;
    text: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
  };
}

export interface ArticleFootnote extends Struct.ComponentSchema {
  collectionName: 'components_article_footnotes';
  info: {
    description: 'An editorial footnote such as a legal note';
    displayName: 'Footnote';
    icon: 'information';
  };
  attributes: {
    marker: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 8;
      }>;
    text: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
  };
}

export interface ArticleNoteSuppression extends Struct.ComponentSchema {
  collectionName: 'components_article_note_suppressions';
  info: {
    description: 'An entity note that must not appear on this story, and why';
    displayName: 'Suppressed entity note';
    icon: 'eyeStriked';
  };
  attributes: {
    entity: Schema.Attribute.Relation<
      'oneToOne',
      'api::entity-note.entity-note'
    >;
    reason: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
  };
}

export interface ArticleRelatedStoryLink extends Struct.ComponentSchema {
  collectionName: 'components_article_related_story_links';
  info: {
    description: 'An internal article or an external http(s) URL';
    displayName: 'Related story link';
    icon: 'link';
  };
  attributes: {
    article: Schema.Attribute.Relation<'oneToOne', 'api::article.article'>;
    label: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    thumbnail: Schema.Attribute.Relation<'oneToOne', 'api::photo.photo'>;
    titleOverride: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    url: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2048;
      }>;
  };
}

export interface BlocksExternalEmbed extends Struct.ComponentSchema {
  collectionName: 'components_blocks_external_embeds';
  info: {
    description: 'A post or video from another platform, by URL';
    displayName: 'External embed';
    icon: 'play';
  };
  attributes: {
    caption: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
    provider: Schema.Attribute.Enumeration<
      ['youtube', 'x', 'instagram', 'facebook', 'tiktok', 'vimeo', 'other']
    > &
      Schema.Attribute.DefaultTo<'other'>;
    url: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2048;
      }>;
  };
}

export interface BlocksMedia extends Struct.ComponentSchema {
  collectionName: 'components_blocks_media';
  info: {
    description: 'A video or audio clip in the story';
    displayName: 'Video or audio';
    icon: 'play';
  };
  attributes: {
    item: Schema.Attribute.Component<'media.media-item', false> &
      Schema.Attribute.Required;
  };
}

export interface BlocksPhotoEmbed extends Struct.ComponentSchema {
  collectionName: 'components_blocks_photo_embeds';
  info: {
    description: 'An inline photo; its caption can be overridden here';
    displayName: 'Photo';
    icon: 'picture';
  };
  attributes: {
    captionOverride: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
    photo: Schema.Attribute.Relation<'oneToOne', 'api::photo.photo'>;
  };
}

export interface BlocksQuote extends Struct.ComponentSchema {
  collectionName: 'components_blocks_quotes';
  info: {
    description: 'A pull quote';
    displayName: 'Quote';
    icon: 'quote';
  };
  attributes: {
    attribution: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    text: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
  };
}

export interface BlocksRelatedStory extends Struct.ComponentSchema {
  collectionName: 'components_blocks_related_storys';
  info: {
    description: 'A link to a related story inside the body';
    displayName: 'Related story';
    icon: 'link';
  };
  attributes: {
    link: Schema.Attribute.Component<'article.related-story-link', false> &
      Schema.Attribute.Required;
  };
}

export interface BlocksRichText extends Struct.ComponentSchema {
  collectionName: 'components_blocks_rich_texts';
  info: {
    description: 'Paragraphs of body text (Markdown)';
    displayName: 'Rich text';
    icon: 'align-left';
  };
  attributes: {
    body: Schema.Attribute.RichText & Schema.Attribute.Required;
  };
}

export interface EntityLocaleNote extends Struct.ComponentSchema {
  collectionName: 'components_entity_locale_notes';
  info: {
    description: 'Aliases (inflected forms too) and the note text for one site locale';
    displayName: 'Note in one language';
    icon: 'earth';
  };
  attributes: {
    aliases: Schema.Attribute.JSON;
    locale: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 20;
      }>;
    note: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
  };
}

export interface FeedRecommendedPick extends Struct.ComponentSchema {
  collectionName: 'components_feed_recommended_picks';
  info: {
    description: "One article in a Recommended list, in the editors' order, until it expires";
    displayName: 'Recommended pick';
    icon: 'star';
  };
  attributes: {
    article: Schema.Attribute.Relation<'oneToOne', 'api::article.article'>;
    expiresAt: Schema.Attribute.DateTime;
  };
}

export interface GalleryGalleryItem extends Struct.ComponentSchema {
  collectionName: 'components_gallery_gallery_items';
  info: {
    description: 'A photo in a gallery, with an optional caption for this gallery';
    displayName: 'Gallery item';
    icon: 'picture';
  };
  attributes: {
    captionOverride: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
    photo: Schema.Attribute.Relation<'oneToOne', 'api::photo.photo'>;
  };
}

export interface ListenLiveProgramme extends Struct.ComponentSchema {
  collectionName: 'components_listen_live_programmes';
  info: {
    description: 'A weekly slot: ISO weekday (1 = Monday \u2026 7 = Sunday), start and end in the newsroom time zone (SITE_TIME_ZONE)';
    displayName: 'Programme';
    icon: 'clock';
  };
  attributes: {
    end: Schema.Attribute.String & Schema.Attribute.Required;
    host: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    start: Schema.Attribute.String & Schema.Attribute.Required;
    title: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    weekday: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 7;
          min: 1;
        },
        number
      >;
  };
}

export interface ListenLiveStream extends Struct.ComponentSchema {
  collectionName: 'components_listen_live_streams';
  info: {
    description: 'One audio stream of the station (HLS or Icecast) and its MIME type';
    displayName: 'Stream';
    icon: 'volumeUp';
  };
  attributes: {
    mimeType: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    url: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2048;
      }>;
  };
}

export interface MediaMediaItem extends Struct.ComponentSchema {
  collectionName: 'components_media_media_items';
  info: {
    description: 'An embed from an allowed host (MEDIA_EMBED_HOSTS) or an uploaded file, with poster, caption and credit';
    displayName: 'Video or audio';
    icon: 'play';
  };
  attributes: {
    caption: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
    credit: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    embedUrl: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2048;
      }>;
    file: Schema.Attribute.Media<'videos' | 'audios'>;
    kind: Schema.Attribute.Enumeration<['video', 'audio']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'video'>;
    poster: Schema.Attribute.Media<'images'>;
  };
}

export interface MediaPhotoCredit extends Struct.ComponentSchema {
  collectionName: 'components_media_photo_credits';
  info: {
    description: 'Who took the photo and on what terms it may be used';
    displayName: 'Photo credit';
    icon: 'camera';
  };
  attributes: {
    agency: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    copyrightHolder: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    license: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    mayRedistribute: Schema.Attribute.Boolean &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<true>;
    photographer: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'article.correction': ArticleCorrection;
      'article.footnote': ArticleFootnote;
      'article.note-suppression': ArticleNoteSuppression;
      'article.related-story-link': ArticleRelatedStoryLink;
      'blocks.external-embed': BlocksExternalEmbed;
      'blocks.media': BlocksMedia;
      'blocks.photo-embed': BlocksPhotoEmbed;
      'blocks.quote': BlocksQuote;
      'blocks.related-story': BlocksRelatedStory;
      'blocks.rich-text': BlocksRichText;
      'entity.locale-note': EntityLocaleNote;
      'feed.recommended-pick': FeedRecommendedPick;
      'gallery.gallery-item': GalleryGalleryItem;
      'listen-live.programme': ListenLiveProgramme;
      'listen-live.stream': ListenLiveStream;
      'media.media-item': MediaMediaItem;
      'media.photo-credit': MediaPhotoCredit;
    }
  }
}
