package vn.thanhhoa.opendata.transform;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Builds the rows of one published dataset. The dataset's entry in {@code conf/datasets.yaml} names
 * its transform ({@code transform: <class>}, a class of this package with a no-argument
 * constructor) and the staging tables it may read ({@code sources:}).
 */
public interface DatasetTransform {
  /** The dataset's rows; columns beyond those of its schema are dropped when it is published. */
  Dataset<Row> build(TransformInputs in);
}
