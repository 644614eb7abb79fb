/**
 * Information-security awareness tips for civil servants of the Department of
 * Science and Technology (Sở Khoa học và Công nghệ).
 *
 * Used by `/meoattt` (one tip on demand) and by the weekly scheduled tip, each
 * optionally followed by a one-question quiz. Seeded into the `Tip` table
 * (`code`, `category`, `textVi`, `textEn`, `quiz` as JSON).
 *
 * Editorial rules (enforced in test/unit/security-tips.test.ts where possible):
 * - Vietnamese first (NFC, full diacritics), English alongside with the same meaning.
 * - Plain words, a concrete action the reader can take today, 1–3 short sentences,
 *   at most 400 characters; no jargon without a short explanation in brackets.
 * - No invented laws, figures, statistics or phone numbers: no decree/article
 *   citations, no percentages, no hotlines. Incidents go to "cán bộ phụ trách
 *   CNTT của Sở" or "Văn phòng Sở".
 * - No commercial product names except platforms staff actually use (Zalo,
 *   Facebook, iOffice) and generic ones (Windows Update).
 * - Plain text only: no HTML/Markdown special characters, so the text can be sent
 *   with any parse mode.
 * - Quiz: 3–4 options (each ≤ 60 characters, they become Telegram buttons), same
 *   order in both languages, exactly one correct option, a one-sentence explanation.
 * - Codes are stable and never reused: when a tip is retired, keep its code out of
 *   circulation (mark it inactive in the database instead of renumbering).
 */

export const TIP_CATEGORIES = [
  { key: "password_auth", vi: "Mật khẩu và xác thực", en: "Passwords and authentication" },
  { key: "phishing", vi: "Thư điện tử và tin nhắn lừa đảo", en: "Phishing e-mails and scam messages" },
  { key: "malware_usb", vi: "Mã độc và USB", en: "Malware and USB drives" },
  { key: "updates", vi: "Cập nhật phần mềm", en: "Software updates" },
  { key: "public_wifi", vi: "Wi-Fi và mạng công cộng", en: "Wi-Fi and public networks" },
  { key: "backup", vi: "Sao lưu dữ liệu", en: "Data backup" },
  { key: "social_media", vi: "Mạng xã hội", en: "Social media" },
  { key: "digital_signature", vi: "Chữ ký số", en: "Digital signatures" },
  { key: "mobile", vi: "Thiết bị di động", en: "Mobile devices" },
  { key: "personal_data", vi: "Dữ liệu cá nhân", en: "Personal data" },
  { key: "incident_reporting", vi: "Báo cáo sự cố", en: "Reporting incidents" },
] as const;

export type TipCategoryKey = (typeof TIP_CATEGORIES)[number]["key"];

/** Code prefix of each category; a tip's code is `${prefix}-NN`. */
export const TIP_CODE_PREFIXES: Readonly<Record<TipCategoryKey, string>> = {
  password_auth: "MK",
  phishing: "LD",
  malware_usb: "MD",
  updates: "CN",
  public_wifi: "WF",
  backup: "SL",
  social_media: "MXH",
  digital_signature: "CKS",
  mobile: "DD",
  personal_data: "DLCN",
  incident_reporting: "SC",
};

export interface TipQuizText {
  question: string;
  options: string[];
  explanation: string;
}

export interface SecurityTip {
  /** Stable identifier, e.g. "MK-01" (prefix per category, never reused). */
  code: string;
  category: TipCategoryKey;
  /** Tip text in Vietnamese. */
  vi: string;
  /** Tip text in English. */
  en: string;
  /** Optional one-question quiz; `correct` is the 0-based index into `options`. */
  quiz?: { correct: number; vi: TipQuizText; en: TipQuizText };
}

export const SECURITY_TIPS: readonly SecurityTip[] = [
  // ───────────────────────── Mật khẩu và xác thực ─────────────────────────
  {
    code: "MK-01",
    category: "password_auth",
    vi: "Hãy dùng cụm mật khẩu dài, ghép từ vài từ dễ nhớ với anh/chị nhưng người khác khó đoán, ví dụ một câu ngắn có thêm chữ số và ký hiệu. Tránh dùng ngày sinh, số điện thoại hay tên người thân làm mật khẩu.",
    en: "Use a long passphrase made of several words that are easy for you to remember but hard for others to guess, such as a short sentence with a number and a symbol added. Avoid birthdays, phone numbers or relatives' names as passwords.",
    quiz: {
      correct: 2,
      vi: {
        question: "Mật khẩu nào dưới đây an toàn nhất cho hộp thư công vụ?",
        options: [
          "Ngày sinh viết liền, thêm dấu chấm than",
          "Tên đăng nhập kèm năm sinh của anh/chị",
          "Một câu ngắn dễ nhớ, có chữ số và ký hiệu",
          "Tên con kèm số điện thoại của anh/chị",
        ],
        explanation: "Cụm mật khẩu dài, không chứa thông tin cá nhân là loại khó đoán và khó dò ra nhất.",
      },
      en: {
        question: "Which of these is the safest password for your official mailbox?",
        options: [
          "Your date of birth followed by an exclamation mark",
          "Your username plus your year of birth",
          "A short memorable sentence with a number and symbol",
          "Your child's name plus your phone number",
        ],
        explanation: "A long passphrase without personal information is the hardest to guess or crack.",
      },
    },
  },
  {
    code: "MK-02",
    category: "password_auth",
    vi: "Không dùng chung mật khẩu thư điện tử công vụ hay iOffice với mật khẩu Facebook, Zalo hoặc tài khoản mua sắm. Khi một trang web bị lộ mật khẩu, kẻ gian sẽ đem mật khẩu đó thử vào các tài khoản khác của anh/chị.",
    en: "Do not reuse your official e-mail or iOffice password for Facebook, Zalo or shopping accounts. When one website leaks passwords, criminals take them and try them on your other accounts.",
    quiz: {
      correct: 0,
      vi: {
        question: "Vì sao không nên dùng cùng một mật khẩu cho thư công vụ và tài khoản mạng xã hội?",
        options: [
          "Lộ ở một nơi, kẻ gian sẽ thử vào các nơi khác",
          "Vì hệ thống thư công vụ sẽ báo lỗi trùng mật khẩu",
          "Vì mật khẩu dùng chung sẽ tự hết hạn sớm hơn",
        ],
        explanation: "Kẻ gian thường lấy mật khẩu bị lộ từ một trang để thử đăng nhập vào các tài khoản khác của cùng người dùng.",
      },
      en: {
        question: "Why should your official e-mail and your social media accounts not share a password?",
        options: [
          "If it leaks in one place, criminals try it elsewhere",
          "The official mail system rejects reused passwords",
          "Shared passwords expire sooner than other passwords",
        ],
        explanation: "Criminals routinely take passwords leaked from one site and try them on the same person's other accounts.",
      },
    },
  },
  {
    code: "MK-03",
    category: "password_auth",
    vi: "Hãy bật xác thực hai bước (ngoài mật khẩu còn phải nhập mã gửi về điện thoại) cho thư điện tử, Zalo và Facebook ở những nơi có hỗ trợ. Dù kẻ gian biết mật khẩu, chúng vẫn khó vào được tài khoản nếu không có điện thoại của anh/chị.",
    en: "Turn on two-step verification (a code sent to your phone in addition to your password) for e-mail, Zalo and Facebook wherever it is offered. Even if criminals learn your password, they will struggle to get in without your phone.",
    quiz: {
      correct: 3,
      vi: {
        question: "Xác thực hai bước giúp gì cho tài khoản của anh/chị?",
        options: [
          "Không cần nhớ mật khẩu nữa, chỉ cần mã",
          "Máy tính và điện thoại chạy nhanh hơn",
          "Tài khoản không bao giờ bị khóa dù quên mật khẩu",
          "Kẻ gian có mật khẩu vẫn khó đăng nhập",
        ],
        explanation: "Ngoài mật khẩu, kẻ gian còn cần mã trên điện thoại của anh/chị nên khó chiếm tài khoản hơn nhiều.",
      },
      en: {
        question: "How does two-step verification help protect your account?",
        options: [
          "You no longer need a password, only the code",
          "Your computer and phone run faster",
          "The account never locks, even if you forget the password",
          "Someone with your password still struggles to log in",
        ],
        explanation: "Besides your password, an attacker also needs the code on your phone, which makes taking over the account much harder.",
      },
    },
  },
  {
    code: "MK-04",
    category: "password_auth",
    vi: "Mã OTP (mã xác nhận dùng một lần gửi qua tin nhắn) chỉ dành riêng cho anh/chị. Không đọc hay gửi mã này cho bất kỳ ai, kể cả người xưng là nhân viên ngân hàng, công an hay đồng nghiệp.",
    en: "An OTP (a one-time confirmation code sent by text message) is for you alone. Never read it out or send it to anyone, including people claiming to be bank staff, police officers or colleagues.",
    quiz: {
      correct: 0,
      vi: {
        question: "Người gọi xưng là nhân viên ngân hàng, đề nghị anh/chị đọc mã OTP vừa nhận để “hủy giao dịch lạ”. Anh/chị nên làm gì?",
        options: [
          "Không đưa mã, gác máy, tự gọi số ghi trên thẻ",
          "Đọc mã vì họ đã nói đúng số tài khoản của mình",
          "Gửi mã qua Zalo cho họ thay vì đọc qua điện thoại",
        ],
        explanation: "Ngân hàng không đề nghị khách hàng đọc mã OTP qua điện thoại, nên yêu cầu này là dấu hiệu lừa đảo.",
      },
      en: {
        question: "A caller claiming to be from your bank asks you to read out the OTP you just received to “cancel a strange transaction”. What should you do?",
        options: [
          "Refuse, hang up, call the number on your card",
          "Read it out, they knew your account number",
          "Send it to them via Zalo instead of reading it out",
        ],
        explanation: "Banks do not ask customers to read out OTP codes over the phone, so this request is a sign of fraud.",
      },
    },
  },
  {
    code: "MK-05",
    category: "password_auth",
    vi: "Không dán mật khẩu lên màn hình, dưới bàn phím hay ghi vào sổ để trên bàn làm việc. Trên máy tính dùng chung, khi trình duyệt hỏi “Lưu mật khẩu?”, hãy chọn “Không”.",
    en: "Do not stick your password on the monitor, under the keyboard or in a notebook left on your desk. On a shared computer, when the browser asks “Save password?”, choose “No”.",
    quiz: {
      correct: 2,
      vi: {
        question: "Trên máy tính dùng chung ở bộ phận một cửa, trình duyệt hỏi có lưu mật khẩu thư công vụ không. Anh/chị chọn gì?",
        options: [
          "Lưu, vì máy đặt trong phòng làm việc của cơ quan",
          "Lưu, rồi nhớ xóa lịch sử duyệt web cuối tuần",
          "Không lưu mật khẩu",
        ],
        explanation: "Nếu mật khẩu đã được lưu, người dùng sau trên máy chung có thể mở hộp thư của anh/chị.",
      },
      en: {
        question: "On a shared computer at the one-stop desk, the browser asks whether to save your official e-mail password. What do you choose?",
        options: [
          "Save it, the computer is inside the office",
          "Save it and clear the browsing history weekly",
          "Do not save the password",
        ],
        explanation: "If the password is saved, the next person using the shared computer can open your mailbox.",
      },
    },
  },
  {
    code: "MK-06",
    category: "password_auth",
    vi: "Mỗi khi rời bàn làm việc, dù chỉ vài phút, hãy khóa màn hình bằng tổ hợp phím Windows + L. Như vậy không ai có thể dùng iOffice hay hộp thư công vụ đang mở của anh/chị.",
    en: "Whenever you leave your desk, even for a few minutes, lock the screen by pressing Windows + L. That way nobody can use the iOffice or official mailbox you have open.",
    quiz: {
      correct: 0,
      vi: {
        question: "Anh/chị cần rời bàn đi họp ngắn trong khi iOffice đang mở. Cách nhanh và an toàn nhất là gì?",
        options: [
          "Nhấn Windows + L để khóa máy",
          "Tắt màn hình bằng nút nguồn của màn hình",
          "Nhờ đồng nghiệp trông giúp",
          "Để nguyên vì chỉ đi vài phút",
        ],
        explanation: "Khi máy đã khóa, phải nhập mật khẩu mới dùng tiếp được, còn tắt màn hình thì không ngăn được ai.",
      },
      en: {
        question: "You need to step out for a short meeting while iOffice is open. What is the quickest safe option?",
        options: [
          "Press Windows + L to lock the computer",
          "Switch off the monitor with its power button",
          "Ask a colleague to keep an eye on it",
          "Leave it, you will only be gone a few minutes",
        ],
        explanation: "A locked computer needs your password before anyone can continue, whereas switching off the monitor stops nobody.",
      },
    },
  },
  {
    code: "MK-07",
    category: "password_auth",
    vi: "Khi được cấp tài khoản mới hoặc được đặt lại mật khẩu, hãy đổi ngay mật khẩu tạm ở lần đăng nhập đầu tiên. Mật khẩu tạm thường đã qua tay nhiều người hoặc nhiều kênh nên không còn là bí mật.",
    en: "When you receive a new account or a password reset, change the temporary password the first time you log in. Temporary passwords have often passed through several people or channels, so they are no longer secret.",
    quiz: {
      correct: 2,
      vi: {
        question: "Anh/chị vừa được cấp tài khoản hệ thống một cửa điện tử kèm mật khẩu tạm. Nên làm gì đầu tiên?",
        options: [
          "Giữ mật khẩu tạm vì do chính cơ quan cấp",
          "Dùng mật khẩu tạm đến khi hệ thống bắt đổi",
          "Đổi sang mật khẩu riêng ngay lần đầu",
        ],
        explanation: "Mật khẩu tạm có thể đã qua tay nhiều người, nên cần đổi ngay để chỉ mình anh/chị biết.",
      },
      en: {
        question: "You have just been given an account for the one-stop e-government system with a temporary password. What should you do first?",
        options: [
          "Keep it, since the agency itself issued it",
          "Use it until the system forces a change",
          "Change it to your own at first login",
        ],
        explanation: "A temporary password may have passed through several hands, so change it at once so that only you know it.",
      },
    },
  },

  // ─────────────────── Thư điện tử và tin nhắn lừa đảo ───────────────────
  {
    code: "LD-01",
    category: "phishing",
    vi: "Trước khi làm theo một thư điện tử, hãy xem kỹ địa chỉ người gửi chứ không chỉ tên hiển thị: thư của cơ quan nhà nước thường có địa chỉ kết thúc bằng .gov.vn, còn kẻ gian hay dùng địa chỉ na ná hoặc hộp thư miễn phí. Nếu thấy lạ, hãy gọi điện hỏi lại người gửi.",
    en: "Before acting on an e-mail, check the sender's actual address, not just the display name: mail from government agencies usually ends in .gov.vn, while criminals often use look-alike addresses or free mailboxes. If anything looks odd, phone the sender to check.",
    quiz: {
      correct: 1,
      vi: {
        question: "Anh/chị nhận thư ký tên “Giám đốc Sở” nhưng gửi từ một hộp thư miễn phí lạ, yêu cầu gửi gấp tài liệu. Nên làm gì?",
        options: [
          "Làm ngay vì đây là chỉ đạo của lãnh đạo",
          "Gọi điện hoặc gặp lãnh đạo để xác minh",
          "Trả lời thư đó để hỏi lại cho chắc chắn",
        ],
        explanation: "Trả lời thư chỉ đến tay kẻ gian, nên cần xác minh qua một kênh khác mà anh/chị đã biết chắc.",
      },
      en: {
        question: "You receive an e-mail signed “Director of the Department” but sent from an unfamiliar free mailbox, urgently asking for documents. What should you do?",
        options: [
          "Do it at once, it is an instruction from above",
          "Call or see the director in person to verify",
          "Reply to that e-mail to double-check",
        ],
        explanation: "A reply only reaches the criminal, so verify through a channel you already know is genuine.",
      },
    },
  },
  {
    code: "LD-02",
    category: "phishing",
    vi: "Nếu bấm vào đường link trong thư hay tin nhắn mà hiện ra trang đòi nhập mật khẩu thư công vụ, hãy dừng lại và đóng trang đó. Khi cần đăng nhập, anh/chị hãy tự gõ địa chỉ quen thuộc hoặc dùng dấu trang đã lưu sẵn.",
    en: "If a link in an e-mail or message opens a page asking for your official e-mail password, stop and close that page. When you need to log in, type the familiar address yourself or use a saved bookmark.",
    quiz: {
      correct: 0,
      vi: {
        question: "Thư báo: “Hộp thư của anh/chị sắp đầy, bấm vào đây và đăng nhập để tăng dung lượng”. Cách xử lý đúng là gì?",
        options: [
          "Không bấm; tự mở hộp thư như mọi khi",
          "Bấm link và đăng nhập ngay kẻo bị mất thư",
          "Chuyển thư cho đồng nghiệp hỏi xem họ có bị không",
        ],
        explanation: "Trang đăng nhập mở ra từ đường link lạ có thể là trang giả được dựng lên để lấy cắp mật khẩu.",
      },
      en: {
        question: "An e-mail says: “Your mailbox is almost full, click here and log in to increase its size”. What is the right response?",
        options: [
          "Don't click; open your mailbox the usual way",
          "Click and log in now so no mail gets lost",
          "Forward it to colleagues to see if they got it too",
        ],
        explanation: "A login page reached through an unknown link may be a fake set up to steal your password.",
      },
    },
  },
  {
    code: "LD-03",
    category: "phishing",
    vi: "Tin nhắn báo “phạt nguội”, nợ cước hay trúng thưởng kèm đường link để tra cứu, nộp tiền thường là lừa đảo. Hãy tự tìm và tra cứu trên trang web chính thức của cơ quan nhà nước, không bấm vào link trong tin nhắn.",
    en: "Text messages about traffic camera fines, unpaid bills or prizes that include a link to check or pay are usually scams. Find the official government website yourself and check there, and do not tap links in the message.",
    quiz: {
      correct: 2,
      vi: {
        question: "Anh/chị nhận tin nhắn: “Xe của anh/chị có lỗi phạt nguội, bấm link để nộp phạt trong hôm nay”. Nên làm gì?",
        options: [
          "Bấm link nộp ngay để tránh bị phạt thêm",
          "Bấm link xem trước, chưa nộp tiền vội",
          "Không bấm; tự tra trên trang chính thức",
        ],
        explanation: "Lời hối thúc kèm đường link nộp tiền là dấu hiệu điển hình của lừa đảo, nên cần tự tra cứu qua kênh chính thức.",
      },
      en: {
        question: "You receive a text: “Your vehicle has a camera-detected traffic fine, tap the link to pay today”. What should you do?",
        options: [
          "Tap and pay now to avoid extra penalties",
          "Tap just to look, without paying yet",
          "Don't tap; check the official website yourself",
        ],
        explanation: "Pressure to act fast plus a payment link is a classic sign of fraud, so check through official channels yourself.",
      },
    },
  },
  {
    code: "LD-04",
    category: "phishing",
    vi: "Kẻ gian hay gọi điện xưng là công an, tòa án hoặc viện kiểm sát, nói anh/chị liên quan đến một vụ án rồi yêu cầu chuyển tiền hay cài ứng dụng. Cơ quan chức năng không giải quyết vụ việc bằng cách đòi chuyển tiền qua điện thoại; hãy gác máy và báo công an nơi gần nhất.",
    en: "Criminals often phone pretending to be police, a court or a prosecutor's office, say you are involved in a case, then demand a money transfer or that you install an app. The authorities do not settle cases by asking for money transfers over the phone; hang up and report it to the nearest police station.",
    quiz: {
      correct: 0,
      vi: {
        question: "Người gọi xưng là công an, nói anh/chị liên quan đường dây rửa tiền và yêu cầu chuyển tiền vào “tài khoản tạm giữ”. Đây là gì?",
        options: [
          "Dấu hiệu lừa đảo, cần gác máy",
          "Thủ tục điều tra bình thường",
          "Yêu cầu phải làm ngay để tránh bị bắt",
        ],
        explanation: "Cơ quan công an không yêu cầu người dân chuyển tiền vào bất kỳ “tài khoản tạm giữ” nào qua điện thoại.",
      },
      en: {
        question: "A caller claiming to be a police officer says you are linked to a money-laundering ring and must transfer money to a “holding account”. What is this?",
        options: [
          "A sign of fraud; hang up",
          "A normal investigation procedure",
          "An order you must obey at once to avoid arrest",
        ],
        explanation: "The police never ask people to transfer money into any “holding account” over the phone.",
      },
    },
  },
  {
    code: "LD-05",
    category: "phishing",
    vi: "Cẩn thận với tệp đính kèm có tên hấp dẫn như “Danh sách nâng lương”, “Quyết định khen thưởng” hay “Công văn khẩn” từ người gửi lạ. Nếu không chờ thư này, hãy hỏi lại người gửi hoặc nhờ cán bộ phụ trách CNTT của Sở kiểm tra trước khi mở.",
    en: "Be wary of attachments with tempting names such as “Salary increase list”, “Commendation decision” or “Urgent official letter” from unknown senders. If you were not expecting it, ask the sender or have the Department's IT officer check it before opening.",
    quiz: {
      correct: 1,
      vi: {
        question: "Anh/chị nhận thư từ một địa chỉ lạ, đính kèm tệp nén tên “Danh sach nang luong.zip”. Việc nên làm là gì?",
        options: [
          "Mở ngay xem có tên mình trong danh sách không",
          "Không mở, hỏi cán bộ phụ trách CNTT của Sở",
          "Chuyển cho cả phòng để mọi người cùng xem",
        ],
        explanation: "Tệp nén có tên hấp dẫn gửi từ người lạ là cách phổ biến để phát tán mã độc.",
      },
      en: {
        question: "You receive an e-mail from an unknown address with a compressed attachment called “Salary increase list.zip”. What should you do?",
        options: [
          "Open it to see whether your name is on the list",
          "Don't open it; ask the Department's IT officer",
          "Forward it so the whole division can look",
        ],
        explanation: "Compressed files with tempting names sent by strangers are a common way to spread malware.",
      },
    },
  },
  {
    code: "LD-06",
    category: "phishing",
    vi: "Nếu “lãnh đạo” hay người quen nhắn qua Zalo, Facebook nhờ chuyển tiền gấp, mua thẻ cào hoặc gửi mã xác nhận, hãy gọi điện vào số anh/chị đã biết để xác minh. Tài khoản mạng xã hội rất dễ bị chiếm hoặc bị giả mạo.",
    en: "If a “leader” or acquaintance messages you on Zalo or Facebook asking you to transfer money urgently, buy phone top-up cards or send a confirmation code, call them on a number you already know to check. Social media accounts are easily hijacked or faked.",
    quiz: {
      correct: 2,
      vi: {
        question: "Một tài khoản Zalo mang tên và ảnh của Phó Giám đốc nhắn nhờ anh/chị chuyển tiền gấp, dặn đừng gọi vì đang họp. Anh/chị nên làm gì?",
        options: [
          "Chuyển ngay vì lãnh đạo đang cần gấp",
          "Nhắn lại qua chính tài khoản Zalo đó để hỏi",
          "Gọi vào số quen của lãnh đạo để hỏi",
        ],
        explanation: "Nếu tài khoản đã bị chiếm thì nhắn lại trên đó chỉ gặp kẻ gian, nên phải xác minh qua kênh khác.",
      },
      en: {
        question: "A Zalo account with the Deputy Director's name and photo asks you to transfer money urgently and says not to call because they are in a meeting. What should you do?",
        options: [
          "Transfer it at once, the leader needs it",
          "Reply via that same Zalo account to ask",
          "Call the leader's known number to check",
        ],
        explanation: "If the account has been hijacked, replying there only reaches the criminal, so verify through another channel.",
      },
    },
  },
  {
    code: "LD-07",
    category: "phishing",
    vi: "Tin nhắn hiện đúng tên ngân hàng hay tên cơ quan vẫn có thể là giả, vì kẻ gian có cách phát tin nhắn mạo danh. Hãy nghi ngờ mọi tin nhắn có đường link đòi đăng nhập hoặc cập nhật thông tin, kể cả khi nó nằm chung với các tin nhắn thật.",
    en: "A text showing the correct name of your bank or an agency may still be fake, because criminals have ways to send spoofed messages. Be suspicious of any text with a link asking you to log in or update your details, even if it sits among genuine messages.",
    quiz: {
      correct: 0,
      vi: {
        question: "Tin nhắn hiện tên ngân hàng quen, nằm chung với các tin thật, yêu cầu bấm link để “cập nhật sinh trắc học”. Nhận định nào đúng?",
        options: [
          "Có thể là giả; tự mở ứng dụng ngân hàng",
          "Chắc chắn là thật vì hiện đúng tên ngân hàng",
          "Là thật vì nằm chung với các tin nhắn cũ",
        ],
        explanation: "Tên người gửi có thể bị giả mạo, nên mọi việc cập nhật chỉ làm trong ứng dụng chính thức hoặc tại quầy giao dịch.",
      },
      en: {
        question: "A text showing your bank's name, in the same thread as genuine ones, asks you to tap a link to “update your biometrics”. Which statement is true?",
        options: [
          "It may be fake; open the bank app yourself",
          "It must be real, it shows the bank's name",
          "It is real, it sits with the older messages",
        ],
        explanation: "The sender name can be spoofed, so do any updates only in the official app or at a bank branch.",
      },
    },
  },

  // ───────────────────────────── Mã độc và USB ─────────────────────────────
  {
    code: "MD-01",
    category: "malware_usb",
    vi: "Không cắm vào máy tính cơ quan chiếc USB nhặt được, được tặng không rõ nguồn gốc hay của người lạ nhờ in tài liệu. USB có thể chứa mã độc (phần mềm độc hại lấy cắp dữ liệu hoặc phá hỏng máy) và lây sang máy ngay khi mở tệp.",
    en: "Do not plug a USB drive that you found, received from an unknown source, or that a stranger asks you to print from into an office computer. It may carry malware (harmful software that steals data or damages the computer) which spreads as soon as a file is opened.",
    quiz: {
      correct: 2,
      vi: {
        question: "Anh/chị nhặt được một chiếc USB ở hành lang cơ quan. Nên làm gì?",
        options: [
          "Cắm vào máy để xem tài liệu, tìm chủ nhân",
          "Mang về nhà cắm thử vào máy riêng",
          "Giao cho Văn phòng Sở, không cắm vào máy",
        ],
        explanation: "USB không rõ nguồn gốc có thể chứa mã độc, nên hãy để bộ phận phụ trách xử lý.",
      },
      en: {
        question: "You find a USB drive in the office corridor. What should you do?",
        options: [
          "Plug it in to look for the owner's name",
          "Try it on your own computer at home",
          "Hand it to the office without plugging it in",
        ],
        explanation: "A USB drive of unknown origin may carry malware, so let the people in charge deal with it.",
      },
    },
  },
  {
    code: "MD-02",
    category: "malware_usb",
    vi: "USB mang ra tiệm photo, in ấn hoặc cắm vào máy tính công cộng rất dễ bị nhiễm mã độc. Khi mang về, hãy quét bằng phần mềm diệt virus của cơ quan trước khi mở bất kỳ tệp nào.",
    en: "USB drives taken to copy shops or plugged into public computers are easily infected with malware. When you bring one back, scan it with the office antivirus software before opening any file.",
    quiz: {
      correct: 0,
      vi: {
        question: "USB vừa mang đi in ở tiệm photo về. Khi cắm vào máy cơ quan, việc đầu tiên nên làm là gì?",
        options: [
          "Quét USB bằng phần mềm diệt virus",
          "Mở ngay tệp vừa in để kiểm tra",
          "Chép toàn bộ USB vào máy rồi mới xem",
        ],
        explanation: "Quét trước khi mở giúp phát hiện mã độc có thể đã lây vào USB từ máy ở tiệm.",
      },
      en: {
        question: "You have just brought a USB drive back from a copy shop. What should you do first when you plug it into your office computer?",
        options: [
          "Scan it with the antivirus software",
          "Open the printed file at once to check it",
          "Copy everything onto the computer, then look",
        ],
        explanation: "Scanning before opening anything helps catch malware the drive may have picked up from the shop's computer.",
      },
    },
  },
  {
    code: "MD-03",
    category: "malware_usb",
    vi: "Khi mở tệp văn bản hay bảng tính nhận qua thư mà thấy dòng thông báo yêu cầu bấm “Enable Content” (Bật nội dung) để xem, hãy dừng lại. Văn bản thông thường không cần bước này; kẻ gian dùng nó để chạy mã độc giấu trong tệp.",
    en: "If a document or spreadsheet received by e-mail shows a bar asking you to click “Enable Content” to view it, stop. Ordinary documents do not need this step; criminals use it to run malware hidden in the file.",
    quiz: {
      correct: 1,
      vi: {
        question: "Tệp bảng tính nhận qua thư hiện dòng “Bấm Enable Content để xem nội dung”. Anh/chị nên làm gì?",
        options: [
          "Bấm Enable Content vì thư từ người quen",
          "Đóng tệp và hỏi cán bộ CNTT",
          "Tắt phần mềm diệt virus rồi mở lại tệp",
        ],
        explanation: "Yêu cầu “bật nội dung” là cách thường gặp để chạy mã độc giấu trong tệp văn bản.",
      },
      en: {
        question: "A spreadsheet received by e-mail shows “Click Enable Content to view the content”. What should you do?",
        options: [
          "Click Enable Content, it came from someone you know",
          "Close it and ask the IT officer",
          "Turn off the antivirus and open it again",
        ],
        explanation: "An “enable content” prompt is a common way to run malware hidden in a document.",
      },
    },
  },
  {
    code: "MD-04",
    category: "malware_usb",
    vi: "Không tải và cài phần mềm “bẻ khóa” (bản lậu đã bị sửa để dùng không mất tiền) hay công cụ miễn phí từ trang web lạ lên máy cơ quan. Các bản này thường cài kèm mã độc; khi cần phần mềm, hãy đề nghị cán bộ phụ trách CNTT của Sở cài đặt.",
    en: "Do not download and install “cracked” software (pirated copies altered to work without paying) or free tools from unknown websites on office computers. They often come bundled with malware; when you need software, ask the Department's IT officer to install it.",
    quiz: {
      correct: 0,
      vi: {
        question: "Anh/chị cần một phần mềm chuyển đổi tệp PDF cho công việc. Cách làm đúng là gì?",
        options: [
          "Nhờ cán bộ phụ trách CNTT của Sở cài",
          "Tải bản bẻ khóa trên mạng, quét virus rồi cài",
          "Chép bộ cài từ máy ở nhà sang bằng USB",
        ],
        explanation: "Phần mềm do cán bộ phụ trách CNTT cài đặt có nguồn gốc rõ ràng, không kèm mã độc.",
      },
      en: {
        question: "You need a PDF conversion tool for your work. What is the right way to get it?",
        options: [
          "Ask the Department's IT officer to install it",
          "Download a cracked copy, scan it, then install",
          "Copy the installer from your home PC by USB",
        ],
        explanation: "Software installed by the IT officer comes from a known source and does not carry hidden malware.",
      },
    },
  },
  {
    code: "MD-05",
    category: "malware_usb",
    vi: "Không tắt phần mềm diệt virus, kể cả khi máy chạy chậm hay một trang web yêu cầu tắt. Nếu phần mềm cảnh báo một tệp nguy hiểm, hãy tin cảnh báo đó và báo cán bộ phụ trách CNTT của Sở thay vì tự bỏ qua.",
    en: "Do not switch off the antivirus software, even if the computer is slow or a website tells you to. If it warns that a file is dangerous, trust the warning and tell the Department's IT officer instead of overriding it.",
    quiz: {
      correct: 1,
      vi: {
        question: "Một trang web báo: “Hãy tắt phần mềm diệt virus để tải tài liệu”. Anh/chị nên làm gì?",
        options: [
          "Tắt tạm thời rồi bật lại sau",
          "Không tắt và rời khỏi trang đó",
          "Tắt hẳn cho máy chạy nhanh hơn",
        ],
        explanation: "Trang web đòi tắt phần mềm diệt virus gần như chắc chắn đang tìm cách cài mã độc.",
      },
      en: {
        question: "A website says: “Turn off your antivirus to download the document”. What should you do?",
        options: [
          "Turn it off briefly, then back on",
          "Keep it on and leave that website",
          "Turn it off for good so the computer is faster",
        ],
        explanation: "A website that asks you to switch off your antivirus is almost certainly trying to install malware.",
      },
    },
  },
  {
    code: "MD-06",
    category: "malware_usb",
    vi: "Không mở tệp đính kèm từ người lạ có đuôi (phần chữ sau dấu chấm cuối cùng của tên tệp) là .exe, .scr hay .js. Đó là những chương trình có thể chạy ngay trên máy; văn bản hành chính thông thường chỉ là tệp văn bản hoặc PDF.",
    en: "Do not open attachments from strangers whose extension (the letters after the last dot in the file name) is .exe, .scr or .js. These are programs that can run straight away on your computer; ordinary administrative documents are just text files or PDFs.",
    quiz: {
      correct: 2,
      vi: {
        question: "Tệp đính kèm nào dưới đây đáng nghi nhất khi nhận từ người lạ?",
        options: [
          "Giay moi hop.pdf",
          "Bao cao tong ket quy.docx",
          "Giay moi hop.pdf.exe",
        ],
        explanation: "Tên tệp kết thúc bằng .exe là một chương trình đang giả dạng văn bản PDF.",
      },
      en: {
        question: "Which of these attachments from a stranger is the most suspicious?",
        options: [
          "Meeting invitation.pdf",
          "Quarterly summary report.docx",
          "Meeting invitation.pdf.exe",
        ],
        explanation: "A file name ending in .exe is a program disguised as a PDF document.",
      },
    },
  },

  // ─────────────────────────── Cập nhật phần mềm ───────────────────────────
  {
    code: "CN-01",
    category: "updates",
    vi: "Khi máy tính báo có bản cập nhật từ Windows Update, hãy để máy cài đặt và khởi động lại vào cuối buổi làm việc thay vì hoãn mãi. Bản cập nhật vá những lỗ hổng (điểm yếu trong phần mềm) mà kẻ gian có thể lợi dụng để tấn công.",
    en: "When your computer says Windows Update has updates, let it install them and restart at the end of the working day instead of postponing indefinitely. Updates fix vulnerabilities (weak spots in the software) that criminals can exploit.",
    quiz: {
      correct: 0,
      vi: {
        question: "Vì sao nên cài bản cập nhật Windows sớm?",
        options: [
          "Để vá lỗ hổng kẻ gian có thể lợi dụng",
          "Để máy không bao giờ phải khởi động lại nữa",
          "Để có giao diện mới đẹp hơn, dễ dùng hơn",
        ],
        explanation: "Phần lớn bản cập nhật sửa các điểm yếu bảo mật, nên cài sớm thì máy bớt bị tấn công.",
      },
      en: {
        question: "Why should Windows updates be installed promptly?",
        options: [
          "To fix weak spots criminals could exploit",
          "So the computer never needs restarting again",
          "To get a newer, nicer-looking screen layout",
        ],
        explanation: "Most updates fix security weaknesses, so installing them early leaves the computer less open to attack.",
      },
    },
  },
  {
    code: "CN-02",
    category: "updates",
    vi: "Điện thoại cũng cần cập nhật: hãy bật tự động cập nhật ứng dụng và cài bản cập nhật hệ điều hành (phần mềm nền của máy) khi có thông báo. Nên cài lúc đang sạc pin và dùng Wi-Fi tin cậy.",
    en: "Phones need updates too: turn on automatic app updates and install system updates (the phone's core software) when notified. Do it while charging and on a trusted Wi-Fi network.",
    quiz: {
      correct: 2,
      vi: {
        question: "Điện thoại báo có bản cập nhật hệ thống mới của nhà sản xuất. Anh/chị nên làm gì?",
        options: [
          "Bỏ qua vì máy vẫn đang chạy tốt",
          "Tải bản cập nhật từ link chia sẻ trên mạng xã hội",
          "Cài khi đang sạc pin, có Wi-Fi tin cậy",
        ],
        explanation: "Bản cập nhật của nhà sản xuất vá lỗi bảo mật, và cài khi đang sạc giúp quá trình không bị gián đoạn.",
      },
      en: {
        question: "Your phone says a new system update from the manufacturer is available. What should you do?",
        options: [
          "Ignore it, the phone still works fine",
          "Get the update from a link shared on social media",
          "Install it while charging, on trusted Wi-Fi",
        ],
        explanation: "Manufacturer updates fix security flaws, and installing while charging keeps the process from being interrupted.",
      },
    },
  },
  {
    code: "CN-03",
    category: "updates",
    vi: "Nếu một trang web bật thông báo “Trình duyệt đã cũ, bấm để cập nhật” hay “Máy đã nhiễm virus”, đừng bấm vào. Bản cập nhật thật đến từ chính phần mềm hoặc hệ điều hành, không đến từ quảng cáo trên trang web.",
    en: "If a website pops up “Your browser is out of date, click to update” or “Your computer is infected”, do not click it. Genuine updates come from the software or operating system itself, never from adverts on web pages.",
    quiz: {
      correct: 2,
      vi: {
        question: "Khi đọc báo mạng, một cửa sổ hiện ra: “Trình duyệt đã cũ, bấm để tải bản cập nhật”. Anh/chị nên làm gì?",
        options: [
          "Bấm tải ngay để trình duyệt an toàn hơn",
          "Bấm tải về trước, quét virus rồi mới cài",
          "Đóng lại, không bấm tải",
        ],
        explanation: "Cửa sổ cập nhật bật ra trên trang web thường là mồi nhử để cài mã độc.",
      },
      en: {
        question: "While reading online news, a window pops up: “Your browser is out of date, click to download the update”. What should you do?",
        options: [
          "Click and download it to stay safe",
          "Download it, scan it, then install it",
          "Close it without downloading",
        ],
        explanation: "Update pop-ups on web pages are usually bait for installing malware.",
      },
    },
  },
  {
    code: "CN-04",
    category: "updates",
    vi: "Máy tính hay điện thoại dùng phiên bản đã hết hỗ trợ (nhà sản xuất không còn phát hành bản vá lỗi) sẽ ngày càng dễ bị tấn công. Nếu máy cơ quan còn chạy phiên bản quá cũ, hãy báo cán bộ phụ trách CNTT của Sở để được nâng cấp hoặc thay thế.",
    en: "A computer or phone running a version that is no longer supported (the maker no longer releases fixes) becomes easier and easier to attack. If your office computer still runs a very old version, tell the Department's IT officer so it can be upgraded or replaced.",
    quiz: {
      correct: 1,
      vi: {
        question: "Một phiên bản phần mềm “đã hết hỗ trợ” có nghĩa là gì?",
        options: [
          "Phần mềm sẽ tự gỡ khỏi máy sau một thời gian",
          "Nhà sản xuất không còn phát hành bản vá",
          "Phần mềm chạy nhanh hơn vì không phải cập nhật",
        ],
        explanation: "Khi không còn bản vá, mọi lỗ hổng mới phát hiện sẽ bị bỏ ngỏ cho kẻ gian lợi dụng.",
      },
      en: {
        question: "What does it mean when a software version is “no longer supported”?",
        options: [
          "The software removes itself after a while",
          "The maker no longer releases fixes for it",
          "It runs faster as it no longer needs updates",
        ],
        explanation: "Without fixes, every newly found weakness stays open for criminals to exploit.",
      },
    },
  },
  {
    code: "CN-05",
    category: "updates",
    vi: "Hãy gỡ bỏ những phần mềm và tiện ích trình duyệt (phần cài thêm vào trình duyệt) không còn dùng, hoặc nhờ cán bộ phụ trách CNTT của Sở gỡ giúp. Ít phần mềm hơn nghĩa là ít chỗ cho kẻ gian lợi dụng và ít thứ phải cập nhật.",
    en: "Remove software and browser extensions (add-ons installed in the browser) you no longer use, or ask the Department's IT officer to remove them. Fewer programs mean fewer openings for criminals and fewer things to keep updated.",
    quiz: {
      correct: 2,
      vi: {
        question: "Trên máy có nhiều phần mềm, tiện ích đã lâu không dùng. Cách làm nào an toàn hơn?",
        options: [
          "Giữ lại phòng khi sau này cần đến",
          "Tắt cập nhật của chúng cho đỡ phiền",
          "Gỡ bỏ, hoặc nhờ cán bộ CNTT gỡ giúp",
        ],
        explanation: "Phần mềm bị bỏ quên thường không được cập nhật và trở thành cửa ngõ cho kẻ tấn công.",
      },
      en: {
        question: "Your computer has many programs and add-ons you have not used for a long time. What is the safer choice?",
        options: [
          "Keep them in case you need them later",
          "Turn off their updates to avoid the bother",
          "Remove them, or ask the IT officer to",
        ],
        explanation: "Forgotten software is rarely updated and becomes a way in for attackers.",
      },
    },
  },
  {
    code: "CN-06",
    category: "updates",
    vi: "Chỉ cập nhật phần mềm qua chức năng cập nhật có sẵn trong phần mềm, qua kho ứng dụng chính thức hoặc do cán bộ phụ trách CNTT của Sở thực hiện. Không cài “bản cập nhật” do người lạ gửi qua thư, Zalo hay USB.",
    en: "Update software only through its built-in update feature, the official app store, or the Department's IT officer. Never install an “update” sent by a stranger via e-mail, Zalo or USB drive.",
    quiz: {
      correct: 1,
      vi: {
        question: "Người lạ nhắn Zalo kèm tệp “Bản cập nhật iOffice mới”, đề nghị anh/chị cài ngay. Nên làm gì?",
        options: [
          "Cài ngay để dùng phiên bản mới nhất",
          "Không mở; hỏi cán bộ CNTT của Sở",
          "Chuyển cho đồng nghiệp rành máy cài thử trước",
        ],
        explanation: "Bản cập nhật thật không được người lạ gửi qua Zalo, nên tệp này rất có thể là mã độc.",
      },
      en: {
        question: "A stranger sends you a file on Zalo called “New iOffice update” and asks you to install it now. What should you do?",
        options: [
          "Install it now to get the latest version",
          "Don't open it; ask the IT officer",
          "Let a tech-savvy colleague try it first",
        ],
        explanation: "Genuine updates are not sent by strangers on Zalo, so this file is very likely malware.",
      },
    },
  },

  // ──────────────────────── Wi-Fi và mạng công cộng ────────────────────────
  {
    code: "WF-01",
    category: "public_wifi",
    vi: "Ở quán cà phê, sân bay hay khách sạn, hạn chế đăng nhập thư công vụ, iOffice hay tài khoản ngân hàng qua Wi-Fi công cộng. Nếu cần xử lý việc gấp, hãy dùng dữ liệu di động (4G/5G) của điện thoại.",
    en: "In cafes, airports or hotels, avoid logging in to official e-mail, iOffice or bank accounts over public Wi-Fi. If something is urgent, use your phone's mobile data (4G/5G) instead.",
    quiz: {
      correct: 2,
      vi: {
        question: "Đang ngồi ở quán cà phê, anh/chị cần gửi gấp văn bản qua thư công vụ. Cách nào an toàn hơn?",
        options: [
          "Dùng Wi-Fi miễn phí có mật khẩu của quán",
          "Mượn máy tính xách tay của người bàn bên",
          "Dùng dữ liệu di động 4G/5G của mình",
        ],
        explanation: "Dữ liệu di động của chính anh/chị khó bị người lạ nghe lén hơn Wi-Fi dùng chung.",
      },
      en: {
        question: "You are in a cafe and need to send a document urgently via official e-mail. Which option is safer?",
        options: [
          "Use the cafe's password-protected free Wi-Fi",
          "Borrow the laptop of the person next to you",
          "Use your own phone's 4G/5G data",
        ],
        explanation: "Your own mobile data is much harder for strangers to eavesdrop on than shared Wi-Fi.",
      },
    },
  },
  {
    code: "WF-02",
    category: "public_wifi",
    vi: "Kẻ gian có thể phát Wi-Fi giả mang tên na ná nơi anh/chị đang ngồi, ví dụ “Khach san ABC Free”. Hãy hỏi nhân viên tên mạng chính xác trước khi kết nối, và nghi ngờ những mạng không cần mật khẩu.",
    en: "Criminals can set up fake Wi-Fi with a name just like the place you are in, for example “Hotel ABC Free”. Ask staff for the exact network name before connecting, and be suspicious of networks with no password.",
    quiz: {
      correct: 0,
      vi: {
        question: "Ở hội trường, điện thoại thấy hai mạng: “HoiNghi” và “HoiNghi Free” không cần mật khẩu. Anh/chị nên làm gì?",
        options: [
          "Hỏi ban tổ chức tên mạng đúng",
          "Chọn mạng không cần mật khẩu cho nhanh và tiện",
          "Kết nối cả hai mạng để đường truyền ổn định hơn",
        ],
        explanation: "Mạng trùng tên, không mật khẩu có thể do kẻ gian dựng lên để đọc trộm dữ liệu của người kết nối.",
      },
      en: {
        question: "At a conference hall your phone sees two networks: “HoiNghi” and “HoiNghi Free”, which has no password. What should you do?",
        options: [
          "Ask the organisers which network is real",
          "Pick the one without a password, it is quicker",
          "Connect to both for a steadier connection",
        ],
        explanation: "A look-alike network with no password may have been set up by criminals to snoop on whoever connects.",
      },
    },
  },
  {
    code: "WF-03",
    category: "public_wifi",
    vi: "Hãy tắt chế độ tự động kết nối Wi-Fi trên điện thoại và máy tính xách tay, và xóa các mạng công cộng đã dùng xong. Như vậy thiết bị sẽ không tự bắt vào một mạng lạ trùng tên khi anh/chị không để ý.",
    en: "Turn off automatic Wi-Fi connection on your phone and laptop, and delete public networks once you have finished with them. That way your device will not silently join a strange network with the same name.",
    quiz: {
      correct: 1,
      vi: {
        question: "Vì sao nên xóa mạng Wi-Fi của khách sạn khỏi điện thoại sau chuyến công tác?",
        options: [
          "Để tiết kiệm bộ nhớ và pin cho điện thoại",
          "Để máy không tự nối vào mạng giả trùng tên",
          "Vì khách sạn yêu cầu khách làm vậy khi trả phòng",
        ],
        explanation: "Thiết bị thường tự kết nối lại với tên mạng đã nhớ, kể cả khi đó là mạng giả mạo.",
      },
      en: {
        question: "Why should you delete the hotel's Wi-Fi network from your phone after a work trip?",
        options: [
          "To save storage space and battery on the phone",
          "So it won't auto-join a fake network of that name",
          "Because hotels require it when you check out",
        ],
        explanation: "Devices usually reconnect automatically to a remembered network name, even when it is a fake.",
      },
    },
  },
  {
    code: "WF-04",
    category: "public_wifi",
    vi: "Khi dùng Wi-Fi công cộng, nếu trình duyệt cảnh báo “Kết nối không an toàn” hoặc “Chứng chỉ không hợp lệ”, hãy dừng lại và không nhập mật khẩu. Cảnh báo này có thể cho thấy có kẻ đang chen vào giữa đường truyền để đọc trộm dữ liệu.",
    en: "On public Wi-Fi, if the browser warns “Your connection is not private” or “Invalid certificate”, stop and do not enter any password. The warning may mean someone has placed themselves in the middle of the connection to read your data.",
    quiz: {
      correct: 0,
      vi: {
        question: "Đang dùng Wi-Fi khách sạn, trình duyệt báo “Kết nối không an toàn” khi mở trang đăng nhập thư công vụ. Anh/chị nên làm gì?",
        options: [
          "Dừng lại, chuyển sang dữ liệu di động",
          "Bấm “Vẫn tiếp tục” vì đó là trang quen",
          "Tắt cảnh báo trong cài đặt trình duyệt rồi vào lại",
        ],
        explanation: "Cảnh báo này có thể là dấu hiệu đường truyền bị nghe lén, nên không nhập mật khẩu qua mạng đó.",
      },
      en: {
        question: "On hotel Wi-Fi, the browser shows “Your connection is not private” when you open the official e-mail login page. What should you do?",
        options: [
          "Stop and switch to mobile data",
          "Click “Proceed anyway”, it is a familiar site",
          "Turn off the warning in the browser settings",
        ],
        explanation: "This warning can mean the connection is being intercepted, so do not type passwords over that network.",
      },
    },
  },
  {
    code: "WF-05",
    category: "public_wifi",
    vi: "Không đưa mật khẩu Wi-Fi nội bộ của Sở cho khách đến làm việc hay người ngoài cơ quan. Nếu khách cần truy cập mạng, hãy đề nghị Văn phòng Sở hướng dẫn dùng mạng dành cho khách (nếu có).",
    en: "Do not give the Department's internal Wi-Fi password to visitors or people from outside. If a visitor needs internet access, ask the Department office how to use the guest network, if there is one.",
    quiz: {
      correct: 2,
      vi: {
        question: "Đối tác đến làm việc xin mật khẩu Wi-Fi nội bộ của Sở. Anh/chị nên làm gì?",
        options: [
          "Đọc mật khẩu cho đối tác vì là khách của Sở",
          "Chụp mật khẩu gửi qua Zalo để đối tác tự nhập",
          "Nhờ Văn phòng Sở hướng dẫn mạng cho khách",
        ],
        explanation: "Mạng nội bộ nối với các máy tính công vụ, nên chỉ cán bộ của Sở mới nên dùng.",
      },
      en: {
        question: "A visiting partner asks for the Department's internal Wi-Fi password. What should you do?",
        options: [
          "Read it out, they are the Department's guest",
          "Send a photo of the password on Zalo",
          "Ask the Department office about guest access",
        ],
        explanation: "The internal network connects to official computers, so only Department staff should use it.",
      },
    },
  },
  {
    code: "WF-06",
    category: "public_wifi",
    vi: "Không đăng nhập thư công vụ hay iOffice trên máy tính công cộng ở khách sạn, quán Internet. Nếu bất đắc dĩ phải dùng, hãy đăng xuất, đóng trình duyệt và đổi mật khẩu ngay khi về tới máy của mình.",
    en: "Do not log in to official e-mail or iOffice on public computers in hotels or internet cafes. If you really must, log out, close the browser, and change your password as soon as you are back on your own device.",
    quiz: {
      correct: 1,
      vi: {
        question: "Anh/chị buộc phải dùng máy ở quán Internet để đọc thư công vụ. Xong việc, cần làm gì?",
        options: [
          "Đóng thẻ trang thư là đủ, không cần làm gì thêm",
          "Đăng xuất, đóng trình duyệt, rồi đổi mật khẩu",
          "Để nguyên đăng nhập để lần sau đọc tiếp cho nhanh",
        ],
        explanation: "Máy công cộng có thể bị cài phần mềm ghi lại những gì gõ trên bàn phím, nên cần đổi mật khẩu khi về máy tin cậy.",
      },
      en: {
        question: "You had to use a computer in an internet cafe to read official e-mail. What should you do when you finish?",
        options: [
          "Just close the mail tab, nothing more is needed",
          "Log out, close the browser, then change password",
          "Stay logged in so you can carry on next time",
        ],
        explanation: "Public computers may have software that records what you type, so change your password once back on a trusted device.",
      },
    },
  },

  // ──────────────────────────── Sao lưu dữ liệu ────────────────────────────
  {
    code: "SL-01",
    category: "backup",
    vi: "Hãy định kỳ, ví dụ vào cuối mỗi tuần, sao chép các tài liệu công việc quan trọng sang nơi lưu trữ do cơ quan bố trí. Khi máy hỏng, bị mất hay bị mã độc khóa dữ liệu, anh/chị vẫn còn bản sao để làm việc tiếp.",
    en: "Regularly, for example at the end of each week, copy important work files to the storage your office provides. If the computer breaks, is lost or has its files locked by malware, you still have a copy to carry on working.",
    quiz: {
      correct: 2,
      vi: {
        question: "Sao lưu dữ liệu là gì?",
        options: [
          "Xóa bớt tệp cũ để máy chạy nhẹ và nhanh hơn",
          "Đặt mật khẩu cho thư mục chứa tài liệu quan trọng",
          "Bản sao tài liệu cất ở nơi khác, dùng khi cần",
        ],
        explanation: "Bản sao lưu để ở nơi khác giúp lấy lại tài liệu khi bản gốc bị hỏng hay bị mất.",
      },
      en: {
        question: "What is a data backup?",
        options: [
          "Deleting old files so the computer runs faster",
          "Putting a password on your important folders",
          "A copy of your files kept somewhere else",
        ],
        explanation: "A copy kept somewhere else lets you get your files back when the original is damaged or lost.",
      },
    },
  },
  {
    code: "SL-02",
    category: "backup",
    vi: "Ổ cứng gắn ngoài dùng để sao lưu chỉ nên cắm vào khi sao chép, xong thì rút ra cất riêng. Nếu cắm liên tục, mã độc tống tiền (loại mã độc khóa dữ liệu rồi đòi tiền chuộc) có thể khóa luôn cả bản sao lưu.",
    en: "An external hard drive used for backups should be plugged in only while copying, then unplugged and stored separately. If it stays connected, ransomware (malware that locks your files and demands payment) can lock the backup too.",
    quiz: {
      correct: 0,
      vi: {
        question: "Vì sao nên rút ổ cứng sao lưu ra sau khi sao chép xong?",
        options: [
          "Để mã độc không khóa được cả bản sao lưu",
          "Để máy tính khởi động nhanh hơn",
          "Vì cắm lâu ổ cứng sẽ tự xóa dữ liệu cũ",
        ],
        explanation: "Mã độc chỉ khóa được những ổ đang kết nối với máy, nên ổ đã rút ra vẫn giữ được bản sao an toàn.",
      },
      en: {
        question: "Why should you unplug the backup drive once copying is finished?",
        options: [
          "So malware cannot lock the backup too",
          "So the computer starts up faster",
          "Because a drive left in erases old data",
        ],
        explanation: "Malware can only lock drives connected to the computer, so an unplugged drive keeps the copy safe.",
      },
    },
  },
  {
    code: "SL-03",
    category: "backup",
    vi: "Thỉnh thoảng hãy thử mở lại vài tệp từ bản sao lưu để chắc chắn chúng vẫn đọc được. Bản sao lưu chỉ có ích khi khôi phục (lấy lại) được dữ liệu lúc cần.",
    en: "Now and then, try opening a few files from your backup to make sure they can still be read. A backup is only useful if you can restore (get back) your data when you need it.",
    quiz: {
      correct: 1,
      vi: {
        question: "Cách đơn giản để biết bản sao lưu còn dùng được là gì?",
        options: [
          "Xem ổ cứng còn trống bao nhiêu",
          "Thử mở lại vài tệp từ bản sao lưu",
          "Đổi tên thư mục sao lưu theo ngày",
        ],
        explanation: "Chỉ khi mở được tệp từ bản sao lưu mới chắc chắn lấy lại được dữ liệu lúc cần.",
      },
      en: {
        question: "What is a simple way to check that your backup still works?",
        options: [
          "Look at how much free space the drive has",
          "Try opening a few files from the backup",
          "Rename the backup folder by date",
        ],
        explanation: "Only by opening files from the backup can you be sure you will get your data back when needed.",
      },
    },
  },
  {
    code: "SL-04",
    category: "backup",
    vi: "Văn bản đi, văn bản đến và hồ sơ công việc nên được lưu trên iOffice hoặc nơi lưu trữ chung của cơ quan, không chỉ nằm trên màn hình máy tính cá nhân. Khi máy hỏng hay anh/chị chuyển công tác, tài liệu vẫn còn cho người tiếp nhận.",
    en: "Incoming and outgoing documents and work files should be kept in iOffice or your office's shared storage, not only on your own computer's desktop. If the computer fails or you change jobs, the documents are still there for your successor.",
    quiz: {
      correct: 0,
      vi: {
        question: "Nơi nào phù hợp nhất để lưu hồ sơ công việc lâu dài?",
        options: [
          "iOffice hoặc nơi lưu trữ chung của cơ quan",
          "Màn hình Desktop của máy tính đang dùng hằng ngày",
          "Tin nhắn Zalo gửi cho chính mình để dễ tìm",
        ],
        explanation: "Hệ thống của cơ quan được sao lưu và quản lý tập trung, nên tài liệu không mất theo một chiếc máy.",
      },
      en: {
        question: "Where is the best place to keep work files for the long term?",
        options: [
          "iOffice or the office's shared storage",
          "The desktop of the computer you use every day",
          "Zalo messages to yourself, so they are easy to find",
        ],
        explanation: "Agency systems are backed up and managed centrally, so the files do not disappear with one computer.",
      },
    },
  },
  {
    code: "SL-05",
    category: "backup",
    vi: "Không sao lưu tài liệu công vụ lên tài khoản lưu trữ trực tuyến cá nhân hay mục “Cloud của tôi” trên Zalo. Đặc biệt, tài liệu mật tuyệt đối không được soạn thảo, lưu trữ trên máy tính hay thiết bị có kết nối Internet.",
    en: "Do not back up official documents to a personal online storage account or Zalo's personal cloud storage. Above all, classified documents must never be drafted or stored on any computer or device connected to the Internet.",
    quiz: {
      correct: 2,
      vi: {
        question: "Việc nào sau đây bị cấm đối với tài liệu mật?",
        options: [
          "Cất trong tủ có khóa theo quy định",
          "Bàn giao đúng quy trình khi chuyển công tác",
          "Lưu trên máy tính có kết nối Internet",
        ],
        explanation: "Tài liệu mật không được soạn thảo, lưu trữ trên bất kỳ thiết bị nào có kết nối Internet.",
      },
      en: {
        question: "Which of the following is forbidden for classified documents?",
        options: [
          "Keeping them in a locked cabinet as required",
          "Handing them over properly when changing jobs",
          "Storing them on an Internet-connected computer",
        ],
        explanation: "Classified documents must not be drafted or stored on any device connected to the Internet.",
      },
    },
  },
  {
    code: "SL-06",
    category: "backup",
    vi: "Trước khi mang máy tính đi sửa hoặc cài lại, hãy nhờ cán bộ phụ trách CNTT của Sở sao lưu dữ liệu và kiểm tra xem máy có chứa tài liệu nội bộ không. Không tự mang máy cơ quan ra tiệm sửa chữa bên ngoài khi chưa báo.",
    en: "Before a computer is sent for repair or reinstalled, ask the Department's IT officer to back up its data and check whether it holds internal documents. Do not take an office computer to an outside repair shop without telling them first.",
    quiz: {
      correct: 1,
      vi: {
        question: "Máy tính cơ quan bị hỏng, cần mang đi sửa. Việc nên làm trước tiên là gì?",
        options: [
          "Tự mang ra tiệm quen gần nhà cho nhanh gọn",
          "Báo cán bộ CNTT để sao lưu, kiểm tra",
          "Xóa hết dữ liệu trên máy rồi mới mang đi sửa",
        ],
        explanation: "Sao lưu trước giúp không mất tài liệu, còn kiểm tra giúp tài liệu nội bộ không lọt ra ngoài.",
      },
      en: {
        question: "Your office computer is broken and needs repair. What should you do first?",
        options: [
          "Take it to a trusted shop near home",
          "Ask the IT officer to back up and check it",
          "Delete all the data first, then take it in",
        ],
        explanation: "Backing up first means no files are lost, and checking keeps internal documents from leaving the office.",
      },
    },
  },

  // ────────────────────────────── Mạng xã hội ──────────────────────────────
  {
    code: "MXH-01",
    category: "social_media",
    vi: "Không chụp và đăng lên Facebook, Zalo ảnh văn bản, màn hình máy tính hay bàn làm việc có giấy tờ công vụ, kể cả chỉ để khoe công việc. Chỉ một góc ảnh cũng có thể làm lộ số liệu, tên người hay thông tin nội bộ.",
    en: "Do not post photos of documents, computer screens or desks with official papers on Facebook or Zalo, even just to show off your work. Even a corner of a photo can reveal figures, names or internal information.",
    quiz: {
      correct: 0,
      vi: {
        question: "Anh/chị muốn đăng lên Facebook một tấm ảnh chụp tại bàn làm việc. Cần chú ý gì?",
        options: [
          "Không để lộ văn bản, màn hình công việc",
          "Không cần chú ý gì, ai cũng đăng ảnh như vậy",
          "Chỉ cần đặt chế độ chỉ bạn bè xem được",
        ],
        explanation: "Văn bản hay màn hình lọt vào ảnh có thể làm lộ thông tin nội bộ mà người chụp không để ý.",
      },
      en: {
        question: "You want to post a photo taken at your desk on Facebook. What should you check?",
        options: [
          "That no documents or work screens show",
          "Nothing, everyone posts photos like that",
          "Only that it is visible to friends only",
        ],
        explanation: "Documents or screens caught in a photo can reveal internal information the photographer never noticed.",
      },
    },
  },
  {
    code: "MXH-02",
    category: "social_media",
    vi: "Không chuyển tiếp văn bản nội bộ hay dự thảo chưa ban hành vào nhóm Zalo, Facebook có người ngoài cơ quan. Trước khi gửi vào nhóm, hãy kiểm tra lại đúng nhóm và danh sách thành viên.",
    en: "Do not forward internal documents or unpublished drafts to Zalo or Facebook groups that include people outside the agency. Before posting to a group, double-check that it is the right group and who its members are.",
    quiz: {
      correct: 1,
      vi: {
        question: "Dự thảo văn bản chưa ban hành nên được chia sẻ như thế nào?",
        options: [
          "Gửi vào nhóm Zalo bạn bè cùng ngành để góp ý",
          "Qua iOffice hoặc thư công vụ, đúng người",
          "Đăng lên Facebook cá nhân để lấy ý kiến rộng rãi",
        ],
        explanation: "Dự thảo là thông tin nội bộ, nên chỉ gửi qua kênh công vụ đến người có trách nhiệm.",
      },
      en: {
        question: "How should a draft document that has not yet been issued be shared?",
        options: [
          "Post it in a Zalo group of friends for comments",
          "Through iOffice or official e-mail only",
          "Post it on your personal Facebook for opinions",
        ],
        explanation: "A draft is internal information, so send it only through official channels to the people responsible.",
      },
    },
  },
  {
    code: "MXH-03",
    category: "social_media",
    vi: "Hãy vào phần cài đặt quyền riêng tư của Facebook, Zalo để chỉ bạn bè mới xem được số điện thoại, ngày sinh và bài đăng của anh/chị. Kẻ gian thường gom những thông tin công khai này để đoán mật khẩu hoặc dựng kịch bản lừa đảo.",
    en: "Open the privacy settings of Facebook and Zalo so that only friends can see your phone number, date of birth and posts. Criminals often collect this public information to guess passwords or build scams.",
    quiz: {
      correct: 2,
      vi: {
        question: "Vì sao nên ẩn ngày sinh, số điện thoại trên mạng xã hội?",
        options: [
          "Để trang cá nhân trông gọn gàng, chuyên nghiệp hơn",
          "Vì mạng xã hội tính phí nếu để thông tin công khai",
          "Kẻ gian có thể dùng để lừa đảo, đoán mật khẩu",
        ],
        explanation: "Thông tin cá nhân công khai giúp kẻ gian đoán mật khẩu và tạo lòng tin giả khi lừa đảo.",
      },
      en: {
        question: "Why should you hide your date of birth and phone number on social media?",
        options: [
          "To make your profile look tidier and more professional",
          "Social networks charge a fee for public details",
          "Criminals use them in scams and password guesses",
        ],
        explanation: "Public personal details help criminals guess passwords and appear trustworthy in scams.",
      },
    },
  },
  {
    code: "MXH-04",
    category: "social_media",
    vi: "Khi người quen nhắn nhờ vay tiền, kể cả có gọi video vài giây hình mờ, hãy gọi lại vào số điện thoại anh/chị đã lưu để xác nhận. Kẻ gian có thể chiếm tài khoản và dùng công nghệ để giả hình ảnh, giọng nói.",
    en: "When an acquaintance messages you to borrow money, even with a brief, blurry video call, call them back on the number you have saved to confirm. Criminals can take over accounts and use technology to fake faces and voices.",
    quiz: {
      correct: 1,
      vi: {
        question: "Bạn thân nhắn Zalo vay tiền gấp, gọi video vài giây hình mờ rồi tắt. Anh/chị nên làm gì?",
        options: [
          "Chuyển tiền vì đã nhìn thấy mặt bạn qua video",
          "Gọi vào số điện thoại đã lưu của bạn",
          "Chuyển trước một nửa, phần còn lại tính sau",
        ],
        explanation: "Hình ảnh, giọng nói trong cuộc gọi video có thể bị làm giả, nên cần xác nhận qua số điện thoại đã biết.",
      },
      en: {
        question: "A close friend messages you on Zalo asking to borrow money urgently, with a blurry video call of a few seconds. What should you do?",
        options: [
          "Transfer it, you saw your friend's face on video",
          "Call your friend's saved phone number",
          "Send half now and the rest later",
        ],
        explanation: "Faces and voices in video calls can be faked, so confirm through a phone number you already know.",
      },
    },
  },
  {
    code: "MXH-05",
    category: "social_media",
    vi: "Không đăng nhập Facebook vào các trang, ứng dụng kiểu “xem ai ghé thăm trang cá nhân”, “bói tên” hay “nhận tích xanh”. Đây là cách phổ biến để lấy cắp tài khoản.",
    en: "Do not log in with Facebook on websites or apps that promise to “see who visited your profile”, “tell your fortune” or “get a blue tick”. This is a common way to steal accounts.",
    quiz: {
      correct: 0,
      vi: {
        question: "Một trang web hứa “cho biết ai đã xem Facebook của bạn” và yêu cầu nhập mật khẩu Facebook. Đây là gì?",
        options: [
          "Cách phổ biến để lấy cắp tài khoản",
          "Tính năng chính thức của Facebook",
          "Dịch vụ an toàn nếu có nhiều lượt thích",
        ],
        explanation: "Trang đòi mật khẩu Facebook để đổi lấy lời hứa hấp dẫn thường là trang lừa đảo chiếm tài khoản.",
      },
      en: {
        question: "A website promises to “show who viewed your Facebook” and asks for your Facebook password. What is it?",
        options: [
          "A common way to steal accounts",
          "An official Facebook feature",
          "A safe service if it has many likes",
        ],
        explanation: "Sites that ask for your Facebook password in return for a tempting promise are usually scams to take over accounts.",
      },
    },
  },
  {
    code: "MXH-06",
    category: "social_media",
    vi: "Trước khi chia sẻ tin “nóng” về cơ quan, chính sách hay cảnh báo lừa đảo, hãy kiểm tra trên trang thông tin chính thức của cơ quan nhà nước. Là cán bộ, công chức, chia sẻ tin sai có thể khiến người dân hiểu lầm.",
    en: "Before sharing “hot” news about agencies, policies or scam warnings, check it on the official government website. As a civil servant, sharing false information can mislead the public.",
    quiz: {
      correct: 2,
      vi: {
        question: "Anh/chị thấy một bài viết lan truyền về chính sách mới của tỉnh nhưng không rõ nguồn. Nên làm gì?",
        options: [
          "Chia sẻ ngay để đồng nghiệp, người dân biết sớm",
          "Chia sẻ kèm chú thích “chưa kiểm chứng”",
          "Kiểm tra trang chính thức trước đã",
        ],
        explanation: "Tin chưa rõ nguồn có thể sai, và cán bộ chia sẻ lại sẽ khiến nhiều người tin theo.",
      },
      en: {
        question: "You see a widely shared post about a new provincial policy, but its source is unclear. What should you do?",
        options: [
          "Share it now so colleagues and the public know",
          "Share it with a note saying “unverified”",
          "Check the official website first",
        ],
        explanation: "Unsourced news may be false, and when a civil servant shares it, many people will believe it.",
      },
    },
  },

  // ─────────────────────────────── Chữ ký số ───────────────────────────────
  {
    code: "CKS-01",
    category: "digital_signature",
    vi: "USB token chữ ký số và mã PIN đi kèm là của riêng anh/chị, không giao cho người khác dùng hộ, kể cả văn thư hay đồng nghiệp thân thiết. Mọi văn bản ký bằng token đó đều được coi là do chính anh/chị ký.",
    en: "Your digital signature USB token and its PIN belong to you alone; do not let anyone else use them for you, not even the records clerk or a close colleague. Every document signed with that token counts as signed by you personally.",
    quiz: {
      correct: 0,
      vi: {
        question: "Anh/chị đi công tác, đồng nghiệp đề nghị giữ USB token và mã PIN để ký văn bản hộ. Anh/chị nên làm gì?",
        options: [
          "Không giao; trao đổi với lãnh đạo cách xử lý",
          "Đưa cả token và mã PIN vì đồng nghiệp tin cậy",
          "Chỉ đưa token, còn mã PIN nhắn riêng qua Zalo",
        ],
        explanation: "Văn bản ký bằng token của anh/chị được coi là do chính anh/chị ký, nên không ai được ký hộ.",
      },
      en: {
        question: "You are going on a work trip and a colleague offers to keep your USB token and PIN to sign documents for you. What should you do?",
        options: [
          "Don't; ask your manager what to do",
          "Hand over both, the colleague is trustworthy",
          "Give only the token and send the PIN on Zalo",
        ],
        explanation: "Documents signed with your token count as signed by you, so nobody may sign on your behalf.",
      },
    },
  },
  {
    code: "CKS-02",
    category: "digital_signature",
    vi: "Ký số xong, hãy rút USB token khỏi máy và cất vào nơi an toàn, không để cắm sẵn cả ngày. Token cắm liên tục trên máy là cơ hội cho người khác hoặc mã độc lợi dụng.",
    en: "Once you have finished signing, unplug the USB token and put it somewhere safe instead of leaving it in the computer all day. A token left plugged in is an opportunity for other people or malware to misuse it.",
    quiz: {
      correct: 1,
      vi: {
        question: "Sau khi ký số xong, nên làm gì với USB token?",
        options: [
          "Để cắm sẵn cho lần ký tiếp theo",
          "Rút ra và cất ở nơi an toàn",
          "Cho đồng nghiệp mượn dùng chung",
        ],
        explanation: "Token đã rút ra thì người khác hay mã độc trên máy không thể dùng để ký.",
      },
      en: {
        question: "What should you do with your USB token after signing?",
        options: [
          "Leave it plugged in for the next signature",
          "Unplug it and keep it somewhere safe",
          "Lend it to colleagues to share",
        ],
        explanation: "Once the token is unplugged, neither other people nor malware on the computer can use it to sign.",
      },
    },
  },
  {
    code: "CKS-03",
    category: "digital_signature",
    vi: "Chỉ ký số khi anh/chị đã đọc hết nội dung văn bản và kiểm tra đúng tệp, đúng phiên bản trên iOffice. Chữ ký số trên văn bản điện tử có giá trị như chữ ký tay của anh/chị.",
    en: "Only sign digitally once you have read the whole document and checked that it is the right file and the right version in iOffice. A digital signature on an electronic document carries the same weight as your handwritten signature.",
    quiz: {
      correct: 1,
      vi: {
        question: "Trước khi ký số một văn bản trên iOffice, anh/chị cần làm gì?",
        options: [
          "Ký trước cho kịp tiến độ, đọc kỹ lại sau",
          "Đọc hết, kiểm tra đúng tệp và phiên bản",
          "Chỉ đọc trang đầu vì phần sau đã có người xem",
        ],
        explanation: "Văn bản đã ký số mang trách nhiệm của người ký như khi ký tay, nên cần kiểm tra kỹ trước.",
      },
      en: {
        question: "What should you do before digitally signing a document in iOffice?",
        options: [
          "Sign first to meet the deadline, read it later",
          "Read it all; check the file and version",
          "Read only page one, others checked the rest",
        ],
        explanation: "A digitally signed document carries the signer's responsibility just like a handwritten one, so check it first.",
      },
    },
  },
  {
    code: "CKS-04",
    category: "digital_signature",
    vi: "Nếu làm mất USB token hoặc điện thoại có SIM ký số (SIM PKI), hãy báo ngay Văn phòng Sở hoặc cán bộ phụ trách CNTT của Sở để làm thủ tục tạm dừng hoặc thu hồi chứng thư số. Báo càng sớm, kẻ gian càng ít cơ hội ký giả danh anh/chị.",
    en: "If you lose your USB token or the phone with your signing SIM (SIM PKI), tell the Department office or IT officer immediately so the digital certificate can be suspended or revoked. The sooner you report it, the less chance criminals have to sign in your name.",
    quiz: {
      correct: 2,
      vi: {
        question: "Anh/chị phát hiện mất USB token chữ ký số. Việc cần làm ngay là gì?",
        options: [
          "Chờ vài ngày xem có ai nhặt được trả lại không",
          "Tự mua một token mới ở cửa hàng gần cơ quan",
          "Báo ngay Văn phòng Sở hoặc cán bộ CNTT",
        ],
        explanation: "Báo sớm để chứng thư số được tạm dừng hoặc thu hồi, không ai dùng được token bị mất để ký.",
      },
      en: {
        question: "You discover your digital signature USB token is missing. What must you do right away?",
        options: [
          "Wait a few days in case someone returns it",
          "Buy a new token from a nearby shop yourself",
          "Tell the office or the IT officer at once",
        ],
        explanation: "Reporting early lets the certificate be suspended or revoked so the lost token cannot be used to sign.",
      },
    },
  },
  {
    code: "CKS-05",
    category: "digital_signature",
    vi: "Chỉ cài phần mềm ký số và trình điều khiển (phần mềm giúp máy nhận ra token) theo hướng dẫn của đơn vị cấp chữ ký số hoặc cán bộ phụ trách CNTT của Sở. Không tải bộ cài từ đường link lạ hay do người không quen gửi qua Zalo.",
    en: "Only install signing software and drivers (software that lets the computer recognise the token) following instructions from the certificate issuer or the Department's IT officer. Do not download installers from unknown links or from strangers on Zalo.",
    quiz: {
      correct: 1,
      vi: {
        question: "Máy tính mới không nhận USB token. Cách xử lý đúng là gì?",
        options: [
          "Tải phần mềm ký số từ trang web đầu tiên tìm thấy",
          "Nhờ cán bộ CNTT của Sở cài đúng phần mềm",
          "Mượn máy người khác để ký và đưa mã PIN cho họ",
        ],
        explanation: "Phần mềm ký số giả có thể lấy cắp mã PIN, nên chỉ cài từ nguồn được cơ quan hướng dẫn.",
      },
      en: {
        question: "Your new computer does not recognise your USB token. What is the right fix?",
        options: [
          "Download signing software from the first site found",
          "Ask the IT officer to install the right software",
          "Borrow someone's computer and give them your PIN",
        ],
        explanation: "Fake signing software can steal your PIN, so install only from sources your agency points you to.",
      },
    },
  },
  {
    code: "CKS-06",
    category: "digital_signature",
    vi: "Hãy kiểm tra hạn sử dụng của chứng thư số (thời gian chữ ký số còn hiệu lực) và báo Văn phòng Sở để gia hạn trước khi hết hạn. Khi quên mã PIN, đừng thử đoán nhiều lần vì token sẽ bị khóa sau một số lần nhập sai.",
    en: "Check the expiry date of your digital certificate (the period your digital signature stays valid) and ask the Department office to renew it before it expires. If you forget your PIN, do not keep guessing, because the token locks after a number of wrong attempts.",
    quiz: {
      correct: 0,
      vi: {
        question: "Anh/chị quên mã PIN của USB token. Nên làm gì?",
        options: [
          "Ngừng thử, hỏi cán bộ CNTT của Sở",
          "Thử lần lượt các mã hay dùng cho đến khi đúng",
          "Nhờ đồng nghiệp thân đoán giúp vài mã",
        ],
        explanation: "Nhập sai nhiều lần sẽ làm token bị khóa, nên cần hỏi cán bộ phụ trách để được hướng dẫn đúng thủ tục.",
      },
      en: {
        question: "You have forgotten the PIN of your USB token. What should you do?",
        options: [
          "Stop and ask the Department's IT officer",
          "Try your usual codes one by one until it works",
          "Ask a close colleague to help guess it",
        ],
        explanation: "Too many wrong attempts will lock the token, so ask the person in charge for the proper procedure.",
      },
    },
  },

  // ─────────────────────────── Thiết bị di động ───────────────────────────
  {
    code: "DD-01",
    category: "mobile",
    vi: "Hãy đặt khóa màn hình cho điện thoại bằng mã PIN, vân tay hoặc khuôn mặt, và để máy tự khóa sau khoảng một phút không dùng. Điện thoại chứa Zalo, thư công vụ và ứng dụng ngân hàng, nên để mở là rất dễ bị lợi dụng.",
    en: "Set a screen lock on your phone using a PIN, fingerprint or face recognition, and have it lock itself after about a minute of inactivity. Your phone holds Zalo, official e-mail and banking apps, so leaving it unlocked invites misuse.",
    quiz: {
      correct: 2,
      vi: {
        question: "Cách nào bảo vệ điện thoại tốt nhất nếu lỡ để quên trên bàn họp?",
        options: [
          "Không đặt khóa để người nhặt được dễ gọi trả",
          "Giảm độ sáng để người khác khó nhìn màn hình",
          "Khóa màn hình tự bật sau thời gian ngắn",
        ],
        explanation: "Điện thoại tự khóa thì người nhặt được không mở được các ứng dụng bên trong.",
      },
      en: {
        question: "What best protects your phone if you leave it behind on a meeting table?",
        options: [
          "No lock, so whoever finds it can call you back",
          "Dim the screen so others can hardly read it",
          "A screen lock that engages after a short time",
        ],
        explanation: "A phone that locks itself cannot be opened by whoever picks it up.",
      },
    },
  },
  {
    code: "DD-02",
    category: "mobile",
    vi: "Chỉ cài ứng dụng từ kho ứng dụng chính thức của điện thoại; không cài tệp ứng dụng gửi qua đường link, tin nhắn hay Zalo, kể cả khi người gửi xưng là cán bộ thuế, điện lực hay công an. Nhiều vụ mất tiền bắt đầu từ một ứng dụng giả như vậy.",
    en: "Only install apps from your phone's official app store; never install app files sent via links, text messages or Zalo, even if the sender claims to be from the tax office, the power company or the police. Many cases of stolen money start with a fake app like this.",
    quiz: {
      correct: 0,
      vi: {
        question: "Người xưng là cán bộ thuế gửi đường link, hướng dẫn cài “ứng dụng thuế mới” để cập nhật thông tin. Anh/chị nên làm gì?",
        options: [
          "Không cài ứng dụng từ link đó",
          "Cài theo hướng dẫn để kịp thời hạn cơ quan thuế",
          "Cài, cập nhật xong thông tin thì gỡ ngay",
        ],
        explanation: "Ứng dụng cài từ đường link lạ có thể chiếm quyền điều khiển điện thoại và tài khoản ngân hàng.",
      },
      en: {
        question: "Someone claiming to be a tax officer sends a link and tells you to install a “new tax app” to update your details. What should you do?",
        options: [
          "Do not install the app from that link",
          "Install it as told to meet the tax deadline",
          "Install it, update, then remove it at once",
        ],
        explanation: "An app installed from an unknown link can take control of your phone and bank accounts.",
      },
    },
  },
  {
    code: "DD-03",
    category: "mobile",
    vi: "Nếu một ứng dụng xin quyền trợ năng (quyền cho phép ứng dụng đọc màn hình và bấm thay anh/chị) mà không có lý do rõ ràng, hãy từ chối và gỡ ứng dụng đó. Ứng dụng độc hại dùng quyền này để lấy mã OTP và điều khiển tài khoản ngân hàng.",
    en: "If an app asks for accessibility permission (which lets it read your screen and tap for you) without a clear reason, refuse and uninstall it. Malicious apps use this permission to grab OTP codes and control bank accounts.",
    quiz: {
      correct: 1,
      vi: {
        question: "Một ứng dụng vừa cài xin “quyền trợ năng” để “hoạt động ổn định hơn”. Anh/chị nên làm gì?",
        options: [
          "Cho phép vì ứng dụng yêu cầu",
          "Từ chối và gỡ ứng dụng",
          "Cho phép tạm rồi tắt sau",
        ],
        explanation: "Quyền trợ năng cho ứng dụng đọc và bấm mọi thứ trên màn hình, nên chỉ cấp khi thật sự hiểu lý do.",
      },
      en: {
        question: "A newly installed app asks for “accessibility permission” to “run more smoothly”. What should you do?",
        options: [
          "Allow it, since the app asks",
          "Refuse and uninstall the app",
          "Allow it for now and turn it off later",
        ],
        explanation: "Accessibility permission lets an app read and tap anything on screen, so grant it only when you truly understand why.",
      },
    },
  },
  {
    code: "DD-04",
    category: "mobile",
    vi: "Hãy bật tính năng tìm thiết bị có sẵn trên điện thoại để có thể định vị, khóa hoặc xóa dữ liệu từ xa khi bị mất. Nếu mất điện thoại có cài thư công vụ hay ứng dụng công việc, hãy đổi mật khẩu và báo cán bộ phụ trách CNTT của Sở.",
    en: "Turn on your phone's built-in find-my-device feature so you can locate, lock or erase it remotely if it is lost. If you lose a phone with official e-mail or work apps on it, change your passwords and tell the Department's IT officer.",
    quiz: {
      correct: 1,
      vi: {
        question: "Tính năng tìm thiết bị trên điện thoại giúp được gì khi máy bị mất?",
        options: [
          "Tự động mua điện thoại mới",
          "Định vị, khóa hoặc xóa dữ liệu từ xa",
          "Chặn vĩnh viễn mọi cuộc gọi đến số đó",
        ],
        explanation: "Khóa hoặc xóa từ xa giúp người nhặt được máy không đọc được dữ liệu công việc của anh/chị.",
      },
      en: {
        question: "How does the find-my-device feature help when your phone is lost?",
        options: [
          "It automatically buys a new phone",
          "It can locate, lock or erase the phone remotely",
          "It permanently blocks all calls to that number",
        ],
        explanation: "Locking or erasing remotely keeps whoever finds the phone from reading your work data.",
      },
    },
  },
  {
    code: "DD-05",
    category: "mobile",
    vi: "Thỉnh thoảng hãy xem lại quyền của các ứng dụng trong phần Cài đặt: ứng dụng đèn pin hay chỉnh ảnh không cần đọc danh bạ, tin nhắn. Hãy tắt những quyền không cần thiết để hạn chế lộ thông tin.",
    en: "Now and then, review app permissions in Settings: a torch or photo-editing app does not need to read your contacts or messages. Switch off permissions that are not needed to limit what can leak.",
    quiz: {
      correct: 2,
      vi: {
        question: "Ứng dụng đèn pin xin quyền đọc tin nhắn và danh bạ. Nên hiểu yêu cầu này thế nào?",
        options: [
          "Bình thường, nên cho phép",
          "Cần thiết để đèn sáng hơn",
          "Đáng ngờ, nên từ chối",
        ],
        explanation: "Ứng dụng xin quyền không liên quan đến chức năng của nó là dấu hiệu muốn thu thập dữ liệu trái phép.",
      },
      en: {
        question: "A torch app asks for permission to read your messages and contacts. How should you treat this request?",
        options: [
          "Normal, you should allow it",
          "Needed to make the light brighter",
          "Suspicious, you should refuse",
        ],
        explanation: "An app asking for permissions unrelated to what it does is a sign it wants to collect data it should not have.",
      },
    },
  },
  {
    code: "DD-06",
    category: "mobile",
    vi: "Trước khi đưa điện thoại đi sửa hay cho người khác mượn, hãy đăng xuất thư công vụ và các ứng dụng công việc; nếu bán máy, hãy sao lưu rồi khôi phục cài đặt gốc (xóa sạch dữ liệu). Không để người lạ “cài giúp” ứng dụng trên máy của anh/chị.",
    en: "Before handing your phone in for repair or lending it, log out of official e-mail and work apps; if you sell it, back it up and then do a factory reset (wipe all data). Never let a stranger “help you install” apps on your phone.",
    quiz: {
      correct: 0,
      vi: {
        question: "Anh/chị định bán chiếc điện thoại cũ từng dùng thư công vụ. Trước khi bán cần làm gì?",
        options: [
          "Sao lưu, đăng xuất, khôi phục cài đặt gốc",
          "Xóa hết ảnh, tin nhắn và danh bạ cá nhân là đủ",
          "Tháo thẻ SIM và thẻ nhớ ra là đủ",
        ],
        explanation: "Khôi phục cài đặt gốc xóa sạch tài khoản và dữ liệu, để người mua không đọc được thư công vụ.",
      },
      en: {
        question: "You plan to sell an old phone that you used for official e-mail. What must you do first?",
        options: [
          "Back up, log out, then do a factory reset",
          "Delete your photos, messages and contacts, that's all",
          "Remove the SIM and memory card, that's enough",
        ],
        explanation: "A factory reset wipes accounts and data so the buyer cannot read your official e-mail.",
      },
    },
  },

  // ─────────────────────────── Dữ liệu cá nhân ───────────────────────────
  {
    code: "DLCN-01",
    category: "personal_data",
    vi: "Không gửi ảnh thẻ căn cước, ảnh chân dung hay số tài khoản cho người lạ qua mạng. Khi buộc phải gửi bản chụp giấy tờ, hãy ghi rõ mục đích và ngày gửi lên ảnh để khó bị dùng vào việc khác.",
    en: "Do not send photos of your ID card, portrait photos or bank account numbers to strangers online. When you must send a copy of a document, write the purpose and date on the image so it is harder to misuse.",
    quiz: {
      correct: 1,
      vi: {
        question: "Khi buộc phải gửi ảnh thẻ căn cước để làm thủ tục, cách làm nào an toàn hơn?",
        options: [
          "Gửi ảnh gốc rõ nét, không ghi chú gì",
          "Ghi rõ mục đích và ngày gửi lên ảnh",
          "Đăng lên Facebook để ai cần thì lấy",
        ],
        explanation: "Ảnh có ghi mục đích và ngày gửi khó bị kẻ gian dùng lại để mở tài khoản hay vay tiền mạo danh.",
      },
      en: {
        question: "If you must send a photo of your ID card for a procedure, which way is safer?",
        options: [
          "Send a clean, clear original with no notes",
          "Write the purpose and date on the image",
          "Post it on Facebook for whoever needs it",
        ],
        explanation: "An image marked with its purpose and date is harder for criminals to reuse to open accounts or borrow money in your name.",
      },
    },
  },
  {
    code: "DLCN-02",
    category: "personal_data",
    vi: "Hồ sơ của người dân, tổ chức trong hệ thống một cửa điện tử chỉ được xem và dùng đúng cho việc giải quyết thủ tục. Không tra cứu thông tin người quen vì tò mò, và không cung cấp cho ai khi chưa được phép.",
    en: "Records of citizens and organisations in the one-stop e-government system may only be viewed and used to process their applications. Do not look up acquaintances out of curiosity, and do not give the information to anyone without authorisation.",
    quiz: {
      correct: 1,
      vi: {
        question: "Người quen nhờ anh/chị tra giúp hồ sơ của hàng xóm trên hệ thống một cửa điện tử. Anh/chị nên làm gì?",
        options: [
          "Tra giúp vì chỉ xem chứ không sửa gì",
          "Từ chối tra cứu giúp",
          "Tra giúp nhưng chỉ kể lại, không gửi ảnh",
        ],
        explanation: "Dữ liệu người dân nộp chỉ được dùng cho việc giải quyết thủ tục của chính họ.",
      },
      en: {
        question: "An acquaintance asks you to look up a neighbour's file in the one-stop e-government system. What should you do?",
        options: [
          "Look it up, you are only viewing it",
          "Refuse to look it up",
          "Look it up but only tell them, no screenshots",
        ],
        explanation: "Data submitted by citizens may only be used to process their own applications.",
      },
    },
  },
  {
    code: "DLCN-03",
    category: "personal_data",
    vi: "Không gửi danh sách, hồ sơ có thông tin cá nhân của người dân qua Zalo, Facebook hay thư điện tử cá nhân. Hãy dùng thư điện tử công vụ hoặc iOffice, và chỉ gửi cho đúng người cần nhận.",
    en: "Do not send lists or files containing citizens' personal information via Zalo, Facebook or personal e-mail. Use official e-mail or iOffice, and send only to the people who need it.",
    quiz: {
      correct: 2,
      vi: {
        question: "Cần gửi danh sách người dân kèm số căn cước cho phòng khác trong Sở. Kênh nào phù hợp?",
        options: [
          "Nhóm Zalo chung của cơ quan cho mọi người cùng xem",
          "Thư điện tử cá nhân vì gửi nhanh, dễ đính kèm",
          "Thư công vụ hoặc iOffice, gửi đúng người",
        ],
        explanation: "Kênh công vụ được cơ quan quản lý, còn Zalo hay thư cá nhân thì dữ liệu dễ lọt ra ngoài.",
      },
      en: {
        question: "You need to send a list of citizens with their ID numbers to another division. Which channel is appropriate?",
        options: [
          "The agency's shared Zalo group so all can see",
          "Personal e-mail, faster and easier to attach",
          "Official e-mail or iOffice, to the right people",
        ],
        explanation: "Official channels are managed by the agency, whereas data sent by Zalo or personal e-mail leaks easily.",
      },
    },
  },
  {
    code: "DLCN-04",
    category: "personal_data",
    vi: "Khi lập biểu mẫu hay danh sách, chỉ thu thập những thông tin thật sự cần cho công việc; không ghi thêm số căn cước, số điện thoại hay địa chỉ nếu không dùng đến. Dữ liệu càng ít thì nếu bị lộ, thiệt hại càng nhỏ.",
    en: "When preparing a form or list, collect only the information the work truly needs; do not add ID numbers, phone numbers or addresses you will not use. The less data you hold, the less harm if it leaks.",
    quiz: {
      correct: 0,
      vi: {
        question: "Khi lập danh sách đăng ký dự hội thảo, nên thu thập những thông tin nào?",
        options: [
          "Chỉ thông tin thật sự cần cho việc tổ chức",
          "Càng nhiều càng tốt, kể cả số căn cước",
          "Chép toàn bộ dữ liệu từ hệ thống một cửa",
        ],
        explanation: "Thu thập ít dữ liệu thì có ít thứ phải bảo vệ và ít thiệt hại khi lộ lọt.",
      },
      en: {
        question: "When drawing up a registration list for a workshop, what information should you collect?",
        options: [
          "Only what is truly needed to run the event",
          "As much as possible, including ID numbers",
          "Copy everything from the one-stop system",
        ],
        explanation: "Collecting less data means less to protect and less harm if it leaks.",
      },
    },
  },
  {
    code: "DLCN-05",
    category: "personal_data",
    vi: "Giấy tờ có thông tin cá nhân của người dân hay cán bộ không dùng làm giấy nháp và không bỏ nguyên vào thùng rác. Hãy hủy bằng máy hủy tài liệu hoặc theo quy định của cơ quan.",
    en: "Papers with personal information about citizens or staff should not be reused as scrap paper or thrown whole into the bin. Destroy them with a shredder or according to your agency's rules.",
    quiz: {
      correct: 2,
      vi: {
        question: "Bản in hỏng có thông tin cá nhân của người dân nên được xử lý thế nào?",
        options: [
          "Dùng mặt sau làm giấy nháp",
          "Bỏ nguyên vào thùng rác chung",
          "Hủy bằng máy hủy tài liệu",
        ],
        explanation: "Giấy còn nguyên có thể bị người khác nhặt và đọc được thông tin cá nhân.",
      },
      en: {
        question: "How should a spoiled printout containing citizens' personal information be handled?",
        options: [
          "Use the back as scrap paper",
          "Throw it whole into the general bin",
          "Destroy it with a shredder",
        ],
        explanation: "Intact paper can be picked up by others and the personal information read.",
      },
    },
  },
  {
    code: "DLCN-06",
    category: "personal_data",
    vi: "Ở quầy tiếp nhận một cửa, hãy xoay màn hình để người đang chờ không nhìn thấy hồ sơ của người khác, và đóng hồ sơ khi đã xử lý xong. Không để giấy tờ của người trước trên quầy khi tiếp người sau.",
    en: "At the one-stop reception desk, turn your screen so that people waiting cannot see other people's files, and close each file once you have finished with it. Do not leave the previous person's papers on the counter while serving the next.",
    quiz: {
      correct: 1,
      vi: {
        question: "Tại quầy một cửa, người tiếp theo đã đến trong khi hồ sơ người trước vẫn mở trên màn hình. Anh/chị nên làm gì?",
        options: [
          "Để nguyên hồ sơ cũ cho tiện tra lại khi cần",
          "Đóng hồ sơ cũ trước khi tiếp người mới",
          "Xoay màn hình về phía người dân cho minh bạch",
        ],
        explanation: "Mỗi người dân chỉ nên thấy hồ sơ của chính mình, không thấy thông tin của người khác.",
      },
      en: {
        question: "At the one-stop desk, the next person arrives while the previous person's file is still open on screen. What should you do?",
        options: [
          "Leave it open in case you need to check it again",
          "Close the old file before serving the next person",
          "Turn the screen towards the citizen for openness",
        ],
        explanation: "Each citizen should see only their own file, never other people's information.",
      },
    },
  },
  {
    code: "DLCN-07",
    category: "personal_data",
    vi: "Người gọi đọc đúng họ tên, số căn cước hay địa chỉ của anh/chị chưa chắc đã là cán bộ thật, vì những thông tin này có thể đã bị lộ từ trước. Đừng vì thế mà làm theo yêu cầu chuyển tiền hay cung cấp mã OTP.",
    en: "A caller who knows your full name, ID number or address is not necessarily a real official, because this information may have leaked earlier. Do not let that persuade you to transfer money or give out OTP codes.",
    quiz: {
      correct: 2,
      vi: {
        question: "Người gọi đọc đúng họ tên và số căn cước của anh/chị, xưng là cán bộ bảo hiểm. Nhận định nào đúng?",
        options: [
          "Chắc chắn là cán bộ thật vì biết rõ thông tin",
          "Có thể đọc mã OTP cho họ vì họ đã xác minh đúng",
          "Vẫn có thể là kẻ gian dùng dữ liệu bị lộ",
        ],
        explanation: "Thông tin cá nhân bị lộ thường được kẻ gian dùng để tạo lòng tin trước khi lừa đảo.",
      },
      en: {
        question: "A caller who says they are from the insurance office knows your full name and ID number. Which statement is true?",
        options: [
          "They must be genuine, they know your details",
          "You can read them your OTP, they verified you",
          "They may still be a fraudster using leaked data",
        ],
        explanation: "Criminals often use leaked personal details to win your trust before the scam.",
      },
    },
  },

  // ───────────────────────────── Báo cáo sự cố ─────────────────────────────
  {
    code: "SC-01",
    category: "incident_reporting",
    vi: "Nếu lỡ bấm vào đường link lạ, mở tệp đáng ngờ hay nhập mật khẩu vào trang giả, hãy báo ngay cán bộ phụ trách CNTT của Sở hoặc Văn phòng Sở. Báo sớm giúp hạn chế thiệt hại; đó là việc làm có trách nhiệm, không phải điều đáng xấu hổ.",
    en: "If you have clicked a strange link, opened a suspicious file or typed your password into a fake page, tell the Department's IT officer or the Department office straight away. Reporting early limits the damage; it is the responsible thing to do, not something to be ashamed of.",
    quiz: {
      correct: 0,
      vi: {
        question: "Anh/chị vừa nhập mật khẩu thư công vụ vào một trang nghi là giả. Việc cần làm là gì?",
        options: [
          "Đổi mật khẩu và báo cán bộ CNTT",
          "Im lặng vì ngại bị phê bình, tự theo dõi thêm",
          "Chờ xem có chuyện gì bất thường rồi mới báo",
        ],
        explanation: "Đổi mật khẩu và báo sớm giúp chặn kẻ gian trước khi chúng kịp dùng tài khoản.",
      },
      en: {
        question: "You have just typed your official e-mail password into a page that looks fake. What should you do?",
        options: [
          "Change the password and tell IT",
          "Keep quiet to avoid criticism and watch it yourself",
          "Wait to see if anything odd happens before reporting",
        ],
        explanation: "Changing the password and reporting early stops criminals before they can use the account.",
      },
    },
  },
  {
    code: "SC-02",
    category: "incident_reporting",
    vi: "Nếu màn hình hiện thông báo đòi tiền chuộc hoặc các tệp bỗng đổi tên, không mở được, hãy rút dây mạng hoặc tắt Wi-Fi của máy rồi báo ngay cán bộ phụ trách CNTT của Sở. Không tự cài lại máy, không trả tiền và không liên lạc với kẻ tấn công.",
    en: "If the screen shows a ransom demand, or files suddenly get renamed and will not open, unplug the network cable or turn off the computer's Wi-Fi and tell the Department's IT officer at once. Do not reinstall the computer yourself, do not pay, and do not contact the attackers.",
    quiz: {
      correct: 1,
      vi: {
        question: "Các tệp trên máy bỗng không mở được và màn hình hiện thông báo đòi tiền chuộc. Việc làm đầu tiên là gì?",
        options: [
          "Chuyển tiền chuộc để lấy lại dữ liệu cho nhanh",
          "Ngắt mạng của máy và báo ngay cán bộ CNTT",
          "Tự cài lại hệ điều hành để xóa mã độc",
        ],
        explanation: "Ngắt mạng giúp mã độc không lây sang máy khác, và giữ nguyên máy giúp cán bộ CNTT tìm ra nguyên nhân.",
      },
      en: {
        question: "Files on your computer suddenly will not open and the screen shows a ransom demand. What is the first thing to do?",
        options: [
          "Pay the ransom to get the data back quickly",
          "Disconnect from the network and tell IT at once",
          "Reinstall the operating system to remove it",
        ],
        explanation: "Disconnecting stops the malware spreading to other computers, and leaving the machine as it is helps IT find the cause.",
      },
    },
  },
  {
    code: "SC-03",
    category: "incident_reporting",
    vi: "Khi báo sự cố, hãy cho biết thời điểm xảy ra, anh/chị đã làm gì ngay trước đó và những gì nhìn thấy; nếu được, hãy chụp màn hình hoặc chụp bằng điện thoại. Thông tin càng rõ, cán bộ phụ trách CNTT của Sở càng xử lý nhanh.",
    en: "When reporting an incident, say when it happened, what you were doing just before, and what you saw; if possible, take a screenshot or a photo with your phone. The clearer the information, the faster the Department's IT officer can deal with it.",
    quiz: {
      correct: 2,
      vi: {
        question: "Thông tin nào hữu ích nhất khi báo sự cố cho cán bộ phụ trách CNTT?",
        options: [
          "Chỉ cần nói “máy bị lỗi”, họ sẽ tự kiểm tra",
          "Chỉ gửi ảnh màn hình, không cần mô tả gì",
          "Thời điểm, thao tác trước đó, ảnh màn hình",
        ],
        explanation: "Biết lúc nào, sau thao tác nào và hiện ra gì giúp cán bộ CNTT tìm nguyên nhân nhanh hơn nhiều.",
      },
      en: {
        question: "What information is most useful when reporting an incident to the IT officer?",
        options: [
          "Just say “it is broken”, they will check",
          "Just a screenshot, with no description",
          "When, what you did, and a screenshot",
        ],
        explanation: "Knowing when it happened, after what action and what appeared helps IT find the cause much faster.",
      },
    },
  },
  {
    code: "SC-04",
    category: "incident_reporting",
    vi: "Khi nhận thư lừa đảo nhắm vào cơ quan, đừng chuyển tiếp cho cả phòng để “cảnh báo” và cũng đừng vội xóa. Hãy báo cán bộ phụ trách CNTT của Sở để kiểm tra, chặn thư và thông báo cho mọi người đúng cách.",
    en: "When you receive a phishing e-mail aimed at the agency, do not forward it to the whole division “as a warning”, and do not rush to delete it. Tell the Department's IT officer so they can check it, block it and warn everyone properly.",
    quiz: {
      correct: 0,
      vi: {
        question: "Anh/chị nhận thư giả mạo lãnh đạo Sở, gửi đến nhiều người trong cơ quan. Cách làm đúng là gì?",
        options: [
          "Báo cán bộ phụ trách CNTT của Sở để xử lý",
          "Chuyển tiếp cho cả phòng để mọi người cảnh giác",
          "Xóa ngay để không ai bấm nhầm vào đường link",
        ],
        explanation: "Cán bộ CNTT có thể chặn thư cho cả cơ quan, còn chuyển tiếp thì lại phát tán thư lừa đảo.",
      },
      en: {
        question: "You receive an e-mail impersonating a Department leader, sent to many staff. What is the right action?",
        options: [
          "Report it to the Department's IT officer",
          "Forward it to the whole division as a warning",
          "Delete it at once so no one clicks the link",
        ],
        explanation: "The IT officer can block the e-mail for the whole agency, whereas forwarding it only spreads the scam further.",
      },
    },
  },
  {
    code: "SC-05",
    category: "incident_reporting",
    vi: "Khi Văn phòng Sở chuyển cảnh báo an toàn thông tin của cơ quan chức năng như công an tỉnh, hãy đọc kỹ và làm theo hướng dẫn. Với “cảnh báo” lan truyền không rõ nguồn, hãy hỏi cán bộ phụ trách CNTT của Sở trước khi làm theo hay chia sẻ.",
    en: "When the Department office passes on a security warning from the authorities, such as the provincial police, read it carefully and follow the instructions. For “warnings” of unknown origin circulating online, ask the Department's IT officer before acting on or sharing them.",
    quiz: {
      correct: 1,
      vi: {
        question: "Nhóm Zalo lan truyền “cảnh báo khẩn” kèm đường link tải phần mềm diệt virus. Anh/chị nên làm gì?",
        options: [
          "Tải ngay phần mềm theo cảnh báo cho an toàn",
          "Hỏi cán bộ phụ trách CNTT của Sở trước",
          "Chia sẻ tiếp cho người thân, bạn bè cùng biết",
        ],
        explanation: "Kẻ gian có thể giả dạng cảnh báo để phát tán mã độc, nên cần xác minh trước khi làm theo.",
      },
      en: {
        question: "A Zalo group is spreading an “urgent warning” with a link to download antivirus software. What should you do?",
        options: [
          "Download the software at once to be safe",
          "Ask the Department's IT officer first",
          "Pass it on to family and friends",
        ],
        explanation: "Criminals can dress up malware as a warning, so verify before acting on it.",
      },
    },
  },
  {
    code: "SC-06",
    category: "incident_reporting",
    vi: "Nếu nhận thông báo đăng nhập lạ, thấy thư đã gửi mà anh/chị không hề gửi, hoặc bị đổi mật khẩu, hãy đổi mật khẩu (nếu còn vào được) và báo ngay cán bộ phụ trách CNTT của Sở. Đó có thể là dấu hiệu tài khoản đã bị người khác chiếm.",
    en: "If you get an alert about an unfamiliar login, see sent e-mails you never sent, or find your password changed, change your password (if you still can) and report it to the Department's IT officer immediately. These may be signs that someone has taken over your account.",
    quiz: {
      correct: 1,
      vi: {
        question: "Đồng nghiệp báo nhận được thư từ hộp thư công vụ của anh/chị, trong khi anh/chị không hề gửi. Nên làm gì?",
        options: [
          "Bỏ qua vì có thể chỉ là lỗi của hệ thống thư",
          "Đổi mật khẩu, báo cán bộ CNTT của Sở",
          "Chờ xem còn đồng nghiệp nào nhận được nữa không",
        ],
        explanation: "Thư lạ gửi đi từ hộp thư của mình là dấu hiệu tài khoản có thể đã bị chiếm.",
      },
      en: {
        question: "A colleague says they received an e-mail from your official mailbox that you never sent. What should you do?",
        options: [
          "Ignore it, it may just be a mail system glitch",
          "Change your password and tell IT",
          "Wait to see whether other colleagues receive one",
        ],
        explanation: "Unknown e-mails sent from your mailbox are a sign that the account may have been taken over.",
      },
    },
  },
  {
    code: "SC-07",
    category: "incident_reporting",
    vi: "Khi không chắc một thư, một cuộc gọi hay hiện tượng lạ trên máy có phải sự cố hay không, anh/chị vẫn nên hỏi cán bộ phụ trách CNTT của Sở. Báo nhầm không sao, còn bỏ qua một sự cố thật có thể ảnh hưởng cả cơ quan.",
    en: "When you are not sure whether an e-mail, a call or something odd on your computer is an incident, ask the Department's IT officer anyway. A false alarm does no harm, but ignoring a real incident can affect the whole agency.",
    quiz: {
      correct: 0,
      vi: {
        question: "Máy tính có biểu hiện lạ nhưng anh/chị không chắc đó có phải sự cố không. Nên làm gì?",
        options: [
          "Hỏi ngay cán bộ phụ trách CNTT của Sở",
          "Chờ đến khi chắc chắn mới báo",
          "Tự tìm cách sửa theo hướng dẫn trên mạng",
        ],
        explanation: "Báo sớm dù chưa chắc chắn vẫn tốt hơn để một sự cố thật lan rộng.",
      },
      en: {
        question: "Your computer is behaving strangely but you are not sure it is an incident. What should you do?",
        options: [
          "Ask the Department's IT officer right away",
          "Wait until you are certain before reporting",
          "Try to fix it with instructions from the web",
        ],
        explanation: "Reporting early, even when unsure, is better than letting a real incident spread.",
      },
    },
  },
];

/** Vietnamese/English name of a category. */
export function tipCategoryName(key: TipCategoryKey, lang: "vi" | "en"): string {
  const cat = TIP_CATEGORIES.find((c) => c.key === key);
  return cat ? cat[lang] : key;
}

/** Tips of one category, in their defined order. */
export function tipsByCategory(key: TipCategoryKey): SecurityTip[] {
  return SECURITY_TIPS.filter((t) => t.category === key);
}
