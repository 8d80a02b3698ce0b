package org.presslens.ingest;

/**
 * One record as read from a source file, before normalisation: either the raw article fields or, when
 * {@link #rejectReason} is set, a record that could not be read (with its raw payload).
 */
public final class SourceRecord {
  String inputName;
  String sourceFile;
  long position;
  String format;
  String sourceId;
  String outlet;
  String dateRaw;
  String title;
  String text;
  String url;
  boolean headerInText;
  RejectReason rejectReason;
  String rejectMessage;
  String payload;

  SourceRecord(FileContext file, long position) {
    this.inputName = file.inputName();
    this.sourceFile = file.path();
    this.format = file.format().name().toLowerCase(java.util.Locale.ROOT);
    this.position = position;
  }

  static SourceRecord reject(FileContext file, long position, RejectReason reason, String message, String payload) {
    SourceRecord record = new SourceRecord(file, position);
    record.rejectReason = reason;
    record.rejectMessage = message;
    record.payload = payload;
    return record;
  }

  public boolean isReject() {
    return rejectReason != null;
  }

  public RejectReason rejectReason() {
    return rejectReason;
  }

  public String rejectMessage() {
    return rejectMessage;
  }

  public long position() {
    return position;
  }

  public String sourceId() {
    return sourceId;
  }

  public String outlet() {
    return outlet;
  }

  public String dateRaw() {
    return dateRaw;
  }

  public String title() {
    return title;
  }

  public String text() {
    return text;
  }

  public String url() {
    return url;
  }

  public String payload() {
    return payload;
  }

  public boolean headerInText() {
    return headerInText;
  }

  @Override
  public String toString() {
    return isReject() ? "reject[" + rejectReason + " @" + position + ": " + rejectMessage + "]"
        : "record[" + sourceId + " @" + position + ", outlet=" + outlet + ", date=" + dateRaw + ", title=" + title + "]";
  }
}
