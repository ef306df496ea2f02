package vn.thanhhoa.opendata.samples.landing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import vn.thanhhoa.opendata.samples.UnitNames;

/** The OCOP catalogue: products, and each product's listings on one to four platforms. */
final class OcopCatalog {
  static final String[] PLATFORMS = {
    "shopee", "lazada", "tiki", "tiktok_shop", "sendo", "postmart", "voso"
  };
  static final String[] SELLER_TYPES = {"htx", "doanh_nghiep", "ho_kinh_doanh"};

  /** A kind of product: name stem, category, sale units, price range in thousand đồng. */
  record Kind(String stem, String category, String[] units, int minK, int maxK) {}

  static final Kind[] KINDS = {
    new Kind("Nem chua", "thuc_pham", new String[] {"hộp 500g", "chục 10 chiếc"}, 45, 120),
    new Kind("Gạo hữu cơ", "thuc_pham", new String[] {"túi 5kg", "túi 2kg"}, 90, 260),
    new Kind("Mật ong rừng", "thuc_pham", new String[] {"chai 500ml", "chai 1 lít"}, 150, 450),
    new Kind("Nước mắm", "thuc_pham", new String[] {"chai 500ml", "can 2 lít"}, 40, 180),
    new Kind("Bánh gai", "thuc_pham", new String[] {"hộp 10 chiếc", "túi 5 chiếc"}, 35, 90),
    new Kind("Chả tôm", "thuc_pham", new String[] {"hộp 500g", "gói 300g"}, 120, 320),
    new Kind("Miến dong", "thuc_pham", new String[] {"gói 500g", "túi 1kg"}, 40, 110),
    new Kind("Bưởi Diễn", "thuc_pham", new String[] {"quả 1,2kg", "thùng 5 quả"}, 60, 300),
    new Kind("Chè Shan tuyết", "do_uong", new String[] {"hộp 200g", "túi 500g"}, 120, 600),
    new Kind("Rượu men lá", "do_uong", new String[] {"chai 500ml", "bình 2 lít"}, 80, 350),
    new Kind("Trà hoa vàng", "do_uong", new String[] {"hộp 100g", "hộp 50g"}, 200, 900),
    new Kind("Cà phê bột", "do_uong", new String[] {"gói 500g", "túi 1kg"}, 90, 280),
    new Kind("Tinh dầu quế", "duoc_lieu", new String[] {"lọ 10ml", "lọ 50ml"}, 50, 220),
    new Kind("Trà giảo cổ lam", "duoc_lieu", new String[] {"túi 500g", "hộp 30 gói"}, 80, 260),
    new Kind("Cao lá xông", "duoc_lieu", new String[] {"chai 250ml", "hộp 10 gói"}, 45, 150),
    new Kind(
        "Thảm cói", "thu_cong_my_nghe", new String[] {"chiếc 60x90cm", "chiếc 1,2x1,8m"}, 90, 650),
    new Kind("Giỏ mây tre đan", "thu_cong_my_nghe", new String[] {"chiếc", "bộ 3 chiếc"}, 60, 400),
    new Kind("Khăn thổ cẩm", "thu_cong_my_nghe", new String[] {"chiếc", "bộ 2 chiếc"}, 120, 480),
    new Kind("Bình gốm men lam", "luu_niem_noi_that", new String[] {"chiếc", "bộ"}, 250, 1800),
    new Kind("Tượng gỗ mỹ nghệ", "luu_niem_noi_that", new String[] {"chiếc"}, 300, 3500),
    new Kind("Đèn mây tre", "luu_niem_noi_that", new String[] {"chiếc", "bộ 2 chiếc"}, 180, 900),
    new Kind(
        "Tour trải nghiệm làng nghề",
        "du_lich",
        new String[] {"vé/người", "gói/nhóm 10 người"},
        150,
        1500),
    new Kind("Homestay cộng đồng", "du_lich", new String[] {"đêm/phòng"}, 350, 1200)
  };
  static final String[] BRANDS = {
    "Hương Quê",
    "Việt Hưng",
    "Phúc Lộc",
    "An Khang",
    "Thành Đạt",
    "Hồng Phát",
    "Minh Châu",
    "Bảo An",
    "Tân Tiến",
    "Hòa Bình",
    "Đại Phát",
    "Ngọc Lan"
  };
  static final String[] HTX_TRADES = {
    "Nông nghiệp",
    "Dịch vụ nông nghiệp",
    "Nông nghiệp hữu cơ",
    "Thủ công mỹ nghệ",
    "Chế biến nông sản",
    "Du lịch cộng đồng",
    "Dược liệu"
  };
  static final String[] FAMILY = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô"
  };
  static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Hữu", "Thanh", "Quang"};
  static final String[] GIVEN = {
    "Hùng", "Lan", "Dũng", "Hoa", "Tuấn", "Mai", "Sơn", "Hương", "Long", "Thủy"
  };

  /** One product: what every listing of it shares; seller commune per unit list (era). */
  record Product(
      int index,
      String code,
      int stars,
      Kind kind,
      String unit,
      LocalDate certifiedOn,
      String name,
      String sellerName,
      String sellerType,
      String[] sellerCommune,
      int priceK,
      boolean stamp,
      int[] platforms) {}

  private final Options options;
  private final Scope scope;
  private final List<String> provinces;
  private final Map<String, List<Commune>> communesByProvince;
  private final Map<String, int[]> nextNumber = new HashMap<>();
  private static final int FIRST_YEAR = 2019;
  private final LocalDate lastCertification;

  OcopCatalog(Options options, Scope scope) {
    this.options = options;
    this.scope = scope;
    this.communesByProvince = scope.eras.get(0).byProvince();
    this.provinces = new ArrayList<>(communesByProvince.keySet());
    this.lastCertification = scope.ocopStart.minusDays(1);
  }

  /** Products are made in index order (OCOP numbers count up per province and year). */
  Product product(int index) {
    SplittableRandom rnd = Seeds.rng(options.seed(), "product", index);
    String province = provinces.get(index % provinces.size());
    Commune seller = Seeds.pick(rnd, communesByProvince.get(province));
    Kind kind = Seeds.pick(rnd, KINDS);
    int year = FIRST_YEAR + rnd.nextInt(lastCertification.getYear() - FIRST_YEAR + 1);
    OcopNumber numbered = number(province, year);
    year = numbered.year();
    int number = numbered.number();
    LocalDate certified = LocalDate.of(year, 1, 1).plusDays(rnd.nextInt(365));
    if (certified.isAfter(lastCertification)) {
      certified = lastCertification.minusDays(rnd.nextInt(150));
    }
    String place = UnitNames.bare(seller.name());
    String brand = Seeds.pick(rnd, BRANDS);
    String name = kind.stem() + " " + place + (rnd.nextBoolean() ? " " + brand : "");
    String sellerType = Seeds.pick(rnd, SELLER_TYPES);
    String sellerName = sellerName(rnd, sellerType, brand, place);
    int priceK = kind.minK() + rnd.nextInt(kind.maxK() - kind.minK() + 1);
    String code =
        "OCOP-" + province + "-" + year + "-" + String.format(Locale.ROOT, "%04d", number);
    return new Product(
        index,
        code,
        3 + rnd.nextInt(3),
        kind,
        Seeds.pick(rnd, kind.units()),
        certified,
        name,
        sellerName,
        sellerType,
        communes(seller),
        priceK,
        rnd.nextDouble() < 0.6,
        platforms(rnd));
  }

  /** The next free OCOP number of a province, from the given year on (wrapping round). */
  private OcopNumber number(String province, int firstYear) {
    int year = firstYear;
    int number = 0;
    for (int tries = 0; number == 0; tries++) {
      if (tries > lastCertification.getYear() - FIRST_YEAR) {
        throw new IllegalStateException(
            "too many products for the OCOP-"
                + province
                + "-<year>-<4 digits> codes ("
                + (lastCertification.getYear() - FIRST_YEAR + 1)
                + " years × 9,999); ask for fewer products");
      }
      int[] counter = nextNumber.computeIfAbsent(province + "-" + year, k -> new int[1]);
      if (counter[0] < 9999) {
        number = ++counter[0];
      } else {
        year = year == lastCertification.getYear() ? FIRST_YEAR : year + 1;
      }
    }
    return new OcopNumber(year, number);
  }

  private static String sellerName(
      SplittableRandom rnd, String sellerType, String brand, String place) {
    return switch (sellerType) {
      case "htx" -> "HTX " + Seeds.pick(rnd, HTX_TRADES) + " " + place;
      case "doanh_nghiep" -> "Công ty TNHH " + brand + " " + place;
      default ->
          "Hộ kinh doanh "
              + Seeds.pick(rnd, FAMILY)
              + " "
              + Seeds.pick(rnd, MIDDLE)
              + " "
              + Seeds.pick(rnd, GIVEN);
    };
  }

  /** The seller's commune code in each era (its successor after the reform). */
  private String[] communes(Commune seller) {
    String[] communes = new String[scope.eras.size()];
    for (int e = 0; e < communes.length; e++) {
      communes[e] =
          e == 0 ? seller.code() : scope.successor.getOrDefault(seller.code(), seller.code());
    }
    return communes;
  }

  private record OcopNumber(int year, int number) {}

  /** One to four distinct platforms, in platform order. */
  private static int[] platforms(SplittableRandom rnd) {
    int count = 1 + rnd.nextInt(4);
    List<Integer> all = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
    int[] chosen = new int[count];
    for (int i = 0; i < count; i++) {
      chosen[i] = all.remove(rnd.nextInt(all.size()));
    }
    Arrays.sort(chosen);
    return chosen;
  }
}
