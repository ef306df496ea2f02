package vn.thanhhoa.opendata.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Dates of a package against the previous release's copy: an unchanged package is the previous one,
 * byte for byte (harvesters skip it); a changed one gets a new metadata_modified, and each resource
 * keeps its dates where its file did not change.
 */
final class FeedTimes {
  private static final List<String> PACKAGE_TIMES =
      List.of("metadata_created", "metadata_modified");
  private static final List<String> RESOURCE_TIMES =
      List.of("created", "last_modified", "metadata_modified");

  private FeedTimes() {}

  /**
   * @param draft the package with null dates
   * @param previous the previous release's package, or null
   * @param now this run's time, CKAN-formatted
   */
  static ObjectNode apply(ObjectNode draft, JsonNode previous, String now) {
    if (previous != null && stripped(draft).equals(stripped(previous))) {
      return (ObjectNode) previous.deepCopy();
    }
    ObjectNode pkg = draft.deepCopy();
    pkg.put(
        "metadata_created", previous == null ? now : previous.path("metadata_created").asText(now));
    pkg.put("metadata_modified", now);
    for (JsonNode node : pkg.withArray("resources")) {
      ObjectNode resource = (ObjectNode) node;
      JsonNode before = previous == null ? null : resource(previous, resource.path("id").asText());
      times(resource, before, now);
    }
    return pkg;
  }

  /** A resource's dates: new, the previous ones, or kept where the file did not change. */
  private static void times(ObjectNode resource, JsonNode before, String now) {
    if (before == null) {
      RESOURCE_TIMES.forEach(t -> resource.put(t, now));
    } else if (strippedResource(before).equals(strippedResource(resource))) {
      RESOURCE_TIMES.forEach(t -> resource.set(t, before.get(t)));
    } else {
      resource.set("created", before.get("created"));
      boolean sameFile =
          before.path("hash").equals(resource.path("hash"))
              && before.path("size").equals(resource.path("size"));
      resource.set(
          "last_modified", sameFile ? before.get("last_modified") : resource.textNode(now));
      resource.put("metadata_modified", now);
    }
  }

  private static JsonNode resource(JsonNode pkg, String id) {
    for (JsonNode r : pkg.path("resources")) {
      if (r.path("id").asText().equals(id)) {
        return r;
      }
    }
    return null;
  }

  private static JsonNode stripped(JsonNode pkg) {
    ObjectNode copy = (ObjectNode) pkg.deepCopy();
    copy.remove(PACKAGE_TIMES);
    for (JsonNode r : copy.withArray("resources")) {
      ((ObjectNode) r).remove(RESOURCE_TIMES);
    }
    return copy;
  }

  private static JsonNode strippedResource(JsonNode resource) {
    ObjectNode copy = (ObjectNode) resource.deepCopy();
    copy.remove(RESOURCE_TIMES);
    return copy;
  }
}
