package org.presslens.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * Which source field (JSON key, dotted path into nested objects, CSV column or Parquet column) holds each
 * article attribute. A null entry means "the first of {@link #candidates} present in the record".
 */
public record FieldMapping(
    @JsonPropertyDescription("Source id field (default candidates: id, ID, article_id, uuid, doc_id, unit_id)")
    String id,
    @JsonPropertyDescription("Outlet name field (default candidates: outlet, source, publisher, media_name, site_name)")
    String outlet,
    @JsonPropertyDescription("Publication date field (default candidates: date, published_date, publish_date, published, pub_date, datetime, published_at)")
    String date,
    @JsonPropertyDescription("Headline field (default candidates: title, headline, article_title)")
    String title,
    @JsonPropertyDescription("Body text field (default candidates: text, body, content, article_content, content_original, maintext, article)")
    String text,
    @JsonPropertyDescription("Article URL field (default candidates: url, link, article_url)")
    String url) {

  public static final List<String> ID = List.of("id", "ID", "article_id", "uuid", "doc_id", "unit_id");
  public static final List<String> OUTLET = List.of("outlet", "source", "publisher", "media_name", "site_name");
  public static final List<String> DATE = List.of("date", "published_date", "publish_date", "published", "pub_date",
      "datetime", "published_at");
  public static final List<String> TITLE = List.of("title", "headline", "article_title");
  public static final List<String> TEXT = List.of("text", "body", "content", "article_content", "content_original",
      "maintext", "article");
  public static final List<String> URL = List.of("url", "link", "article_url");

  /** The field names to try, in order, for one attribute: the configured one alone, else the defaults. */
  public static List<String> candidates(String configured, List<String> defaults) {
    return configured == null ? defaults : List.of(configured);
  }
}
