package vn.thanhhoa.opendata.samples.sampledata;

import java.util.List;
import java.util.Map;
import vn.thanhhoa.opendata.samples.JsonText;

/** Compact JSON rendering of maps, lists, strings, numbers, booleans and null. */
final class Json {
  private Json() {}

  static String render(Object v) {
    StringBuilder sb = new StringBuilder();
    append(sb, v);
    return sb.toString();
  }

  @SuppressWarnings("unchecked")
  private static void append(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      sb.append(JsonText.quote(s));
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
        sb.append(first ? "" : ",");
        first = false;
        sb.append(JsonText.quote(e.getKey()));
        sb.append(':');
        append(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        sb.append(i == 0 ? "" : ",");
        append(sb, l.get(i));
      }
      sb.append(']');
    } else if (v instanceof RawJson r) {
      sb.append(r.text());
    } else {
      sb.append(v);
    }
  }
}
