package vn.thanhhoa.opendata.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.core.ColumnSpec;
import vn.thanhhoa.opendata.core.SourceSchema;

/**
 * Places each valid record on the unit list valid at its date: a given code must exist on that
 * date; a blank code is resolved from the name (and the district, where the list has one).
 * Records that cannot be placed get the first unit rule they break; others pass unchanged
 * except that a resolved code fills the blank one. A pure transform of frames.
 */
public final class UnitResolution {
  private static final String UNIT_DATE = "_unit_date";
  private static final String FOUND = "_found_code";
  private static final String MATCHES = "_name_matches";
  private static final String MATCHED = "_name_code";
  private static final String NEW_RULE = "_new_rule";
  private static final String NEW_MESSAGE = "_new_message";
  private static final String NEW_COLUMN = "_new_column";
  private static final String NEW_CODE = "_new_code";

  private UnitResolution() {}

  public static Dataset<Row> apply(
      Dataset<Row> parsed, Dataset<Row> dimension, SourceSchema schema, LocalDate earliest) {
    SourceSchema.UnitSpec unit = schema.unit();
    Column open = col(ParsedRecords.KIND).equalTo(ParsedRecords.KIND_RECORD).and(col(ParsedRecords.RULE).isNull());
    Dataset<Row> dated = parsed.withColumn(UNIT_DATE, unitDate(schema));
    Dataset<Row> withCode = byCode(dated, dimension, unit.code());
    Dataset<Row> withName = unit.name() == null
        ? withCode.withColumn(MATCHES, lit(null).cast("long")).withColumn(MATCHED, lit(null).cast("string"))
        : byName(withCode, dimension, unit.code(), open);
    Column code = col(unit.code());
    Column dateText = date_format(col(UNIT_DATE), "yyyy-MM-dd");
    Column rule = when(not(open), col(ParsedRecords.RULE))
        .when(col(UNIT_DATE).lt(lit(earliest)), lit(Rules.UNIT_LIST_UNAVAILABLE))
        .when(code.isNotNull().and(col(FOUND).isNull()), lit(Rules.UNKNOWN_COMMUNE_CODE))
        .when(code.isNull().and(coalesce(col(MATCHES), lit(0L)).equalTo(0L)), lit(Rules.UNRESOLVED_COMMUNE_NAME))
        .when(code.isNull().and(col(MATCHES).gt(1L)), lit(Rules.AMBIGUOUS_COMMUNE_NAME));
    Column message = when(not(open), col(ParsedRecords.MESSAGE))
        .when(col(UNIT_DATE).lt(lit(earliest)), concat(lit("no unit list covers "), dateText,
            lit("; the earliest list starts on " + earliest)))
        .when(code.isNotNull().and(col(FOUND).isNull()), concat(lit(unit.code() + " "), code,
            lit(" is not in the unit list valid on "), dateText))
        .when(code.isNull(), concat(lit(nameMessageStart(unit)), coalesce(col(nameColumn(unit)), lit("")),
            lit("' on "), dateText, lit(": "), coalesce(col(MATCHES), lit(0L)).cast("string"),
            lit(" units match (district '"), coalesce(col(districtColumn(unit)), lit("")), lit("')")));
    // Every new value is computed from the old columns first, then swapped in.
    return withName
        .withColumn(NEW_RULE, rule)
        .withColumn(NEW_MESSAGE, when(rule.isNull(), lit(null).cast("string")).otherwise(message))
        .withColumn(NEW_COLUMN, when(open.and(rule.isNotNull()), lit(unit.code()))
            .otherwise(col(ParsedRecords.COLUMN)))
        .withColumn(NEW_CODE, when(rule.isNull().and(code.isNull()), col(MATCHED)).otherwise(code))
        .withColumn(ParsedRecords.RULE, col(NEW_RULE))
        .withColumn(ParsedRecords.MESSAGE, col(NEW_MESSAGE))
        .withColumn(ParsedRecords.COLUMN, col(NEW_COLUMN))
        .withColumn(unit.code(), col(NEW_CODE))
        .drop(NEW_RULE, NEW_MESSAGE, NEW_COLUMN, NEW_CODE)
        .drop(UNIT_DATE, FOUND, MATCHES, MATCHED);
  }

  private static String nameMessageStart(SourceSchema.UnitSpec unit) {
    return unit.code() + " is blank and resolving '";
  }

  private static String nameColumn(SourceSchema.UnitSpec unit) {
    return unit.name() == null ? unit.code() : unit.name();
  }

  private static String districtColumn(SourceSchema.UnitSpec unit) {
    return unit.district() == null ? nameColumn(unit) : unit.district();
  }

  /** The date a record's unit is looked up on: its day, or the first day of its month. */
  static Column unitDate(SourceSchema schema) {
    String date = schema.unit().date();
    boolean isMonth = schema.column(date).map(c -> c.type() == ColumnSpec.ColumnType.MONTH)
        .orElse(schema.derived().stream().anyMatch(d -> d.name().equals(date)
            && d.as() == SourceSchema.Derivation.MONTH));
    return isMonth ? to_date(concat(col(date), lit("-01"))) : col(date);
  }

  private static Dataset<Row> byCode(Dataset<Row> records, Dataset<Row> dimension, String codeColumn) {
    Dataset<Row> units = dimension.select(
        col(AdminUnits.CODE).as(FOUND), col(AdminUnits.VALID_FROM), col(AdminUnits.VALID_TO));
    Column on = col(codeColumn).equalTo(col(FOUND)).and(AdminUnits.validOn(col(UNIT_DATE)));
    return records.join(broadcast(units), on, "left_outer")
        .drop(AdminUnits.VALID_FROM, AdminUnits.VALID_TO);
  }

  /** Counts the units whose name (type, district) fits each record that has no code. */
  private static Dataset<Row> byName(
      Dataset<Row> records, Dataset<Row> dimension, String codeColumn, Column open) {
    Dataset<Row> blanks = records.filter(open.and(col(codeColumn).isNull()))
        .select(ParsedRecords.FILE, ParsedRecords.LINE, ParsedRecords.NAME_TYPE,
            ParsedRecords.NAME_BASE, ParsedRecords.DISTRICT_BASE, UNIT_DATE);
    Column fits = col(ParsedRecords.NAME_BASE).equalTo(col(AdminUnits.NAME_BASE))
        .and(AdminUnits.validOn(col(UNIT_DATE)))
        .and(col(ParsedRecords.NAME_TYPE).isNull().or(col(ParsedRecords.NAME_TYPE).equalTo(col(AdminUnits.TYPE))))
        .and(col(ParsedRecords.DISTRICT_BASE).isNull().or(col(AdminUnits.DISTRICT_BASE).isNull())
            .or(col(ParsedRecords.DISTRICT_BASE).equalTo(col(AdminUnits.DISTRICT_BASE))));
    Dataset<Row> matches = blanks.join(broadcast(dimension), fits, "left_outer")
        .groupBy(col(ParsedRecords.FILE).as("_m_file"), col(ParsedRecords.LINE).as("_m_line"))
        .agg(count(col(AdminUnits.CODE)).as(MATCHES), max(col(AdminUnits.CODE)).as(MATCHED));
    Column on = col(ParsedRecords.FILE).equalTo(col("_m_file")).and(col(ParsedRecords.LINE).equalTo(col("_m_line")));
    return records.join(broadcast(matches), on, "left_outer").drop("_m_file", "_m_line");
  }
}
