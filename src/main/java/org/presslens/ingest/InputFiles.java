package org.presslens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.presslens.config.ConfigException;
import org.presslens.config.FieldMapping;
import org.presslens.config.InputSpec;

/**
 * Lists the files of an input on the driver: globs expanded, directories walked recursively, hidden files
 * (names starting with '.' or '_', such as _SUCCESS) skipped, each file's format decided. A path that
 * matches nothing is a configuration error, not an empty run.
 */
public final class InputFiles {
  private InputFiles() {}

  public static List<FileContext> list(Configuration conf, InputSpec spec, int maxPayloadChars) {
    ReadOptions options = options(spec, maxPayloadChars);
    Map<String, String[]> manifest = spec.manifest() == null ? Map.of() : Manifest.read(conf, spec, options);
    String manifestPath = spec.manifest() == null ? null : qualified(conf, spec.manifest());
    List<FileContext> files = new ArrayList<>();
    try {
      for (String pattern : spec.paths()) {
        Path path = new Path(pattern);
        FileSystem fs = path.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(path);
        if (matches == null || matches.length == 0) {
          throw new ConfigException("input '" + spec.name() + "': nothing matches path " + pattern);
        }
        for (FileStatus match : matches) {
          if (match.isDirectory()) {
            RemoteIterator<LocatedFileStatus> walk = fs.listFiles(match.getPath(), true);
            while (walk.hasNext()) {
              LocatedFileStatus status = walk.next();
              String relative = relative(match.getPath(), status.getPath());
              if (!hidden(relative) && !status.getPath().toString().equals(manifestPath)) {
                files.add(context(spec, options, status.getPath().toString(), relative, status.getLen(), manifest));
              }
            }
          } else if (!hidden(match.getPath().getName()) && !match.getPath().toString().equals(manifestPath)) {
            files.add(context(spec, options, match.getPath().toString(), match.getPath().getName(), match.getLen(),
                manifest));
          }
        }
      }
    } catch (IOException e) {
      throw new ConfigException("input '" + spec.name() + "': cannot list " + spec.paths() + ": " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing(FileContext::path));
    return files;
  }

  static ReadOptions options(InputSpec spec, int maxPayloadChars) {
    FieldMapping f = spec.fields();
    return new ReadOptions(
        FieldMapping.candidates(f.id(), FieldMapping.ID),
        FieldMapping.candidates(f.outlet(), FieldMapping.OUTLET),
        FieldMapping.candidates(f.date(), FieldMapping.DATE),
        FieldMapping.candidates(f.title(), FieldMapping.TITLE),
        FieldMapping.candidates(f.text(), FieldMapping.TEXT),
        FieldMapping.candidates(f.url(), FieldMapping.URL),
        spec.csvDelimiter().charAt(0), spec.outletDirLevel(), spec.outlet(),
        ReadOptions.DEFAULT_MAX_RECORD_BYTES, maxPayloadChars);
  }

  private static FileContext context(InputSpec spec, ReadOptions options, String path, String relative, long bytes,
      Map<String, String[]> manifest) {
    Format format = spec.format().equals("auto") ? Format.fromFileName(relative) : Format.parse(spec.format());
    String[] meta = manifest.get(relative);
    return new FileContext(spec.name(), path, relative, bytes, format, options,
        meta == null ? null : meta[0], meta == null ? null : meta[1], meta == null ? null : meta[2],
        meta == null ? null : meta[3]);
  }

  static String relative(Path root, Path file) {
    String rootPath = root.toUri().getPath();
    String filePath = file.toUri().getPath();
    String rel = filePath.startsWith(rootPath) ? filePath.substring(rootPath.length()) : file.getName();
    return rel.startsWith("/") ? rel.substring(1) : rel;
  }

  private static boolean hidden(String relative) {
    for (String part : relative.split("/")) {
      if (part.startsWith(".") || part.startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  private static String qualified(Configuration conf, String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(conf).makeQualified(p).toString();
    } catch (IOException e) {
      throw new ConfigException("manifest " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * A text input's manifest: CSV with a header holding {@code file} and the metadata columns, found through the
   * input's field mapping (by default outlet, url, date, title). A file is matched by its path below the input
   * root, or by a path that ends with it (manifests often hold paths from a parent directory), or by its bare
   * name; an ending shared by several entries matches none of them.
   */
  static final class Manifest {
    private Manifest() {}

    static Map<String, String[]> read(Configuration conf, InputSpec spec, ReadOptions options) {
      String where = "inputs '" + spec.name() + "' manifest " + spec.manifest();
      Map<String, String[]> entries = new HashMap<>();
      Map<String, String[]> endings = new HashMap<>();
      java.util.Set<String> ambiguous = new java.util.HashSet<>();
      try (InputStream in = Readers.decompressed(new Path(spec.manifest()), conf)) {
        CsvParser parser = new CsvParser(new LineReader(in, options.maxRecordBytes()), ',', options.maxRecordBytes());
        CsvParser.Row header = parser.next();
        if (header == null || header.problem() != null) {
          throw new ConfigException(where + ": missing or bad header");
        }
        List<String> names = header.fields().stream().map(String::trim).toList();
        int file = names.indexOf("file");
        if (file < 0) {
          throw new ConfigException(where + ": header must have a 'file' column: " + header.fields());
        }
        List<List<String>> columns = List.of(options.outletFields(), options.urlFields(), options.dateFields(),
            options.titleFields());
        for (CsvParser.Row row = parser.next(); row != null; row = parser.next()) {
          if (row.problem() != null || row.fields().size() != names.size()) {
            throw new ConfigException(where + ": bad row at line " + row.line()
                + (row.message() == null ? ": wrong number of fields" : ": " + row.message()));
          }
          String[] meta = new String[columns.size()];
          for (int i = 0; i < columns.size(); i++) {
            for (String candidate : columns.get(i)) {
              int at = names.indexOf(candidate);
              String value = at < 0 ? null : row.fields().get(at).trim();
              if (value != null && !value.isEmpty()) {
                meta[i] = value;
                break;
              }
            }
          }
          String path = row.fields().get(file).trim().replace('\\', '/');
          entries.put(path, meta);
          for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            String ending = path.substring(slash + 1);
            if (endings.put(ending, meta) != null) {
              ambiguous.add(ending);
            }
          }
        }
      } catch (IOException e) {
        throw new ConfigException(where + ": cannot read: " + e.getMessage(), e);
      }
      ambiguous.forEach(endings::remove);
      endings.forEach(entries::putIfAbsent);
      return entries;
    }
  }
}
