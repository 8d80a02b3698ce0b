package org.presslens.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/** Opens a file through Hadoop's FileSystem (local, HDFS, S3, ...) and picks the reader for its format. */
public final class Readers {
  private Readers() {}

  /** A source for the file, or a one-record source holding an unreadable_file reject. */
  static RecordSource open(FileContext file, Configuration conf, ObjectMapper mapper) {
    InputStream in;
    try {
      in = decompressed(new Path(file.path()), conf);
    } catch (IOException | RuntimeException e) {
      SourceRecord reject = reject(file, 1, RejectReason.UNREADABLE_FILE, "cannot open: " + describe(e), null);
      return single(reject);
    }
    return switch (file.format()) {
      case JSONL -> new JsonLinesSource(in, file, mapper);
      case JSON -> new JsonSource(in, file, mapper);
      case CSV -> new CsvSource(in, file);
      case TEXT -> new TextSource(in, file);
      case PARQUET -> throw new IllegalArgumentException("parquet files are read by Spark, not by Readers");
    };
  }

  static InputStream decompressed(Path path, Configuration conf) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    InputStream raw = new BufferedInputStream(fs.open(path), 256 * 1024);
    String name = path.getName().toLowerCase(java.util.Locale.ROOT);
    try {
      if (name.endsWith(".gz")) {
        return new GZIPInputStream(raw, 64 * 1024);
      }
      CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
      return codec == null ? raw : codec.createInputStream(raw);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  static SourceRecord reject(FileContext file, long position, RejectReason reason, String message, String payload) {
    return SourceRecord.reject(file, position, reason, message,
        Payloads.cut(payload, file.options().maxPayloadChars()));
  }

  /** The reject for the unreadable rest of a file after an IO error part-way through. */
  static SourceRecord truncated(FileContext file, long position, IOException e, String partial) {
    String what = e instanceof EOFException ? "file ends early (truncated)" : "file is corrupt";
    return reject(file, position, RejectReason.TRUNCATED_FILE,
        what + " from record " + position + " on; earlier records were kept: " + describe(e), partial);
  }

  private static String describe(Exception e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static RecordSource single(SourceRecord record) {
    return new Single(record);
  }

  /** A source of exactly one (reject) record. */
  private static final class Single implements RecordSource {
    private SourceRecord record;

    Single(SourceRecord record) {
      this.record = record;
    }

    @Override
    public SourceRecord next() {
      SourceRecord next = record;
      record = null;
      return next;
    }

    @Override
    public void close() {}
  }
}
