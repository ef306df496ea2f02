package vn.thanhhoa.opendata.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.core.Csv;
import vn.thanhhoa.opendata.core.PipelineConfig.AdminUnitsConfig;
import vn.thanhhoa.opendata.core.PipelineConfig.UnitList;

/** The unit lists of {@code conf/admin-units}, read as the pipeline reads them. */
public final class UnitLists {
  private UnitLists() {}

  /** The pipeline's units and crosswalk: {@code lists} and {@code crosswalk} in {@code folder}. */
  public static AdminUnits load(Path folder, List<UnitList> lists, String crosswalk) {
    return AdminUnits.load(new AdminUnitsConfig(folder, lists, crosswalk));
  }

  /** The header line of a list, fields joined by commas. */
  public static String header(Path file) {
    return String.join(",", records(file).get(0).fields());
  }

  /** The rows of a list by column name, values stripped, a blank value null. */
  public static List<Map<String, String>> rows(Path file) {
    List<Csv.Record> records = records(file);
    List<String> header = records.get(0).fields();
    List<Map<String, String>> rows = new ArrayList<>();
    for (Csv.Record rec : records.subList(1, records.size())) {
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String v = i < rec.fields().size() ? rec.fields().get(i).strip() : "";
        row.put(header.get(i), v.isEmpty() ? null : v);
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<Csv.Record> records(Path file) {
    try {
      return Csv.parse(Files.readString(file, StandardCharsets.UTF_8), ',');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
