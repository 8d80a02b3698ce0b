package org.presslens.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A plain-text file holding one article. The id is the file's path below the input root without its
 * extension; outlet, url, date and title come from the manifest or the directory layout when configured.
 * A leading date line and a title line stay in the text, flagged for the normaliser to recognise.
 */
final class TextSource implements RecordSource {
  private final InputStream stream;
  private final FileContext file;
  private final Utf8 utf8 = new Utf8();
  private boolean done;

  TextSource(InputStream stream, FileContext file) {
    this.stream = stream;
    this.file = file;
  }

  @Override
  public SourceRecord next() throws IOException {
    if (done) {
      return null;
    }
    done = true;
    int limit = file.options().maxRecordBytes();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    try {
      int n;
      while ((n = stream.read(buffer)) > 0) {
        if (bytes.size() + n > limit) {
          bytes.write(buffer, 0, Math.max(0, limit - bytes.size()));
          return Readers.reject(file, 1, RejectReason.TOO_LONG, "text file larger than " + limit + " bytes",
              Utf8.lenient(bytes.toByteArray()));
        }
        bytes.write(buffer, 0, n);
      }
    } catch (IOException e) {
      return Readers.truncated(file, 1, e, Utf8.lenient(bytes.toByteArray()));
    }
    String text = utf8.decodeOrNull(bytes.toByteArray());
    if (text == null) {
      return Readers.reject(file, 1, RejectReason.INVALID_UTF8, "file is not valid UTF-8",
          Utf8.lenient(bytes.toByteArray()));
    }
    SourceRecord record = new SourceRecord(file, 1);
    record.sourceId = idFromPath(file.relativePath());
    record.text = text;
    record.headerInText = true;
    record.outlet = file.manifestOutlet() != null ? file.manifestOutlet() : outletFromDirectory();
    record.url = file.manifestUrl();
    record.dateRaw = file.manifestDate();
    record.title = file.manifestTitle();
    return record;
  }

  static String idFromPath(String relativePath) {
    String path = Format.stripCompression(relativePath.replace('\\', '/'));
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    return dot > slash + 1 ? path.substring(0, dot) : path;
  }

  private String outletFromDirectory() {
    int level = file.options().outletDirLevel();
    String[] parts = file.relativePath().replace('\\', '/').split("/");
    int directories = parts.length - 1;
    if (level > 0 && level <= directories) {
      return parts[level - 1];
    }
    if (level < 0 && -level <= directories) {
      return parts[directories + level];
    }
    return file.options().fixedOutlet();
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }
}
