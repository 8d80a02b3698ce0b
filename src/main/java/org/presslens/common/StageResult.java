package org.presslens.common;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** What a filtering stage returns: the rows it kept and the rows it rejected ({@link Rejects#SCHEMA}). */
public record StageResult(Dataset<Row> kept, Dataset<Row> rejected) {}
