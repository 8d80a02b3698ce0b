package org.presslens.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.presslens.SparkTestSession;
import org.presslens.config.DedupSettings;
import org.presslens.normalize.Articles;
import scala.Tuple2;

/**
 * The signature filter on real articles it was not designed on: all 37,554 AllSides articles, LSH candidates with
 * the default filter and with a filter that keeps every pair, each verified on the shingle sets. The filter must
 * not lose a verified pair. Run: {@code mvn test -Pshared -Dtest=SignatureFilterEvaluationTest}.
 */
@Tag("shared")
class SignatureFilterEvaluationTest {
  @Test
  void losesNoVerifiedPairOnAllSides() {
    SparkSession spark = SparkTestSession.get();
    Dataset<Row> articles = spark.read().json("../shared/data/allsides_abp/articles-part-*.jsonl.gz")
        .filter(col("content_original").isNotNull())
        .select(col("ID").as(Articles.ARTICLE_ID), col("content_original").as(Articles.TEXT),
            sha2(col("content_original"), 256).as(Articles.TEXT_HASH),
            lit(null).cast(DataTypes.DateType).as(Articles.PUBLISHED_DATE),
            size(split(col("content_original"), "\\s+")).as(Articles.WORD_COUNT), col("source").as(Articles.OUTLET))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long n = articles.count();
    Dedup.Settings s = Dedup.Settings.of(DedupSettings.defaults());
    Partitioner partitioner = new HashPartitioner(8);
    JavaPairRDD<Long, Sketch> sketches = Dedup.scan(articles, s, Dedup.vocabulary(articles, n, s))
        .mapToPair(k -> new Tuple2<>(k.key, k)).partitionBy(partitioner).persist(StorageLevel.MEMORY_AND_DISK());
    int[] frequent = Dedup.frequentShingles(sketches.values(), s, n);
    VerifyPairs filtered = s.verifier(frequent);
    VerifyPairs unfiltered = new VerifyPairs(new Bands(new MinHasher(s.permutations(), s.seed()), s.lsh(), frequent,
        new SignatureFilter(s.permutations(), s.lsh().bands() * s.lsh().rows(), 0, 0)), s.rule(), Templates.NONE,
        s.shingleLabel());

    long[] candidates = new long[2];
    Set<String> kept = verified(Dedup.candidates(sketches, sketches, partitioner, 8, filtered, s)
        .collect(), candidates, 0);
    Set<String> all = verified(Dedup.candidates(sketches, sketches, partitioner, 8, unfiltered, s)
        .collect(), candidates, 1);
    System.out.printf("SIGNATURE FILTER on %d AllSides articles: candidates %d without the filter, %d with it; "
        + "verified pairs %d without, %d with%n", n, candidates[1], candidates[0], all.size(), kept.size());
    sketches.unpersist(false);
    articles.unpersist();

    assertThat(candidates[0]).as("the filter drops most LSH pairs").isLessThan(candidates[1] / 2);
    assertThat(all).as("real copies to lose").isNotEmpty();
    assertThat(kept).as("every verified pair survives the filter").isEqualTo(all);
  }

  private static Set<String> verified(java.util.List<Pair> pairs, long[] counts, int slot) {
    counts[slot] = pairs.size();
    return pairs.stream().filter(Pair::isDuplicate).map(p -> p.idA + " " + p.idB).collect(Collectors.toSet());
  }
}
