package org.presslens.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;

/**
 * {@code <output>/_run.json}: what a run read, kept and rejected, with its settings and timings. Documented
 * field by field in docs/tables.md.
 */
public record RunReport(
    String runId,
    String status,
    String startedAt,
    String finishedAt,
    Map<String, String> versions,
    JsonNode settings,
    List<InputSummary> inputs,
    Counts counts,
    DedupCounts dedup,
    List<StageMetrics> stages,
    Map<String, TableSummary> tables) {

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** One input: its files (listed in full up to {@link #MAX_LISTED_FILES}). */
  public record InputSummary(String name, List<String> paths, String format, long files, long bytes,
      List<String> fileList, boolean fileListTruncated) {}

  /** Reconciled counts: read = kept + rejected. */
  public record Counts(long read, long kept, long rejected, Map<String, Map<String, Long>> rejectedByStageAndReason,
      Map<String, Long> keptByDateStatus, long boilerplateLinesRemoved, Map<String, Map<String, Long>> byInput) {}

  /** What dedup found (null when dedup is off). */
  public record DedupCounts(long distinctTexts, long tooShortToShingle, long frequentShinglesDropped, int bands,
      int rows, long candidatePairs, long verifiedPairs, long clusters, long articlesInClusters,
      Map<String, Long> articlesByRelation) {}

  /**
   * A stage's row counts and wall time, and the partitions its persisted output holds (null for the dedup steps,
   * which keep their own RDD partitions).
   */
  public record StageMetrics(String stage, long recordsIn, long recordsOut, double seconds, Integer partitions) {}

  /** A written table. */
  public record TableSummary(String path, long rows, String grain) {}

  public static final int MAX_LISTED_FILES = 1000;

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static RunReport fromJson(String json) {
    try {
      return JSON.readValue(json, RunReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a run report: " + e.getOriginalMessage(), e);
    }
  }
}
