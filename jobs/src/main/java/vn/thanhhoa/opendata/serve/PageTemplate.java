package vn.thanhhoa.opendata.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML template from the classpath with {@code {{name}}} slots, read once. Slots are filled in
 * one pass, so a value that contains {@code {{…}}} is never filled again.
 */
final class PageTemplate {
  private static final Pattern SLOT = Pattern.compile("\\{\\{([a-z]+)\\}\\}");

  /** The text around the slots: one more than there are slots. */
  private final List<String> texts;

  private final List<String> slots;

  private PageTemplate(List<String> texts, List<String> slots) {
    this.texts = List.copyOf(texts);
    this.slots = List.copyOf(slots);
  }

  /** Reads the UTF-8 template at {@code resource} (an absolute classpath name). */
  static PageTemplate load(String resource) {
    try (InputStream in = PageTemplate.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("No template " + resource + " on the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read template " + resource, e);
    }
  }

  private static PageTemplate parse(String template) {
    List<String> texts = new ArrayList<>();
    List<String> slots = new ArrayList<>();
    Matcher m = SLOT.matcher(template);
    int at = 0;
    while (m.find()) {
      texts.add(template.substring(at, m.start()));
      slots.add(m.group(1));
      at = m.end();
    }
    texts.add(template.substring(at));
    return new PageTemplate(texts, slots);
  }

  /** The page with each slot replaced by its value, which must be given. */
  String fill(Map<String, String> values) {
    StringBuilder page = new StringBuilder(texts.get(0));
    for (int i = 0; i < slots.size(); i++) {
      String value = values.get(slots.get(i));
      if (value == null) {
        throw new IllegalArgumentException("No value for {{" + slots.get(i) + "}}");
      }
      page.append(value).append(texts.get(i + 1));
    }
    return page.toString();
  }
}
