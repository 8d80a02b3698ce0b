package org.presslens.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.presslens.common.HadoopConf;

/**
 * Executor-side reading: turns a partition of files into a lazy stream of source-record rows, one file open
 * at a time, so memory does not grow with file size.
 */
final class ReadFiles implements FlatMapFunction<Iterator<FileContext>, Row> {
  private static final long serialVersionUID = 1L;
  private final Broadcast<HadoopConf> conf;

  ReadFiles(Broadcast<HadoopConf> conf) {
    this.conf = conf;
  }

  @Override
  public Iterator<Row> call(Iterator<FileContext> files) {
    return new RecordIterator(files, conf.value(), new ObjectMapper());
  }

  /** Chains the record sources of consecutive files. */
  static final class RecordIterator implements Iterator<Row> {
    private final Iterator<FileContext> files;
    private final HadoopConf conf;
    private final ObjectMapper mapper;
    private RecordSource current;
    private SourceRecord pending;

    RecordIterator(Iterator<FileContext> files, HadoopConf conf, ObjectMapper mapper) {
      this.files = files;
      this.conf = conf;
      this.mapper = mapper;
    }

    @Override
    public boolean hasNext() {
      try {
        while (pending == null) {
          if (current == null) {
            if (!files.hasNext()) {
              return false;
            }
            current = Readers.open(files.next(), conf.get(), mapper);
          }
          pending = current.next();
          if (pending == null) {
            current.close();
            current = null;
          }
        }
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      SourceRecord record = pending;
      pending = null;
      return SourceRecords.toRow(record);
    }
  }
}
