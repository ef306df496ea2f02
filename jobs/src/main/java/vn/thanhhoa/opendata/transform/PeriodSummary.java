package vn.thanhhoa.opendata.transform;

import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How a dataset sums up each period of a staging table, kept between runs by {@link
 * PeriodSummaries}.
 *
 * @param of the summary per period of some staging rows
 * @param merge one summary per period from the union of summaries of row sets that share no {@code
 *     day}: what lets a night's new day update its month's summary instead of summing the month
 *     again
 * @param day the staging column (a date) the summary counts days of
 */
public record PeriodSummary(
    UnaryOperator<Dataset<Row>> of, UnaryOperator<Dataset<Row>> merge, String day) {}
