// The department's 2021 plan ("Kế hoạch triển khai ứng dụng công nghệ thông tin trong hoạt
// động, phát triển chính quyền số và bảo đảm an toàn thông tin mạng năm 2021 của Sở Khoa
// học và Công nghệ"), carried by the project as data: its units, its tasks (sections III
// and V) and its periodic reporting deadlines (section VI.1). Loaded once into an empty
// database. Text is the plan's own wording; line breaks of the source are joined.

export interface SeedUnit {
  code: string;
  name: string;
  shortName: string;
  kind: "internal" | "leadership" | "external";
  aliases: string[];
}

/** Units named in the plan. External bodies are named only as coordinators. */
export const PLAN_2021_UNITS: SeedUnit[] = [
  { code: "VP", name: "Văn phòng Sở", shortName: "Văn phòng", kind: "internal", aliases: ["VP Sở", "Văn phòng"] },
  {
    code: "KHTC",
    name: "Phòng Kế hoạch - Tài chính",
    shortName: "KH-TC",
    kind: "internal",
    aliases: ["Phòng KH-TC", "Phòng Kế hoạch Tài chính", "Kế hoạch - Tài chính"],
  },
  {
    code: "QLKH",
    name: "Phòng Quản lý Khoa học",
    shortName: "QLKH",
    kind: "internal",
    aliases: ["Phòng QLKH", "Quản lý Khoa học"],
  },
  {
    code: "QLCS",
    name: "Phòng Quản lý Khoa học và Công nghệ cơ sở",
    shortName: "QLKH&CN cơ sở",
    kind: "internal",
    aliases: ["Phòng QLKHCN cơ sở", "Phòng QLCS", "Quản lý Khoa học và Công nghệ cơ sở"],
  },
  // "GĐ, các PGĐ Sở" in the plan's list of recipients: where lãnh đạo Sở belong.
  { code: "BGD", name: "Ban Giám đốc Sở", shortName: "Lãnh đạo Sở", kind: "leadership", aliases: ["Lãnh đạo Sở", "BGĐ", "Ban Giám đốc"] },
  {
    code: "STTTT",
    name: "Sở Thông tin và Truyền thông",
    shortName: "Sở TT&TT",
    kind: "external",
    aliases: ["Sở TT&TT", "Sở TTTT", "Sở Thông tin và Truyền thông tỉnh"],
  },
  { code: "VPUBND", name: "Văn phòng UBND tỉnh", shortName: "VP UBND tỉnh", kind: "external", aliases: ["Văn phòng Ủy ban nhân dân tỉnh"] },
  { code: "CAT", name: "Công an tỉnh", shortName: "Công an tỉnh", kind: "external", aliases: [] },
  {
    code: "TTPVHCC",
    name: "Trung tâm Phục vụ hành chính công",
    shortName: "TT PVHCC",
    kind: "external",
    aliases: ["Trung tâm Phục vụ hành chính công tỉnh"],
  },
  { code: "VNPT", name: "VNPT Quảng Ngãi", shortName: "VNPT", kind: "external", aliases: [] },
];

export const INTERNAL_UNITS = ["VP", "KHTC", "QLKH", "QLCS"] as const;

export interface SeedTask {
  code: string;
  section: string;
  sectionTitle: string;
  title: string;
  content: string;
  lead: string[]; // unit codes
  coord: string[];
  leadNote?: string;
  coordNote?: string;
  dueDate: string | null;
  recurring: boolean;
  timingNote: string;
}

export const PLAN_2021 = {
  code: "KH-CNTT-2021",
  title:
    "Kế hoạch triển khai ứng dụng công nghệ thông tin trong hoạt động, phát triển chính quyền số và bảo đảm an toàn thông tin mạng năm 2021 của Sở Khoa học và Công nghệ",
  year: 2021,
  issuedBy: "KT. Giám đốc, Phó Giám đốc Trần Thanh Trường",
};

// Section III gives no unit or date per task: section VI.1 makes every phòng/đơn vị carry
// the plan out in its own unit and VI.3 makes Văn phòng Sở follow it up. Those are the lead
// units recorded here, with the note. No due date is invented: the plan's timing ("in 2021",
// without a deadline of its own) is kept as the task's timing note.
const ALL_UNITS_NOTE = "Các phòng, đơn vị thuộc Sở (mục VI.1); Văn phòng Sở theo dõi, đôn đốc (mục VI.3)";
const YEAR_TIMING = "Trong năm 2021 (kế hoạch không nêu thời hạn riêng)";

function sectionIII(
  code: string,
  section: string,
  sectionTitle: string,
  title: string,
  content: string,
  coord: string[] = [],
): SeedTask {
  return {
    code,
    section,
    sectionTitle,
    title,
    content,
    lead: [...INTERNAL_UNITS],
    coord,
    leadNote: ALL_UNITS_NOTE,
    dueDate: null,
    recurring: false,
    timingNote: YEAR_TIMING,
  };
}

const S1 = "Phát triển Hạ tầng CNTT";
const S2 = "Phát triển các hệ thống nền tảng";
const S3 = "Phát triển dữ liệu";
const S41 = "Ứng dụng CNTT trong hoạt động nội bộ";
const S42 = "Ứng dụng CNTT phục vụ người dân và doanh nghiệp";
const S5 = "Bảo đảm an toàn thông tin";
const S6 = "Phát triển nguồn nhân lực";
const SV = "Nhiệm vụ cụ thể và trách nhiệm của các phòng, đơn vị";
const RELATED = "Các phòng, đơn vị liên quan";

export const PLAN_2021_TASKS: SeedTask[] = [
  sectionIII(
    "III.1",
    "III.1",
    S1,
    "Hoàn thiện hạ tầng kỹ thuật CNTT tại Sở",
    "Hoàn thiện hệ thống hạ tầng kỹ thuật tại Sở nhằm chuẩn hóa, đồng bộ, liên thông với hạ tầng của tỉnh, bảo đảm an toàn thông tin và an ninh mạng; bảo đảm khả năng ứng dụng công nghệ thông tin của Sở, đáp ứng yêu cầu nhiệm vụ của công chức, viên chức và người lao động tại Sở nhằm phục vụ tác nghiệp, giải quyết công việc trên môi trường mạng và khả năng sử dụng các dịch vụ hành chính công phục vụ tổ chức, doanh nghiệp và người dân.",
  ),
  sectionIII(
    "III.2.1",
    "III.2",
    S2,
    "Nâng cấp thư điện tử công vụ, đăng nhập một lần",
    "Phối hợp với Văn phòng UBND tỉnh, Sở Thông tin và Truyền thông tỉnh: Thực hiện nâng cấp hệ thống thư điện tử công vụ phục vụ cho nhiều ứng dụng dùng chung, thực hiện đăng nhập, xác thực một lần.",
    ["VPUBND", "STTTT"],
  ),
  sectionIII(
    "III.2.2",
    "III.2",
    S2,
    "Sử dụng nền tảng tích hợp, chia sẻ dữ liệu tỉnh",
    "Phối hợp với Văn phòng UBND tỉnh, Sở Thông tin và Truyền thông tỉnh: Triển khai sử dụng các nền tảng tích hợp, chia sẻ dữ liệu tỉnh Quảng Ngãi phục vụ kết nối các hệ thống thông tin, cơ sở dữ liệu nội tỉnh với hệ thống thông tin, cơ sở dữ liệu của bộ, ngành trung ương. Các nền tảng số như: Cổng dữ liệu mở tỉnh, hệ thống nền tảng thanh tra, kiểm tra.",
    ["VPUBND", "STTTT"],
  ),
  sectionIII(
    "III.3.1",
    "III.3",
    S3,
    "Sử dụng hiệu quả hệ thống thông tin giai đoạn 2015 - 2020",
    "Sử dụng có hiệu quả hệ thống thông tin đã được xây dựng tại Sở giai đoạn 2015 - 2020.",
  ),
  sectionIII(
    "III.3.2",
    "III.3",
    S3,
    "Tham mưu xây dựng hệ thống thông tin, cơ sở dữ liệu theo KH 1116",
    "Các phòng, đơn vị chủ động phối hợp với các cơ quan, đơn vị liên quan tham mưu Giám đốc Sở triển khai xây dựng các hệ thống thông tin, cơ sở dữ liệu theo danh mục, nhiệm vụ, dự án đã tại Kế hoạch số 1116/KH-SKHCN ngày 10/09/2020 của Sở Khoa học và Công nghệ về triển khai Ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước, phát triển chính quyền số và bảo đảm an toàn thông tin mạng giai đoạn 2021-2025.",
  ),
  sectionIII(
    "III.4.1.1",
    "III.4.1",
    S41,
    "Gửi, nhận văn bản điện tử và ký số (QĐ 28/2018)",
    "Tổ chức triển khai thực hiện có hiệu quả Quyết định số 28/2018/QĐ-TTg ngày 12/7/2018 của Thủ tướng Chính phủ về việc gửi, nhận văn bản điện tử giữa các cơ quan trong hệ thống hành chính nhà nước; đảm bảo 100% văn bản, tài liệu trao đổi nội bộ (trừ văn bản mật) sử dụng văn bản điện tử; 100% đi của các phòng, đơn vị thuộc Sở Khoa học và Công nghệ trao đổi với các cơ quan thuộc UBND tỉnh, UBND các huyện, thành phố, thị xã được thực hiện dưới dạng điện tử và ký số.",
  ),
  sectionIII(
    "III.4.1.2",
    "III.4.1",
    S41,
    "Sử dụng hiệu quả các ứng dụng dùng chung và chuyên ngành",
    "Tiếp tục đẩy mạnh sử dụng có hiệu quả các ứng dụng dùng chung, như: Hệ thống thư điện tử công vụ, Phần mềm Quản lý văn bản và Điều hành iOffice, Phần mềm Hệ thống Một cửa điện tử, Phần mền Quản lý hồ sơ cán bộ, công chức, viên chức; phần mềm chuyên ngành: cơ sở dữ liệu về các đề tài khoa học, các công trình nghiên cứu và tài liệu khoa học, phát minh khoa học; phần mềm kế toán… trong công tác quản lý, chỉ đạo điều hành của Sở.",
  ),
  sectionIII(
    "III.4.2.1",
    "III.4.2",
    S42,
    "Nâng cao chất lượng dịch vụ công trực tuyến",
    "Nâng cao chất lượng các dịch vụ công trực tuyến trên Hệ thống một cửa điện tử của tỉnh, Trang Thông tin điện tử của Sở đối với các thủ tục thuộc thẩm quyền giải quyết của Sở Khoc học và Công nghệ.",
  ),
  sectionIII(
    "III.4.2.2",
    "III.4.2",
    S42,
    "Rà soát, cập nhật TTHC trên Cổng Dịch vụ công",
    "Rà soát, cập nhật các sửa đổi, bổ sung đối với các TTHC, quy trình nội bộ điện tử thực hiện thủ tục hành chính thuộc thẩm quyền giải quyết của Sở trên Cổng Dịch vụ công của tỉnh và Cổng dịch vụ công Quốc gia.",
  ),
  sectionIII(
    "III.4.2.3",
    "III.4.2",
    S42,
    "Xử lý hồ sơ TTHC đúng hạn trên phần mềm một cửa",
    "Tiếp tục thực hiện đúng quy định về tiếp nhận, thời hạn xử lý và trả kết quả giải quyết TTHC cho tổ chức, công dân trên phần mềm một cửa điện tử. Trưởng các phòng, đơn vị chủ động thường xuyên kiểm soát, đôn đốc nhắc nhở các bộ phận chuyên môn thuộc phòng, đơn vị xử lý hồ sơ trên phần mềm một cửa tránh tình trạng hồ sơ trễ hẹn, quá hạn.",
  ),
  sectionIII(
    "III.4.2.4",
    "III.4.2",
    S42,
    "Biên lai điện tử và thanh toán trực tuyến",
    "Triển khai sử dụng biên lai điện tử và thanh toán trực tuyến đối với các TTHC đã cung cấp DVC trực tuyến mức độ 3, mức độ 4 trên phần mềm Một cửa điện tử.",
  ),
  sectionIII(
    "III.4.2.5",
    "III.4.2",
    S42,
    "Tuyên truyền gửi, nhận hồ sơ qua bưu chính công ích",
    "Đẩy mạnh tuyên truyền, triển khai, hướng dẫn tổ chức, công dân thực hiện việc gửi, nhận hồ sơ kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích.",
  ),
  sectionIII(
    "III.5.1",
    "III.5",
    S5,
    "Giải pháp an toàn bảo mật, chữ ký số, phòng chống mã độc",
    "Triển khai các giải pháp an toàn bảo mật thông tin, tích hợp chữ ký số chuyên dùng vào hệ thống công nghệ thông tin dùng chung của tại Sở như: Cổng thông tin điện tử; Thư điện tử công vụ; Một cửa điện tử; phần mềm quản lý văn bản và điều hành công việc… Triển khai các phần mềm phòng chống mã độc đối với máy tính trang bị cho công chức, viên chức tại Sở.",
  ),
  sectionIII(
    "III.5.2",
    "III.5",
    S5,
    "Rà soát, cập nhật cảnh báo an toàn, an ninh thông tin",
    "Phối hợp với Công an tỉnh, Sở Thông tin và Truyền thông tỉnh rà soát, cập nhật các cảnh báo về an toàn, an ninh thông tin, kịp thời xử lý, ngăn chặn các cuộc tấn công mạng.",
    ["CAT", "STTTT"],
  ),
  sectionIII(
    "III.5.3",
    "III.5",
    S5,
    "Cử cán bộ chuyên trách đào tạo về an toàn thông tin",
    "Cử công chức, viên chức chuyên trách về an toàn thông tin, công nghệ thông tin tham gia các khóa đào tạo về quản lý, kỹ thuật về an toàn thông tin.",
  ),
  sectionIII(
    "III.5.4",
    "III.5",
    S5,
    "Tuyên truyền, nâng cao nhận thức an toàn thông tin",
    "Đẩy mạnh tuyên truyền, phổ biến nâng cao nhận thức và trang bị kỹ năng cơ bản về an toàn thông tin cho công chức, viên chức, người lao động tại các phòng, ban, đơn vị thuộc Sở.",
  ),
  sectionIII(
    "III.6.1",
    "III.6",
    S6,
    "Nâng cao ý thức ứng dụng CNTT, thay văn bản giấy",
    "Tăng cường tuyên truyền nâng cao ý thức, trách nhiệm của công chức, viên chức trong việc ứng dụng CNTT trong giải quyết công việc; sử dụng văn bản điện tử thay thế văn bản giấy.",
  ),
  sectionIII(
    "III.6.2",
    "III.6",
    S6,
    "Bồi dưỡng kỹ năng sử dụng phần mềm",
    "Tạo điều kiện cho công chức, viên chức tham dự các lớp bồi dưỡng kiến thức, kỹ năng ứng dụng CNTT nhằm sử dụng tốt các phần mềm được triển khai tại Sở, đáp ứng yêu cầu của công việc.",
  ),
  sectionIII(
    "III.6.3",
    "III.6",
    S6,
    "Đào tạo quản trị mạng, bảo mật cho chuyên viên CNTT",
    "Cử công chức, viên chức tham dự đào tạo kiến thức quản trị mạng, kiến thức bảo mật, an toàn thông tin mạng, các chuyên đề về công nghệ thông tin nâng cao cho chuyên viên phụ trách công nghệ thông tin.",
  ),
  {
    code: "V.a",
    section: "V",
    sectionTitle: SV,
    title: "Tham mưu, theo dõi, đôn đốc và tổng hợp báo cáo Kế hoạch",
    content:
      "Tham mưu tổ chức và theo dõi, hướng dẫn, đôn đốc các phòng, đơn vị trực thuộc Sở thực hiện nội dung Kế hoạch; định kỳ hoặc đột xuất tổng hợp, báo cáo kết quả thực hiện theo quy định; Thực hiện tham mưu lãnh đạo Sở ban hành các quy định, quy chế liên quan trên lĩnh vực công nghệ thông tin, an toàn thông tin để triển khai thực hiện tại Sở; Đẩy mạnh tuyên truyền về ứng dụng công nghệ thông tin, cải cách hành chính của Sở trên Trang Thông tin điện tử, nhất là tuyên truyền về cung ứng dịch vụ công trực tuyến đến người dân và doanh nghiệp để người dân, doanh nghiệp biết tham gia. Tuyên truyền chủ trương Đảng, pháp luật của Nhà nước trong công tác cải cách hành chính đến mọi người dân, doanh nghiệp để biết và thực hiện.",
    lead: ["VP"],
    coord: [],
    leadNote: "Văn phòng Sở, các phòng, đơn vị liên quan",
    coordNote: RELATED,
    dueDate: null,
    recurring: true,
    timingNote: "Thường xuyên trong năm",
  },
  {
    code: "V.b",
    section: "V",
    sectionTitle: SV,
    title: "Theo dõi KH 151/KH-UBND; tham mưu bố trí kinh phí",
    content:
      "Theo dõi, đánh giá, tham mưu đề xuất các nội dung liên quan đến công tác triển khai tại Kế hoạch số 151/KH-UBND ngày 21/12/2020 của UBND tỉnh trong mối quan hệ tổng thể về triển khai Kế hoạch số 66/KH-UBND ngày 18/5/2020 của UBND tỉnh thực hiện Nghị quyết số 50/NQ-CP ngày 17/4/2020 của Chính phủ và Kế hoạch số 271-KH/TU ngày 27/3/2020 của Ban Thường vụ Tỉnh ủy về một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư. Tham mưu bố trí kinh phí triển khai thực hiện Kế hoạch này theo đúng quy định của Nhà nước.",
    lead: ["KHTC"],
    coord: [],
    coordNote: RELATED,
    dueDate: null,
    recurring: true,
    timingNote: "Thường xuyên trong năm",
  },
  {
    code: "V.c",
    section: "V",
    sectionTitle: SV,
    title: "Ưu tiên nhiệm vụ, đề tài KH&CN lĩnh vực CNTT-TT",
    content:
      "Ưu tiên triển khai các chương trình, nhiệm vụ, dự án, đề tài nghiên cứu khoa học trong lĩnh vực công nghệ thông tin và truyền thông có liên quan đến nội dung triển khai tại Kế hoạch số 151/KH-UBND ngày 21/12/2020 của UBND tỉnh.",
    lead: ["QLKH", "QLCS"],
    coord: [],
    coordNote: RELATED,
    dueDate: null,
    recurring: true,
    timingNote: "Thường xuyên trong năm",
  },
];

export interface SeedReportDeadline {
  code: string;
  title: string;
  dueMonthDay: string;
  periodFrom: string;
  periodTo: string;
}

// Section VI.1: units report to the department (through Văn phòng Sở) before these days.
// The plan prints the year 2020 beside each date, a slip in a 2021 plan: the days are kept
// as days of every year, and the office can change them.
export const PLAN_2021_REPORT_DEADLINES: SeedReportDeadline[] = [
  { code: "q1", title: "Báo cáo quý I", dueMonthDay: "03-03", periodFrom: "01-01", periodTo: "03-31" },
  { code: "h1", title: "Báo cáo 6 tháng", dueMonthDay: "06-03", periodFrom: "01-01", periodTo: "06-30" },
  { code: "q3", title: "Báo cáo quý III", dueMonthDay: "09-03", periodFrom: "07-01", periodTo: "09-30" },
  { code: "year", title: "Báo cáo năm", dueMonthDay: "11-25", periodFrom: "01-01", periodTo: "12-31" },
];
