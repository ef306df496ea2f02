package vn.thanhhoa.opendata.transform;

import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.thanhhoa.opendata.core.ConfigException;
import vn.thanhhoa.opendata.core.DatasetCatalog;
import vn.thanhhoa.opendata.core.DatasetSpec;

/** The transform of each dataset, found by the class name its catalogue entry gives. */
final class Transforms {
  private Transforms() {}

  /** Dataset name → its transform, in catalogue order. */
  static Map<String, DatasetTransform> of(DatasetCatalog catalog) {
    Map<String, DatasetTransform> transforms = new LinkedHashMap<>();
    for (DatasetSpec spec : catalog.datasets()) {
      transforms.put(spec.name(), resolve(catalog, spec));
    }
    return transforms;
  }

  private static DatasetTransform resolve(DatasetCatalog catalog, DatasetSpec spec) {
    String name = Transforms.class.getPackageName() + "." + spec.transform();
    try {
      Class<?> type = Class.forName(name);
      if (DatasetTransform.class.isAssignableFrom(type)) {
        return (DatasetTransform) type.getDeclaredConstructor().newInstance();
      }
    } catch (ClassNotFoundException
        | NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException e) {
      // reported below, with what a transform must be
    }
    throw new ConfigException(
        catalog.file()
            + ": dataset "
            + spec.name()
            + ": unknown transform '"
            + spec.transform()
            + "': no class "
            + name
            + " implementing DatasetTransform with a no-argument constructor");
  }
}
