package vn.thanhhoa.opendata.transform;

import static vn.thanhhoa.opendata.testing.TinyProvince.payment;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.thanhhoa.opendata.testing.SparkTest;
import vn.thanhhoa.opendata.testing.TinyProvince;

/**
 * Small cells: no suppressed count can be recovered from a published total (the commune's accounts
 * in kinh-te-so-cap-xa) minus the published cells.
 */
class PaymentAccountsTest extends SparkTest {
  private static final StructType CELLS =
      new StructType()
          .add("period", DataTypes.StringType)
          .add("commune_code", DataTypes.StringType)
          .add("provider_type", DataTypes.StringType)
          .add("accounts_total", DataTypes.LongType)
          .add("accounts_total_suppressed", DataTypes.BooleanType);
  private static final StructType TOTALS =
      new StructType()
          .add("period", DataTypes.StringType)
          .add("commune_code", DataTypes.StringType)
          .add("accounts_total", DataTypes.LongType);

  static List<Row> payments() {
    return List.of(
        // 2025-06, Một = A + B: A's e-wallets (6) are small; A's banks (100), the smallest other
        // cell of the commune Một, are suppressed with them, or 306 − 200 − 100 would give 6.
        payment("2025-06", "00001", "bank", "Agribank", 100),
        payment("2025-06", "00001", "e_wallet", "MoMo", 6),
        payment("2025-06", "00002", "bank", "Agribank", 200),
        // 2025-07, Một: a naive total would reveal the 7: 547 − 500 − 40.
        payment("2025-07", "00001", "bank", "Agribank", 300),
        payment("2025-07", "00001", "bank", "BIDV", 200),
        payment("2025-07", "00001", "e_wallet", "MoMo", 7),
        payment("2025-07", "00001", "mobile_money", "Viettel Money", 40),
        // 2025-07, Ba: two small cells protect each other.
        payment("2025-07", "00003", "bank", "Agribank", 300),
        payment("2025-07", "00003", "e_wallet", "MoMo", 3),
        payment("2025-07", "00003", "mobile_money", "VNPT Money", 4),
        // 2025-07, Sáu: one small cell; its commune total is suppressed too.
        payment("2025-07", "00006", "bank", "Agribank", 5));
  }

  @Test
  void smallCellsAndTheirComplementsAreSuppressed() {
    Dataset<Row> reports =
        spark().createDataFrame(List.of(), TinyProvince.stagingSchema("commune-reports"));
    Dataset<Row> actual =
        PaymentAccounts.from(
                spark().createDataFrame(payments(), TinyProvince.stagingSchema("payment-accounts")),
                reports,
                TinyProvince.UNITS.dimension(spark()),
                10)
            .select(
                "period",
                "commune_code",
                "provider_type",
                "accounts_total",
                "accounts_total_suppressed");
    assertDataFrameNoOrderEquals(
        frame(
            CELLS,
            new Object[] {"2025-06", "00001", "bank", null, true},
            new Object[] {"2025-06", "00001", "e_wallet", null, true},
            new Object[] {"2025-06", "00002", "bank", 200L, false},
            new Object[] {"2025-07", "00001", "bank", 500L, false},
            new Object[] {"2025-07", "00001", "e_wallet", null, true},
            new Object[] {"2025-07", "00001", "mobile_money", null, true},
            new Object[] {"2025-07", "00003", "bank", 300L, false},
            new Object[] {"2025-07", "00003", "e_wallet", null, true},
            new Object[] {"2025-07", "00003", "mobile_money", null, true},
            new Object[] {"2025-07", "00006", "bank", null, true}),
        relaxed(actual));
  }

  @Test
  void theCommuneTotalsPublishedBesideThemRevealNoSingleCell() {
    Dataset<Row> totals =
        CommuneScorecardTest.scorecard(spark(), List.of(), payments())
            .select("period", "commune_code", "accounts_total");
    assertDataFrameNoOrderEquals(
        frame(
            TOTALS,
            new Object[] {"2025-06", "00001", 306L},
            new Object[] {"2025-06", "00003", null},
            new Object[] {"2025-06", "00006", null},
            new Object[] {"2025-07", "00001", 547L},
            new Object[] {"2025-07", "00003", 307L},
            new Object[] {"2025-07", "00006", null}),
        relaxed(totals));
  }
}
