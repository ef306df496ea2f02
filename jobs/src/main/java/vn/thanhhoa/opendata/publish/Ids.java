package vn.thanhhoa.opendata.publish;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Stable ids: name-based UUIDs (version 5, SHA-1) in one fixed namespace, so a dataset, resource,
 * organization, group or tag keeps its id in every release and on every machine.
 */
public final class Ids {
  /** UUIDv5 of the DNS name "opendata.thanhhoa.gov.vn" in the RFC 4122 DNS namespace. */
  static final UUID NAMESPACE =
      v5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "opendata.thanhhoa.gov.vn");

  private Ids() {}

  public static String dataset(String name) {
    return v5(NAMESPACE, "dataset:" + name).toString();
  }

  public static String resource(String dataset, String path) {
    return v5(NAMESPACE, "resource:" + dataset + "/" + path).toString();
  }

  public static String organization(String name) {
    return v5(NAMESPACE, "organization:" + name).toString();
  }

  public static String group(String name) {
    return v5(NAMESPACE, "group:" + name).toString();
  }

  public static String tag(String name) {
    return v5(NAMESPACE, "tag:" + name).toString();
  }

  public static String user(String name) {
    return v5(NAMESPACE, "user:" + name).toString();
  }

  static UUID v5(UUID namespace, String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(
          ByteBuffer.allocate(16)
              .putLong(namespace.getMostSignificantBits())
              .putLong(namespace.getLeastSignificantBits())
              .array());
      byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
      hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
      hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
      ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
      return new UUID(b.getLong(), b.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }
}
