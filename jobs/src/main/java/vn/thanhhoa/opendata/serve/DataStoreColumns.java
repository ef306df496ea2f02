package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The columns datastore_search returns, as indexes into the table or {@link #ID} for CKAN's row
 * number {@code _id}, and the fields and records it shows for them.
 */
final class DataStoreColumns {
  /** The row number CKAN adds to every table, counted from 1. */
  static final DataStoreTable.Field ID_FIELD = new DataStoreTable.Field("_id", "int", null, null);

  /**
   * Stands for {@code _id} in a list of column indexes (neither an index nor {@code NO_COLUMN}).
   */
  static final int ID = -2;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DataStoreColumns() {}

  /**
   * The columns to return, in order: {@code _id} and then every column when {@code fields} is
   * empty, else exactly the fields named, in the order named (a repeated name once), {@code _id}
   * only when named. An unknown name is refused as CKAN refuses it.
   */
  static List<Integer> columns(DataStoreTable table, List<String> fields) {
    List<Integer> columns = new ArrayList<>();
    if (fields.isEmpty()) {
      columns.add(ID);
      for (int i = 0; i < table.fields.size(); i++) {
        columns.add(i);
      }
      return columns;
    }
    for (String f : new LinkedHashSet<>(fields)) {
      int c = f.equals(ID_FIELD.id()) ? ID : table.column(f);
      if (c == DataStoreTable.NO_COLUMN) {
        throw ActionError.validation("fields", "invalid value \"" + f + "\"");
      }
      columns.add(c);
    }
    return columns;
  }

  /** The {@code fields} of the result: id, type and the data package's label and notes. */
  static ArrayNode fields(DataStoreTable table, List<Integer> columns) {
    ArrayNode fields = NODES.arrayNode();
    for (int c : columns) {
      DataStoreTable.Field f = c == ID ? ID_FIELD : table.fields.get(c);
      ObjectNode field = fields.addObject().put("id", f.id()).put("type", f.type());
      if (f.label() != null) {
        field.putObject("info").put("label", f.label()).put("notes", f.notes());
      }
    }
    return fields;
  }

  /** The SQL select list of the columns, in order. */
  static String select(DataStoreTable table, List<Integer> columns) {
    List<String> names = new ArrayList<>();
    for (int c : columns) {
      names.add(c == ID ? ID_FIELD.id() : Sql.quote(table.fields.get(c).id()));
    }
    return String.join(", ", names);
  }

  /** The current row of a result whose columns are {@code columns}, as a record. */
  static ObjectNode record(DataStoreTable table, ResultSet row, List<Integer> columns)
      throws SQLException {
    ObjectNode record = NODES.objectNode();
    for (int k = 0; k < columns.size(); k++) {
      int c = columns.get(k);
      String id = c == ID ? ID_FIELD.id() : table.fields.get(c).id();
      SqlValues.put(record, id, SqlValues.value(row, k + 1));
    }
    return record;
  }
}
