package vn.thanhhoa.opendata.core;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructType;

/**
 * One published dataset as declared in {@code conf/datasets.yaml} (what it is) and {@code
 * schemas/datasets/<name>.yaml} (its columns): everything published about it is derived from this.
 * {@code transform} names the class of the transform package that builds its rows.
 */
public record DatasetSpec(
    String name,
    Text title,
    Text description,
    List<String> tags,
    List<String> groups,
    String frequency,
    String licenseId,
    String transform,
    List<String> sources,
    String grain,
    String grainVi,
    List<String> key,
    String partition,
    List<Column> columns)
    implements Serializable {

  public DatasetSpec {
    tags = List.copyOf(tags);
    sources = List.copyOf(sources);
    groups = List.copyOf(groups);
    key = List.copyOf(key);
    columns = List.copyOf(columns);
  }

  /** A text in Vietnamese and English. */
  public record Text(String vi, String en) implements Serializable {
    /** True when the Vietnamese text is there. */
    public boolean hasVi() {
      return vi != null && !vi.isBlank();
    }

    /** For people: the Vietnamese text, or the English one where no Vietnamese is declared. */
    public String forPeople() {
      return hasVi() ? vi : en;
    }
  }

  /** What one row stands for, for people ({@code grain_vi}) and for machines ({@code grain}). */
  public Text grainText() {
    return new Text(grainVi, grain);
  }

  /**
   * One published column: name, type, unit, Vietnamese label, English description (the data
   * dictionary's) and Vietnamese description (the people's pages and workbooks'), and the tests its
   * values must pass when the dataset is built: {@code required} (never null; implied for the key's
   * columns) and {@code adminUnitOn}, for a code of the unit list: the unit must be valid on the
   * month or date of the column it names, on a fixed {@code YYYY-MM-DD}, or {@code today}.
   */
  public record Column(
      String name,
      String type,
      String unit,
      String label,
      String description,
      String descriptionVi,
      Boolean required,
      String adminUnitOn)
      implements Serializable {
    private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+),(\\d+)\\)");

    /** {@code adminUnitOn} for the units valid now (those without an end date). */
    public static final String TODAY = "today";

    public Column {
      required = required != null && required;
    }

    /** The description for people ({@code description_vi}) and machines ({@code description}). */
    public Text descriptionText() {
      return new Text(descriptionVi, description);
    }

    public DataType sparkType() {
      Matcher decimal = DECIMAL.matcher(type);
      if (decimal.matches()) {
        return DataTypes.createDecimalType(
            Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)));
      }
      return switch (type) {
        case "string", "month" -> DataTypes.StringType;
        case "integer" -> DataTypes.LongType;
        case "boolean" -> DataTypes.BooleanType;
        case "date" -> DataTypes.DateType;
        case "timestamp" -> DataTypes.TimestampType;
        default -> throw new IllegalArgumentException("Unknown column type: " + type);
      };
    }

    /** Spark field metadata: the description travels into Parquet's file metadata. */
    public Metadata metadata() {
      MetadataBuilder m =
          new MetadataBuilder().putString("comment", description).putString("label", label);
      if (unit != null) {
        m.putString("unit", unit);
      }
      return m.build();
    }
  }

  /** The published schema, descriptions included. */
  public StructType schema() {
    StructType schema = new StructType();
    for (Column c : columns) {
      schema = schema.add(c.name(), c.sparkType(), true, c.metadata());
    }
    return schema;
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /** The columns that must never be null: the key's and those declared {@code required}. */
  public List<String> requiredColumns() {
    return columns.stream()
        .filter(c -> c.required() || key.contains(c.name()))
        .map(Column::name)
        .toList();
  }

  /** The columns declared as codes of the unit list ({@code admin_unit_on}). */
  public List<Column> unitCodes() {
    return columns.stream().filter(c -> c.adminUnitOn() != null).toList();
  }

  /** True when the dataset is a monthly series (it has a {@code period} column). */
  public boolean isMonthly() {
    return column("period").isPresent();
  }
}
