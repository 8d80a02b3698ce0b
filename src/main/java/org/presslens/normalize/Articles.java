package org.presslens.normalize;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/** The articles table: the clean corpus every later stage reads. */
public final class Articles {
  public static final String TABLE = "articles";
  public static final String GRAIN = "one row per accepted article";
  /** Partition column: date-sliced queries prune to the months they need. */
  public static final String PARTITION = "published_month";

  public static final String ARTICLE_ID = "article_id";
  public static final String INPUT_NAME = "input_name";
  public static final String SOURCE_ID = "source_id";
  public static final String OUTLET = "outlet";
  public static final String OUTLET_RAW = "outlet_raw";
  public static final String PUBLISHED_DATE = "published_date";
  public static final String DATE_RAW = "date_raw";
  public static final String DATE_STATUS = "date_status";
  public static final String TITLE = "title";
  public static final String TEXT = "text";
  public static final String URL = "url";
  public static final String WORD_COUNT = "word_count";
  public static final String PARAGRAPH_COUNT = "paragraph_count";
  public static final String BOILERPLATE_LINES_REMOVED = "boilerplate_lines_removed";
  public static final String TITLE_LINES_REMOVED = "title_lines_removed";
  public static final String TEXT_HASH = "text_hash";
  public static final String SOURCE_FILE = "source_file";
  public static final String SOURCE_POSITION = "source_position";
  public static final String SOURCE_FORMAT = "source_format";
  public static final String PUBLISHED_MONTH = PARTITION;

  public static final StructType SCHEMA = Schemas.struct(
      column(ARTICLE_ID, DataTypes.StringType, false,
          "Stable id: <input_name>:<source id>, or <input_name>:h<16 hex of SHA-256 of outlet, title, cleaned text> "
              + "when the source has no id"),
      column(INPUT_NAME, DataTypes.StringType, false, "Name of the input (archive) the article came from"),
      column(SOURCE_ID, DataTypes.StringType, true, "Id in the source (file path without extension for text files); "
          + "null when the source has none"),
      column(OUTLET, DataTypes.StringType, true,
          "Canonical outlet: case-folded name after the outlets.aliases map; null when unknown"),
      column(OUTLET_RAW, DataTypes.StringType, true, "Outlet name exactly as the source gives it"),
      column(PUBLISHED_DATE, DataTypes.DateType, true,
          "Publication date (calendar date as written in the source's own zone); null unless date_status is ok"),
      column(DATE_RAW, DataTypes.StringType, true, "Date as the source gives it (or the leading date line of a text file)"),
      column(DATE_STATUS, DataTypes.StringType, false,
          "ok, missing, unparsed, placeholder (year 0001), invalid (no such day), weekday_mismatch, out_of_range "
              + "(before dates.min or outside the input's dates_from/dates_to) or future"),
      column(TITLE, DataTypes.StringType, true, "Headline, whitespace-normalised; for text files the title line when "
          + "one is recognised"),
      column(TEXT, DataTypes.StringType, false,
          "Cleaned body: NFC, no control characters, paragraphs separated by a blank line, boilerplate and "
              + "repeated title lines removed"),
      column(URL, DataTypes.StringType, true, "Article URL when the source gives one"),
      column(WORD_COUNT, DataTypes.IntegerType, false, "Words in text (whitespace tokens with a letter or digit)"),
      column(PARAGRAPH_COUNT, DataTypes.IntegerType, false, "Paragraphs in text"),
      column(BOILERPLATE_LINES_REMOVED, DataTypes.IntegerType, false,
          "Lines removed as boilerplate: lines learnt per outlet (see the boilerplate table) and prompt lines at the "
              + "top and bottom of the text (boilerplate.prompts)"),
      column(TITLE_LINES_REMOVED, DataTypes.IntegerType, false, "Copies of the title removed from the top of the body"),
      column(TEXT_HASH, DataTypes.StringType, false, "SHA-256 (hex) of text: equal hashes mean identical cleaned text"),
      column(SOURCE_FILE, DataTypes.StringType, false, "File the article was read from (full URI)"),
      column(SOURCE_POSITION, DataTypes.LongType, false, "Position in the file (as rejects.position)"),
      column(SOURCE_FORMAT, DataTypes.StringType, false, "Format the file was read as: text, jsonl, json, csv, parquet"),
      column(PUBLISHED_MONTH, DataTypes.StringType, true,
          "Partition column: yyyy-MM of published_date (null partition when the date is unknown)"));

  private Articles() {}
}
