package vn.thanhhoa.opendata.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.thanhhoa.opendata.core.AdminUnits;

/** {@code don-vi-hanh-chinh}: the crosswalk edges with both units' names and types. */
final class AdminUnitEdges implements DatasetTransform {
  @Override
  public Dataset<Row> build(TransformInputs in) {
    return from(in.spark(), in.units());
  }

  private static final StructType SCHEMA =
      new StructType()
          .add("old_commune_code", DataTypes.StringType)
          .add("old_commune_name", DataTypes.StringType)
          .add("old_commune_type", DataTypes.StringType)
          .add("old_district_code", DataTypes.StringType)
          .add("old_district_name", DataTypes.StringType)
          .add("commune_code_2025", DataTypes.StringType)
          .add("commune_name_2025", DataTypes.StringType)
          .add("commune_type_2025", DataTypes.StringType)
          .add("old_unit_split", DataTypes.BooleanType)
          .add("transfer", DataTypes.StringType)
          .add("figures_assigned", DataTypes.BooleanType)
          .add("legal_basis", DataTypes.StringType);

  static Dataset<Row> from(SparkSession spark, AdminUnits units) {
    Map<String, String> assigned = units.assignments();
    List<Row> rows = new ArrayList<>();
    for (AdminUnits.CrosswalkEdge e : units.crosswalk()) {
      rows.add(row(e, units, assigned));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  private static Row row(
      AdminUnits.CrosswalkEdge e, AdminUnits units, Map<String, String> assigned) {
    return RowFactory.create(
        e.oldCode(),
        e.oldName(),
        type(units, e.oldCode(), true),
        e.oldDistrictCode(),
        e.oldDistrictName(),
        e.newCode(),
        e.newName(),
        type(units, e.newCode(), false),
        e.oldUnitSplit(),
        e.transfer(),
        e.newCode().equals(assigned.get(e.oldCode())),
        e.legalBasis());
  }

  /** The type of the unit with {@code code} that ended at the reform, or that is valid today. */
  private static String type(AdminUnits units, String code, boolean ended) {
    return units.units().stream()
        .filter(u -> u.code().equals(code) && (u.validTo() != null) == ended)
        .findFirst()
        .map(AdminUnits.Unit::type)
        .orElse(null);
  }

  /** (unit_code, successor) for every edge of an old unit that was split. */
  public static Dataset<Row> splitEdges(SparkSession spark, AdminUnits units) {
    List<Row> rows = new ArrayList<>();
    units.crosswalk().stream()
        .filter(AdminUnits.CrosswalkEdge::oldUnitSplit)
        .forEach(e -> rows.add(RowFactory.create(e.oldCode(), e.newCode())));
    return spark.createDataFrame(
        rows,
        new StructType()
            .add("unit_code", DataTypes.StringType)
            .add("successor", DataTypes.StringType));
  }
}
