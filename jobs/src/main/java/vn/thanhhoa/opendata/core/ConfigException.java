package vn.thanhhoa.opendata.core;

/** A configuration or schema file is wrong; the message names the file and the key path. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
