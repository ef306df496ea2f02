package vn.thanhhoa.opendata.samples.sampledata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import vn.thanhhoa.opendata.samples.UnitNames;

/** The realistic Thanh Hóa OCOP product kinds the sample catalogue is drawn from. */
final class OcopCatalogue {
  private static final String[] TEMPLATES = {
    // category | name | unit | price | districts | count | HTX kind
    "thuc_pham|Nem chua Thanh Hóa|hộp 500g|65000|380|7|Chế biến thực phẩm",
    "thuc_pham|Nem chua Hoằng Hóa|chục 10 cái|45000|399|3|Chế biến thực phẩm",
    "thuc_pham|Chè lam Phủ Quảng|gói 300g|40000|393|3|Dịch vụ nông nghiệp",
    "thuc_pham|Bánh gai Tứ Trụ|hộp 10 chiếc|70000|395|4|Dịch vụ nông nghiệp",
    "thuc_pham|Mắm tép Hà Yên|hũ 500g|85000|392|3|Chế biến thủy sản",
    "thuc_pham|Nước mắm Ba Làng|chai 500ml|75000|407|4|Chế biến thủy sản",
    "thuc_pham|Nước mắm Hoằng Thanh|chai 500ml|65000|399|2|Chế biến thủy sản",
    "thuc_pham|Mực khô Sầm Sơn|túi 500g|650000|382|3|Thủy sản",
    "thuc_pham|Chả mực Sầm Sơn|hộp 500g|180000|382|3|Thủy sản",
    "thuc_pham|Cá thu một nắng Sầm Sơn|túi 1kg|320000|382|2|Thủy sản",
    "thuc_pham|Mắm tôm Hậu Lộc|hũ 500g|55000|400|3|Chế biến thủy sản",
    "thuc_pham|Chả cá Hậu Lộc|hộp 500g|160000|400|2|Chế biến thủy sản",
    "thuc_pham|Gạo nếp cái hoa vàng Thiệu Hóa|túi 2kg|90000|398|3|Dịch vụ nông nghiệp",
    "thuc_pham|Gạo hữu cơ Thọ Xuân|túi 5kg|150000|395|2|Nông nghiệp hữu cơ",
    "thuc_pham|Gạo thơm Yên Định|túi 5kg|120000|394|3|Dịch vụ nông nghiệp",
    "thuc_pham|Bánh đa Quán Lào|gói 10 chiếc|35000|394|2|Dịch vụ tổng hợp",
    "thuc_pham|Thịt trâu gác bếp Quan Sơn|túi 500g|450000|387|2|Nông lâm nghiệp",
    "thuc_pham|Thịt trâu gác bếp Mường Lát|túi 500g|480000|384|1|Nông lâm nghiệp",
    "thuc_pham|Măng khô Quan Hóa|túi 500g|160000|385|2|Nông lâm nghiệp",
    "thuc_pham|Mật ong rừng Như Thanh|chai 500ml|280000|403|3|Nuôi ong",
    "thuc_pham|Mật ong Thường Xuân|chai 1 lít|350000|396|2|Nuôi ong",
    "thuc_pham|Mật ong bạc hà Bá Thước|chai 500ml|260000|386|1|Nuôi ong",
    "thuc_pham|Cam Vân Du|thùng 5kg|150000|391|3|Cây ăn quả",
    "thuc_pham|Bưởi Luận Văn|quả 1,2kg|60000|395|2|Cây ăn quả",
    "thuc_pham|Miến dong Thạch Thành|gói 500g|60000|391|1|Dịch vụ tổng hợp",
    "thuc_pham|Kẹo dồi lạc Quảng Xương|hộp 300g|40000|406|2|Dịch vụ tổng hợp",
    "thuc_pham|Tôm nõn Hoằng Hóa|túi 500g|420000|399|1|Thủy sản",
    "thuc_pham|Sá sùng khô Nghi Sơn|túi 100g|380000|407|1|Thủy sản",
    "thuc_pham|Giò bò Nông Cống|khoanh 500g|190000|404|2|Chế biến thực phẩm",
    "thuc_pham|Lạc sen Triệu Sơn|túi 1kg|70000|397|2|Dịch vụ nông nghiệp",
    "thuc_pham|Dưa lưới Hoằng Hóa|quả 1,5kg|70000|399|2|Cây ăn quả",
    "thuc_pham|Tép khô Nga Sơn|túi 500g|250000|401|1|Thủy sản",
    "do_uong|Rượu ngô men lá Mường Lát|chai 500ml|100000|384|1|Nông lâm nghiệp",
    "duoc_lieu|Nấm linh chi Thiệu Hóa|hộp 500g|550000|398|2|Dược liệu",
    "do_uong|Rượu nếp cái hoa vàng Thiệu Hóa|chai 500ml|120000|398|3|Dịch vụ nông nghiệp",
    "do_uong|Rượu men lá Bá Thước|chai 500ml|90000|386|2|Nông lâm nghiệp",
    "do_uong|Rượu cần Ngọc Lặc|bình 2 lít|250000|389|2|Nông lâm nghiệp",
    "do_uong|Trà xanh Như Xuân|gói 200g|80000|402|3|Chè",
    "do_uong|Trà dây Pù Luông|gói 200g|120000|386|1|Dược liệu",
    "do_uong|Trà lá vối Nông Cống|hộp 250g|75000|404|1|Dược liệu",
    "duoc_lieu|Tinh dầu quế Thường Xuân|lọ 10ml|65000|396|3|Quế",
    "duoc_lieu|Quế Ngọc Thường Xuân|túi 500g|90000|396|3|Quế",
    "duoc_lieu|Sâm Báo Ngọc Lặc|hộp 200g|350000|389|1|Dược liệu",
    "duoc_lieu|Trà giảo cổ lam Bá Thước|hộp 200g|150000|386|2|Dược liệu",
    "duoc_lieu|Tinh bột nghệ Triệu Sơn|hũ 500g|220000|397|3|Dược liệu",
    "duoc_lieu|Cà gai leo Triệu Sơn|túi 500g|110000|397|2|Dược liệu",
    "duoc_lieu|Tinh dầu sả chanh Nông Cống|lọ 50ml|55000|404|2|Dược liệu",
    "duoc_lieu|Hà thủ ô đỏ Lang Chánh|túi 500g|180000|388|1|Dược liệu",
    "duoc_lieu|Ba kích tím Quan Hóa|túi 500g|400000|385|2|Dược liệu",
    "duoc_lieu|Thuốc tắm người Dao Cẩm Thủy|gói 200g|60000|390|2|Dược liệu",
    "thu_cong_my_nghe|Chiếu cói Nga Sơn|chiếc 1,6m|350000|401|5|Cói",
    "thu_cong_my_nghe|Thảm cói Nga Sơn|chiếc 60x90cm|180000|401|4|Cói",
    "thu_cong_my_nghe|Túi xách cói Nga Sơn|chiếc|150000|401|5|Cói",
    "thu_cong_my_nghe|Giỏ cói Nga Sơn|bộ 3 chiếc|120000|401|3|Cói",
    "thu_cong_my_nghe|Khăn thổ cẩm Bá Thước|chiếc|250000|386|2|Thổ cẩm",
    "thu_cong_my_nghe|Túi thổ cẩm Quan Sơn|chiếc|280000|387|2|Thổ cẩm",
    "thu_cong_my_nghe|Nón lá Trường Giang|chiếc|60000|404|2|Dịch vụ tổng hợp",
    "thu_cong_my_nghe|Mây tre đan Vĩnh Lộc|bộ|200000|393|2|Mây tre đan",
    "thu_cong_my_nghe|Đá mỹ nghệ Nhồi|bộ|1200000|380|2|Đá mỹ nghệ",
    "luu_niem_noi_that|Gốm Lò Chum|bình|350000|380|3|Gốm",
    "luu_niem_noi_that|Trống đồng Đông Sơn lưu niệm|chiếc|900000|380|2|Đúc đồng",
    "luu_niem_noi_that|Đèn cói trang trí Nga Sơn|chiếc|220000|401|3|Cói",
    "luu_niem_noi_that|Đồ gỗ mỹ nghệ Hoằng Hóa|bộ|1500000|399|1|Mộc",
    "du_lich|Vé tham quan Suối cá thần Cẩm Lương|vé/người|40000|390|1|Du lịch cộng đồng",
    "du_lich|Tour trải nghiệm Pù Luông 2 ngày|suất|1200000|386|1|Du lịch cộng đồng",
    "du_lich|Homestay bản Hiềng|đêm|500000|386|1|Du lịch cộng đồng",
  };
  private static final List<String> BRANDS =
      List.of(
          "Hạnh Nguyên",
          "Bà Lâm",
          "Hương Quê",
          "Minh Phương",
          "Thành Đạt",
          "An Phú",
          "Tân Tiến",
          "Hồng Hạnh",
          "Phú Thành",
          "Việt Hưng",
          "Hải Đăng",
          "Thanh Bình",
          "Ngọc Mai",
          "Kim Anh",
          "Đức Thịnh",
          "Sao Mai",
          "Bảo Long",
          "Gia Bảo",
          "Hoàng Gia",
          "Quê Xứ Thanh");
  private static final List<String> PEOPLE =
      List.of(
          "Lê Thị Hạnh",
          "Nguyễn Văn Tùng",
          "Trịnh Văn Hòa",
          "Phạm Thị Ngọc",
          "Hà Văn Thắng",
          "Lò Thị Xuân",
          "Đỗ Văn Bình",
          "Lê Văn Cường",
          "Mai Thị Dung",
          "Hoàng Văn Lực",
          "Vũ Thị Hương",
          "Cao Văn Minh");

  private OcopCatalogue() {}

  static List<Template> templates() {
    List<Template> list = new ArrayList<>();
    for (String line : TEMPLATES) {
      String[] p = line.split("\\|");
      list.add(
          new Template(
              p[0],
              p[1],
              p[2],
              Long.parseLong(p[3]),
              List.of(p[4].split(",")),
              Integer.parseInt(p[5]),
              p[6]));
    }
    int total = list.stream().mapToInt(Template::count).sum();
    if (total != OcopModel.PRODUCTS) {
      throw new IllegalStateException("Templates make " + total + " products, not 152");
    }
    return list;
  }

  static List<Product> products(Reference ref, Random rnd) {
    List<Product> products = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    int brand = 0;
    for (Template t : templates()) {
      for (int i = 0; i < t.count(); i++) {
        String name =
            t.count() == 1 ? t.name() : t.name() + " " + BRANDS.get(brand++ % BRANDS.size());
        products.add(product(ref, t, name, codes, rnd));
      }
    }
    return products;
  }

  private static Product product(
      Reference ref, Template t, String name, Set<String> codes, Random rnd) {
    int year = rnd.nextDouble() < 0.06 ? 2025 : 2019 + rnd.nextInt(6);
    LocalDate certified =
        year == 2025
            ? LocalDate.of(2025, 1 + rnd.nextInt(6), 1 + rnd.nextInt(28))
            : LocalDate.of(year, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
    String code;
    do {
      code = String.format(Locale.ROOT, "OCOP-38-%d-%04d", year, 1 + rnd.nextInt(1200));
    } while (!codes.add(code));
    double r = rnd.nextDouble();
    int stars = r < 0.62 ? 3 : r < 0.95 ? 4 : 5;
    LocalDate listed =
        year == 2025
            ? certified.plusDays(10 + rnd.nextInt(50))
            : rnd.nextDouble() < 0.62
                ? Dates.FIRST_DAY
                : Dates.FIRST_DAY.plusDays(rnd.nextInt(270));
    return new Product(
        code,
        name,
        stars,
        t.category(),
        certified,
        seller(ref, t, rnd),
        t.unit(),
        OcopModel.roundPrice(t.price() * Seeds.uniform(rnd, 0.85, 1.2)),
        rnd.nextDouble() < 0.6,
        listed);
  }

  private static Seller seller(Reference ref, Template t, Random rnd) {
    List<OldUnit> units = ref.district(t.districts().get(rnd.nextInt(t.districts().size())));
    OldUnit u = units.get(rnd.nextInt(units.size()));
    String place = UnitNames.bare(u.name());
    double r = rnd.nextDouble();
    String type = r < 0.42 ? "htx" : r < 0.75 ? "doanh_nghiep" : "ho_kinh_doanh";
    String name =
        switch (type) {
          case "htx" -> "HTX " + t.htxKind() + " " + place;
          case "doanh_nghiep" ->
              rnd.nextBoolean()
                  ? "Công ty TNHH " + BRANDS.get(rnd.nextInt(BRANDS.size())) + " " + place
                  : "Công ty Cổ phần " + BRANDS.get(rnd.nextInt(BRANDS.size())) + " Thanh Hóa";
          default -> "Hộ kinh doanh " + PEOPLE.get(rnd.nextInt(PEOPLE.size()));
        };
    return new Seller(name, type, u.code(), ref.primarySuccessor(u.code()));
  }
}
