package vn.thanhhoa.opendata.testing;

import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.ingest.StagingTables;

/**
 * A hand-made province for transform tests. Before 2025-07: A, B (district 001) and C, D, E, F
 * (district 002). After: Một = A + B (a merge of two), Ba = C + D + E + part of F (a merge of three
 * plus a part), Sáu = the rest of F. F is split; its figures go to Sáu, which reuses its code.
 */
public final class TinyProvince {
  static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  static final LocalDate TO = LocalDate.of(2025, 6, 30);
  static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

  public static final AdminUnits UNITS =
      new AdminUnits(
          List.of(
              pre("00001", "Xã A", "001"),
              pre("00002", "Xã B", "001"),
              pre("00003", "Xã C", "002"),
              pre("00004", "Xã D", "002"),
              pre("00005", "Xã E", "002"),
              pre("00006", "Xã F", "002"),
              post("00001", "Xã Một"),
              post("00003", "Xã Ba"),
              post("00006", "Xã Sáu")),
          List.of(
              edge("00001", "00001", false),
              edge("00002", "00001", false),
              edge("00003", "00003", false),
              edge("00004", "00003", false),
              edge("00005", "00003", false),
              edge("00006", "00003", true),
              edge("00006", "00006", true)));

  private TinyProvince() {}

  private static AdminUnits.Unit pre(String code, String name, String district) {
    return new AdminUnits.Unit(code, name, "xã", district, "Huyện " + district, FROM, TO);
  }

  private static AdminUnits.Unit post(String code, String name) {
    return new AdminUnits.Unit(code, name, "xã", null, null, REFORM, null);
  }

  private static AdminUnits.CrosswalkEdge edge(String from, String to, boolean split) {
    return new AdminUnits.CrosswalkEdge(
        from,
        "old " + from,
        "00" + from.charAt(4),
        "Huyện",
        to,
        "new " + to,
        split,
        split ? "part" : "whole",
        "test");
  }

  /** A staging row of {@code source} with the given values by column name, null elsewhere. */
  public static Row staging(String source, Map<String, Object> values) {
    StructType schema = stagingSchema(source);
    Object[] row = new Object[schema.size()];
    values.forEach((name, value) -> row[schema.fieldIndex(name)] = value);
    return RowFactory.create(row);
  }

  public static StructType stagingSchema(String source) {
    return StagingTables.schema(SourceSchema.load(Paths.get("schemas"), source));
  }

  /** A commune report with the counts that matter to the scorecard. */
  public static Row report(
      String period,
      String code,
      long population,
      long received,
      long onTime,
      String smartphonePct,
      boolean completed) {
    return staging(
        "commune-reports",
        Map.ofEntries(
            Map.entry("period", period),
            Map.entry("commune_code", code),
            Map.entry("submitted_at", Instant.parse(period + "-28T03:00:00Z")),
            Map.entry("population", population),
            Map.entry("households", population / 4),
            Map.entry("digital_teams", 2L),
            Map.entry("digital_team_members", 7L),
            Map.entry("online_dossiers_received", received),
            Map.entry("online_dossiers_on_time", onTime),
            Map.entry("smartphone_users_pct", new java.math.BigDecimal(smartphonePct).setScale(4)),
            Map.entry("fiber_households", population / 8),
            Map.entry("dt_completed", completed),
            Map.entry("source_file", "commune-reports/t.csv"),
            Map.entry("source_line", 2L)));
  }

  /** A provider's counts for a commune and month. */
  public static Row payment(String period, String code, String type, String provider, long total) {
    return staging(
        "payment-accounts",
        Map.of(
            "period",
            period,
            "commune_code",
            code,
            "provider_type",
            type,
            "provider_name",
            provider,
            "accounts_total",
            total,
            "accounts_opened",
            total / 10,
            "accounts_active",
            total / 2,
            "reported_at",
            Instant.parse(period + "-28T03:00:00Z"),
            "source_file",
            "payment-accounts/t.csv",
            "source_line",
            2L));
  }

  /** A listing seen on {@code day} from a seller in the commune. */
  public static Row listing(String day, String code, String listingId, String ocopCode) {
    LocalDate date = LocalDate.parse(day);
    return staging(
        "ocop-listings",
        Map.of(
            "listing_id",
            listingId,
            "ocop_code",
            ocopCode,
            "seller_commune_code",
            code,
            "crawled_at",
            Instant.parse(day + "T03:00:00Z"),
            "crawl_date",
            date,
            "period",
            day.substring(0, 7),
            "source_file",
            "ocop-listings/" + day + ".jsonl",
            "source_line",
            1L));
  }
}
