package vn.thanhhoa.opendata.core;

/** Text placed in HTML pages, by the release's site and by the server's pages alike. */
public final class HtmlText {
  private HtmlText() {}

  /** Text safe inside an element or a quoted attribute; null as empty. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
