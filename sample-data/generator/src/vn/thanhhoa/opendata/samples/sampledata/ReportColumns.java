package vn.thanhhoa.opendata.samples.sampledata;

import java.util.List;
import java.util.Map;

/** Canonical columns of the commune report and their Vietnamese template labels. */
final class ReportColumns {
  static final String PERIOD = "report_period";
  static final String CODE = "commune_code";
  static final String NAME = "commune_name";
  static final String DISTRICT = "district_name";
  static final String SUBMITTED = "submitted_at";
  static final String POPULATION = "population";
  static final String HOUSEHOLDS = "households";
  static final String TEAMS = "digital_teams";
  static final String MEMBERS = "digital_team_members";
  static final String RECEIVED = "online_dossiers_received";
  static final String ON_TIME = "online_dossiers_on_time";
  static final String PCT = "smartphone_users_pct";
  static final String FIBER = "fiber_households";
  static final String DT = "dt_completed";
  static final String NOTES = "notes";
  static final List<String> CANONICAL =
      List.of(
          PERIOD,
          CODE,
          NAME,
          DISTRICT,
          SUBMITTED,
          POPULATION,
          HOUSEHOLDS,
          TEAMS,
          MEMBERS,
          RECEIVED,
          ON_TIME,
          PCT,
          FIBER,
          DT,
          NOTES);
  static final Map<String, String> VIETNAMESE =
      Map.ofEntries(
          Map.entry(PERIOD, "Kỳ báo cáo"),
          Map.entry(CODE, "Mã xã"),
          Map.entry(NAME, "Tên xã"),
          Map.entry(DISTRICT, "Huyện"),
          Map.entry(SUBMITTED, "Thời điểm gửi"),
          Map.entry(POPULATION, "Dân số"),
          Map.entry(HOUSEHOLDS, "Số hộ"),
          Map.entry(TEAMS, "Số tổ công nghệ số cộng đồng"),
          Map.entry(MEMBERS, "Số thành viên tổ công nghệ số"),
          Map.entry(RECEIVED, "Hồ sơ trực tuyến tiếp nhận"),
          Map.entry(ON_TIME, "Hồ sơ trực tuyến giải quyết đúng hạn"),
          Map.entry(PCT, "Tỷ lệ người dùng điện thoại thông minh (%)"),
          Map.entry(FIBER, "Số hộ có cáp quang"),
          Map.entry(DT, "Hoàn thành chuyển đổi số cấp xã"),
          Map.entry(NOTES, "Ghi chú"));

  private ReportColumns() {}
}
