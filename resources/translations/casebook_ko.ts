<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Inquiry number</source>
        <translation>문의 번호</translation>
    </message>
    <message>
        <source>Asked at</source>
        <translation>문의 일시</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>고객 이름</translation>
    </message>
    <message>
        <source>Customer id</source>
        <translation>고객 ID</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Question (required)</source>
        <translation>문의 내용 (필수)</translation>
    </message>
    <message>
        <source>Answer given</source>
        <translation>답변 내용</translation>
    </message>
    <message>
        <source>Answered at</source>
        <translation>답변 일시</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>주문번호</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>상품</translation>
    </message>
    <message>
        <source>Kmong</source>
        <translation>크몽</translation>
    </message>
    <message>
        <source>11st</source>
        <translation>11번가</translation>
    </message>
    <message>
        <source>Gmarket</source>
        <translation>G마켓</translation>
    </message>
    <message>
        <source>Coupang (export)</source>
        <translation>쿠팡 (내보내기 파일)</translation>
    </message>
    <message>
        <source>Naver SmartStore (export)</source>
        <translation>네이버 스마트스토어 (내보내기 파일)</translation>
    </message>
    <message>
        <source>Other board (generic)</source>
        <translation>기타 마켓 (일반 형식)</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>Password for %1</source>
        <translation>%1 비밀번호</translation>
    </message>
    <message>
        <source>The system keychain is unavailable, so Casebook cannot keep this password:
%1

Enter the password of %2 to connect now. It is kept in memory only and asked again next time.</source>
        <translation>시스템 키체인을 사용할 수 없어 Casebook이 이 비밀번호를 보관할 수 없습니다:
%1

지금 연결하려면 %2의 비밀번호를 입력하세요. 메모리에만 두며 다음에 다시 묻습니다.</translation>
    </message>
    <message>
        <source>%1: no password given (%2)</source>
        <translation>%1: 비밀번호를 입력하지 않았습니다 (%2)</translation>
    </message>
</context>
<context>
    <name>casebook::ui</name>
    <message>
        <source>Email</source>
        <translation>이메일</translation>
    </message>
    <message>
        <source>Coupang</source>
        <translation>쿠팡</translation>
    </message>
    <message>
        <source>Naver</source>
        <translation>네이버</translation>
    </message>
    <message>
        <source>CSV import</source>
        <translation>CSV 가져오기</translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <translation>%1일 %2시간</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1분</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>%1 초과</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 남음</translation>
    </message>
    <message>
        <source>New</source>
        <translation>신규</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>고객 대기</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>해결됨</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>스팸</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>배송</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>반품</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>환불</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>교환</translation>
    </message>
    <message>
        <source>Defect</source>
        <translation>불량</translation>
    </message>
    <message>
        <source>Missing item</source>
        <translation>구성품 누락</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>결제</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>리뷰</translation>
    </message>
    <message>
        <source>Abuse</source>
        <translation>악성 문의</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>%1 took over %2 ago</source>
        <translation>%2 전 %1 이관됨</translation>
    </message>
    <message>
        <source>%1 takes over in %2</source>
        <translation>%2 후 %1 이관</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <comment>the marketplace takes the question over in</comment>
        <translation>%2 후 %1 이관</translation>
    </message>
    <message>
        <source>Vendor id</source>
        <translation>업체 코드</translation>
    </message>
    <message>
        <source>Access key</source>
        <translation>액세스 키</translation>
    </message>
    <message>
        <source>Wing user id</source>
        <translation>Wing 사용자 ID</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>클라이언트 ID</translation>
    </message>
    <message>
        <source>11st</source>
        <translation>11번가</translation>
    </message>
    <message>
        <source>Amazon</source>
        <translation>아마존</translation>
    </message>
    <message>
        <source>ESM+ master id</source>
        <translation>ESM+ 마스터 ID</translation>
    </message>
    <message>
        <source>Gmarket seller id</source>
        <translation>G마켓 판매자 ID</translation>
    </message>
    <message>
        <source>Auction seller id</source>
        <translation>옥션 판매자 ID</translation>
    </message>
    <message>
        <source>Gmarket/Auction</source>
        <translation>G마켓/옥션</translation>
    </message>
    <message>
        <source>eBay user name</source>
        <translation>eBay 사용자 이름</translation>
    </message>
    <message>
        <source>App ID (client id)</source>
        <translation>App ID (클라이언트 ID)</translation>
    </message>
    <message>
        <source>Marketplace (EBAY_US, EBAY_GB, …)</source>
        <translation>마켓플레이스 (EBAY_US, EBAY_GB, …)</translation>
    </message>
    <message>
        <source>eBay</source>
        <translation>이베이</translation>
    </message>
    <message>
        <source>Cert ID (client secret), a space, the refresh token</source>
        <translation>Cert ID(클라이언트 시크릿), 공백, 리프레시 토큰</translation>
    </message>
    <message>
        <source>Key expires on (yyyy-MM-dd)</source>
        <translation>키 만료일 (yyyy-MM-dd)</translation>
    </message>
</context>
<context>
    <name>casebook::ui::AccountsDialog</name>
    <message>
        <source>Test connection</source>
        <translation>연결 테스트</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>계정</translation>
    </message>
    <message>
        <source>TLS (implicit or STARTTLS by port)</source>
        <translation>TLS (포트에 따라 암묵적 TLS 또는 STARTTLS)</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None (this computer only)</source>
        <translation>없음 (이 컴퓨터 안에서만)</translation>
    </message>
    <message>
        <source>e.g. pass show mail/shop (instead of the keychain)</source>
        <translation>예: pass show mail/shop (키체인 대신 사용)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>보내는 사람 이름</translation>
    </message>
    <message>
        <source>IMAP server</source>
        <translation>IMAP 서버</translation>
    </message>
    <message>
        <source>IMAP port</source>
        <translation>IMAP 포트</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP 서버</translation>
    </message>
    <message>
        <source>SMTP port</source>
        <translation>SMTP 포트</translation>
    </message>
    <message>
        <source>User</source>
        <translation>사용자 이름</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>보안</translation>
    </message>
    <message>
        <source>Extra CA file</source>
        <translation>추가 CA 파일</translation>
    </message>
    <message>
        <source>Pinned certificate</source>
        <translation>고정된 인증서</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>서명</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Password command</source>
        <translation>비밀번호 명령</translation>
    </message>
    <message>
        <source>New</source>
        <translation>새 계정</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1을(를) 저장했습니다.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>계정 삭제</translation>
    </message>
    <message>
        <source>Remove the account %1? Its messages stay.</source>
        <translation>%1 계정을 삭제할까요? 계정의 메시지는 그대로 남습니다.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>연결하는 중…</translation>
    </message>
    <message>
        <source>IMAP: %1</source>
        <translation>IMAP: %1</translation>
    </message>
    <message>
        <source>IMAP and SMTP: logged in.</source>
        <translation>IMAP과 SMTP: 로그인했습니다.</translation>
    </message>
    <message>
        <source>IMAP: logged in. SMTP: %1</source>
        <translation>IMAP: 로그인했습니다. SMTP: %1</translation>
    </message>
    <message>
        <source>Untrusted certificate</source>
        <translation>신뢰할 수 없는 인증서</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted by this computer.

SHA-256:
%1

Pin it only if you have checked this fingerprint with your mail provider. Pin this certificate?</source>
        <translation>이 컴퓨터는 서버의 인증서를 신뢰하지 않습니다.

SHA-256:
%1

메일 서비스 제공업체를 통해 이 지문을 확인한 경우에만 고정하세요. 이 인증서를 고정할까요?</translation>
    </message>
    <message>
        <source>Pinned. Save, then test again.</source>
        <translation>인증서를 고정했습니다. 저장한 뒤 다시 테스트하세요.</translation>
    </message>
    <message>
        <source>Saved %1, without its password: %2
Casebook will ask for the password each time it is needed; set a password command or start a keychain service to avoid that.</source>
        <translation>%1을(를) 비밀번호 없이 저장했습니다: %2
Casebook이 비밀번호가 필요할 때마다 묻습니다. 그러지 않으려면 비밀번호 명령을 설정하거나 키체인 서비스를 시작하세요.</translation>
    </message>
    <message>
        <source>the service&apos;s own (leave empty)</source>
        <translation>서비스 기본값 (비워 두세요)</translation>
    </message>
    <message>
        <source>e.g. pass show shop/api-key (instead of the keychain)</source>
        <translation>예: pass show shop/api-key (키체인 대신)</translation>
    </message>
    <message>
        <source>API base URL</source>
        <translation>API 기본 URL</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>비밀 키</translation>
    </message>
    <message>
        <source>Secret command</source>
        <translation>비밀 키 명령</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>%1 is needed.</source>
        <translation>%1을(를) 입력하세요.</translation>
    </message>
    <message>
        <source>There is already an account named %1 of another kind.</source>
        <translation>다른 종류의 계정 %1이(가) 이미 있습니다.</translation>
    </message>
    <message>
        <source>Enter the secret key or a command that prints it.</source>
        <translation>비밀 키나 그것을 출력하는 명령을 입력하세요.</translation>
    </message>
    <message>
        <source>Saved %1, without its secret key: %2
Set a secret command or start a keychain service.</source>
        <translation>%1을(를) 저장했지만 비밀 키는 저장하지 못했습니다: %2
비밀 키 명령을 설정하거나 키체인 서비스를 시작하세요.</translation>
    </message>
    <message>
        <source>%1: enter a date as 2027-06-30.</source>
        <translation>%1: 2027-06-30 형식으로 날짜를 입력하세요.</translation>
    </message>
</context>
<context>
    <name>casebook::ui::CaseExportDialog</name>
    <message>
        <source>Include internal notes in the timeline</source>
        <translation>타임라인에 내부 메모 포함</translation>
    </message>
    <message>
        <source>Mask the customer&apos;s phone number and e-mail address</source>
        <translation>고객의 전화번호와 이메일 주소 가리기</translation>
    </message>
    <message>
        <source>Export case file #%1</source>
        <translation>사건 파일 #%1 내보내기</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>One ZIP file with a PDF report, the evidence originals, the raw messages, a manifest and SHA256SUMS, so anyone can check that nothing was changed.</source>
        <translation>PDF 보고서, 증거 원본, 원본 메시지, 매니페스트와 SHA256SUMS를 ZIP 파일 하나로 묶습니다. 누구나 내용이 바뀌지 않았음을 확인할 수 있습니다.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>저장 위치:</translation>
    </message>
    <message>
        <source>Case files (*.zip)</source>
        <translation>사건 파일 (*.zip)</translation>
    </message>
</context>
<context>
    <name>casebook::ui::CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>명령 팔레트</translation>
    </message>
    <message>
        <source>Type a command…</source>
        <translation>명령을 입력하세요…</translation>
    </message>
</context>
<context>
    <name>casebook::ui::ComposerEditor</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is not filled in: replace it before sending.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 자리가 채워지지 않았습니다. 보내기 전에 내용을 바꿔 주세요.</translation>
    </message>
</context>
<context>
    <name>casebook::ui::ComposerPane</name>
    <message>
        <source>Reply</source>
        <translation>답변</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>내부 메모</translation>
    </message>
    <message>
        <source>Insert template…</source>
        <translation>템플릿 넣기…</translation>
    </message>
    <message>
        <source>Send reply or save note</source>
        <translation>답변 보내기 또는 메모 저장</translation>
    </message>
    <message>
        <source>Close composer (draft kept)</source>
        <translation>작성 창 닫기 (작성 중인 내용 유지)</translation>
    </message>
    <message>
        <source>Reply to the customer (R)</source>
        <translation>고객에게 답변 (R)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Internal note, never sent (N)</source>
        <translation>내부 메모, 고객에게 보내지 않음 (N)</translation>
    </message>
    <message>
        <source>Template…</source>
        <translation>템플릿…</translation>
    </message>
    <message>
        <source>Insert a template (Ctrl+T)</source>
        <translation>템플릿 넣기 (Ctrl+T)</translation>
    </message>
    <message>
        <source>Close; the draft is kept (Esc)</source>
        <translation>닫기, 작성 중인 내용은 유지됩니다 (Esc)</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>메모 저장</translation>
    </message>
    <message>
        <source>Write a reply… (Ctrl+T inserts a template)</source>
        <translation>답변을 입력하세요… (Ctrl+T로 템플릿 넣기)</translation>
    </message>
    <message>
        <source>Write a note for your team; the customer never sees it.</source>
        <translation>팀에 남길 메모를 입력하세요. 고객에게는 보이지 않습니다.</translation>
    </message>
    <message>
        <source>Reply to #%1 on &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;%2&lt;/b&gt;의 #%1에 답변</translation>
    </message>
    <message>
        <source>&lt;b&gt;Internal note&lt;/b&gt; on #%1: only your team sees it</source>
        <translation>#%1의 &lt;b&gt;내부 메모&lt;/b&gt;: 팀원만 볼 수 있습니다</translation>
    </message>
    <message>
        <source>Fill in %1 before sending.</source>
        <translation>보내기 전에 %1을(를) 채우세요.</translation>
    </message>
    <message>
        <source>%1 takes at most %2 characters; this reply has %3.</source>
        <translation>%1은(는) 최대 %2자까지 보낼 수 있습니다. 이 답변은 %3자입니다.</translation>
    </message>
    <message>
        <source>%1 needs at least %2 characters.</source>
        <translation>%1은(는) %2자 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Nothing to send yet.</source>
        <translation>아직 보낼 내용이 없습니다.</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>메모가 비어 있습니다.</translation>
    </message>
    <message>
        <source>Not queued: %1</source>
        <translation>보낼 편지함에 넣지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Queued for sending on %1.</source>
        <translation>%1(으)로 보내도록 보낼 편지함에 넣었습니다.</translation>
    </message>
    <message>
        <source>Saved in the outbox, not sent yet: %1 It goes out once an account can send on %2.</source>
        <translation>보낼 편지함에 저장했지만 아직 보내지 않았습니다: %1 %2(으)로 보낼 수 있는 계정이 설정되면 발송됩니다.</translation>
    </message>
    <message>
        <source>The note could not be saved: %1</source>
        <translation>메모를 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>메모를 저장했습니다.</translation>
    </message>
    <message>
        <source>Not queued: the wording needs your confirmation.</source>
        <translation>보낼 편지함에 넣지 못했습니다: 표현을 확인해 주셔야 합니다.</translation>
    </message>
    <message>
        <source>Use the suggested sentence</source>
        <translation>제안 문장으로 바꾸기</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: “%2”. %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: “%2”. %3</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…외 %n개.</numerusform>
        </translation>
    </message>
    <message>
        <source>Alt+Enter puts the suggested sentence in place of the one at the cursor.</source>
        <translation>Alt+Enter를 누르면 커서가 있는 문장을 제안 문장으로 바꿉니다.</translation>
    </message>
</context>
<context>
    <name>casebook::ui::ConnectionHealthText</name>
    <message>
        <source>Last complete sync: %1</source>
        <translation>마지막 전체 동기화: %1</translation>
    </message>
    <message>
        <source>Last complete sync: never</source>
        <translation>마지막 전체 동기화: 없음</translation>
    </message>
    <message>
        <source>The key expired on %1: issue a new one in Wing and enter it here.</source>
        <translation>키가 %1에 만료되었습니다: Wing에서 새 키를 발급받아 여기에 입력하세요.</translation>
    </message>
    <message numerus="yes">
        <source>The key expires on %1, in %n day(s): reissue it in Wing (Seller information &gt; Additional sales information &gt; Open API key) and enter the new key and date.</source>
        <translation>
            <numerusform>키가 %1에 만료됩니다(%n일 남음): Wing(판매자정보 &gt; 추가판매정보 &gt; OPEN API 키 발급)에서 재발급하고 새 키와 만료일을 입력하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>The key is valid until %1.</source>
        <translation>키는 %1까지 유효합니다.</translation>
    </message>
    <message>
        <source>Naver token: valid until %1 (renewed %2)</source>
        <translation>네이버 토큰: %1까지 유효 (%2 갱신)</translation>
    </message>
    <message>
        <source>The Coupang key of %1 expired on %2.</source>
        <translation>쿠팡 계정 %1의 키가 %2에 만료되었습니다.</translation>
    </message>
    <message numerus="yes">
        <source>The Coupang key of %1 expires on %2, in %n day(s).</source>
        <translation>
            <numerusform>쿠팡 계정 %1의 키가 %2에 만료됩니다(%n일 남음).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::ConversationPane</name>
    <message>
        <source>Select a ticket.</source>
        <translation>문의를 선택하세요.</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>요약:</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>내부 메모</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>받음</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(이름 없음)</translation>
    </message>
    <message numerus="yes">
        <source>%n remote image(s) blocked.</source>
        <translation>
            <numerusform>외부 이미지 %n개를 차단했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Load images from this sender</source>
        <translation>이 보낸 사람의 이미지 불러오기</translation>
    </message>
    <message>
        <source>Attachment:</source>
        <translation>첨부 파일:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
        <source>Add as evidence</source>
        <translation>증거로 추가</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>첨부 파일</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>첨부 파일 저장</translation>
    </message>
    <message>
        <source>This ticket has no attachment %1.</source>
        <translation>이 문의에는 %1 첨부 파일이 없습니다.</translation>
    </message>
    <message>
        <source>This message&apos;s formatting is too complex to display; it is shown as plain text.</source>
        <translation>이 메시지는 서식이 너무 복잡해 그대로 표시할 수 없어 일반 텍스트로 보여 드립니다.</translation>
    </message>
</context>
<context>
    <name>casebook::ui::CsvImportDialog</name>
    <message>
        <source>Import %1</source>
        <translation>%1 가져오기</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s), read as %1.</source>
        <translation>
            <numerusform>%n개 행을 %1 인코딩으로 읽었습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Board:</source>
        <translation>마켓:</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>(파일에 없음)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>가져오기(&amp;I)</translation>
    </message>
    <message>
        <source>%1: %2 message(s) imported, %3 already there, %4 new ticket(s).</source>
        <translation>%1: 메시지 %2개 가져옴, %3개는 이미 있음, 새 문의 %4건.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) skipped.</source>
        <translation>
            <numerusform>%n개 행을 건너뛰었습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import a board&apos;s CSV export</source>
        <translation>마켓에서 내보낸 CSV 가져오기</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 파일 (*.csv *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>CSV 가져오기</translation>
    </message>
    <message>
        <source>The file has no date column: date every row now (answer clocks start now)</source>
        <translation>파일에 날짜 열이 없습니다: 모든 행을 지금 날짜로 가져옵니다 (답변 기한도 지금부터 계산)</translation>
    </message>
    <message>
        <source>No column is chosen for the date the customer asked. Choose it above, or tick the box below to date the rows at import.</source>
        <translation>고객이 문의한 날짜 열이 선택되지 않았습니다. 위에서 고르거나, 아래 상자를 체크해 가져오는 시각으로 날짜를 정하세요.</translation>
    </message>
</context>
<context>
    <name>casebook::ui::CustodyLogDialog</name>
    <message>
        <source>Custody log of #%1</source>
        <translation>#%1 보관 이력</translation>
    </message>
    <message>
        <source>Nothing has been recorded for this case yet.</source>
        <translation>이 사건에는 아직 기록된 내용이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries; each one carries the hash of the one before it, and the chain holds.</source>
        <translation>
            <numerusform>항목 %n개. 각 항목에 바로 앞 항목의 해시가 담겨 있으며, 해시 체인이 온전합니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The chain is broken: %1</source>
        <translation>해시 체인이 끊어졌습니다: %1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <source>Entry hash</source>
        <translation>항목 해시</translation>
    </message>
    <message>
        <source>previous: %1</source>
        <translation>이전: %1</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>추가됨</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>내보냄</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>검증됨</translation>
    </message>
    <message>
        <source>file</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>added from</source>
        <translation>가져온 곳</translation>
    </message>
    <message>
        <source>manifest SHA-256</source>
        <translation>매니페스트 SHA-256</translation>
    </message>
    <message>
        <source>signing key</source>
        <translation>서명 키</translation>
    </message>
    <message>
        <source>files</source>
        <translation>파일 수</translation>
    </message>
    <message>
        <source>notes included</source>
        <translation>메모 포함</translation>
    </message>
    <message>
        <source>contacts masked</source>
        <translation>연락처 가림</translation>
    </message>
    <message>
        <source>result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>problems</source>
        <translation>문제 수</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>the demo</source>
        <translation>데모</translation>
    </message>
    <message>
        <source>mail attachment</source>
        <translation>메일 첨부파일</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>이상 없음</translation>
    </message>
    <message>
        <source>problems found</source>
        <translation>문제 발견</translation>
    </message>
</context>
<context>
    <name>casebook::ui::CustomerPanel</name>
    <message>
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>abusive</source>
        <translation>악성 고객</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Orders:</source>
        <translation>주문번호:</translation>
    </message>
    <message>
        <source>Other tickets:</source>
        <translation>다른 문의:</translation>
    </message>
    <message>
        <source>No other tickets.</source>
        <translation>다른 문의가 없습니다.</translation>
    </message>
    <message>
        <source>First contact:</source>
        <translation>첫 문의:</translation>
    </message>
    <message>
        <source>last:</source>
        <translation>최근:</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>티켓 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>no claims</source>
        <translation>클레임 없음</translation>
    </message>
    <message>
        <source>claims: %1</source>
        <translation>클레임: %1</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>메모:</translation>
    </message>
</context>
<context>
    <name>casebook::ui::DesktopShell</name>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>The new language applies the next time Casebook starts.</source>
        <translation>바꾼 언어는 Casebook을 다시 시작하면 적용됩니다.</translation>
    </message>
</context>
<context>
    <name>casebook::ui::EvidenceModel</name>
    <message>
        <source>SHA-256 %1
(Ctrl+C copies it)</source>
        <translation>SHA-256 %1
(Ctrl+C로 복사)</translation>
    </message>
    <message>
        <source>%1
%2 · added from %3</source>
        <translation>%1
%2 · %3에서 추가함</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>생성 시각</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>추가 시각</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
</context>
<context>
    <name>casebook::ui::EvidencePane</name>
    <message>
        <source>Add files…</source>
        <translation>파일 추가…</translation>
    </message>
    <message>
        <source>Export case file…</source>
        <translation>사건 파일 내보내기…</translation>
    </message>
    <message>
        <source>Verify case file…</source>
        <translation>사건 파일 검증…</translation>
    </message>
    <message>
        <source>Custody log</source>
        <translation>보관 이력</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <source>Add photos, videos or documents to this case (or drop files here)</source>
        <translation>이 사건에 사진, 동영상, 문서를 추가합니다 (여기에 파일을 끌어다 놓아도 됩니다)</translation>
    </message>
    <message>
        <source>Copy SHA-256</source>
        <translation>SHA-256 복사</translation>
    </message>
    <message>
        <source>Open a read-only copy</source>
        <translation>읽기 전용 사본 열기</translation>
    </message>
    <message>
        <source>Could not copy %1 to %2.</source>
        <translation>%1을(를) %2에 복사하지 못했습니다.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>숨기기</translation>
    </message>
    <message>
        <source>&lt;b&gt;Evidence&lt;/b&gt; — select a ticket</source>
        <translation>&lt;b&gt;증거&lt;/b&gt; — 문의를 선택하세요</translation>
    </message>
    <message>
        <source>&lt;b&gt;Evidence&lt;/b&gt; of #%1 — none yet; drop files here</source>
        <translation>#%1의 &lt;b&gt;증거&lt;/b&gt; — 아직 없습니다. 여기에 파일을 끌어다 놓으세요</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Evidence&lt;/b&gt; of #%1 — %n file(s)</source>
        <translation>
            <numerusform>#%1의 &lt;b&gt;증거&lt;/b&gt; — 파일 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a ticket first: evidence always belongs to a case.</source>
        <translation>먼저 문의를 선택하세요. 증거는 항상 사건에 속합니다.</translation>
    </message>
    <message>
        <source>Adding evidence</source>
        <translation>증거 추가</translation>
    </message>
    <message numerus="yes">
        <source>Hashing and storing %n file(s)…</source>
        <translation>
            <numerusform>파일 %n개의 해시를 계산하고 저장하는 중…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n file(s) to #%1.</source>
        <translation>
            <numerusform>#%1에 파일 %n개를 추가했습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) were already in the case.</source>
        <translation>
            <numerusform>파일 %n개는 이미 사건에 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: the file being added was not stored.</source>
        <translation>취소했습니다. 추가하던 파일은 저장되지 않았습니다.</translation>
    </message>
    <message>
        <source>Adding the attachment to the case&apos;s evidence…</source>
        <translation>첨부 파일을 사건 증거로 추가하는 중…</translation>
    </message>
    <message>
        <source>%1 is now evidence of #%2 (SHA-256 %3).</source>
        <translation>%1을(를) #%2의 증거로 추가했습니다 (SHA-256 %3).</translation>
    </message>
    <message>
        <source>Select a ticket first.</source>
        <translation>먼저 문의를 선택하세요.</translation>
    </message>
    <message>
        <source>Export case file</source>
        <translation>사건 파일 내보내기</translation>
    </message>
    <message>
        <source>Writing the case file of #%1…</source>
        <translation>#%1의 사건 파일을 만드는 중…</translation>
    </message>
    <message>
        <source>The case file was not written: %1</source>
        <translation>사건 파일을 만들지 못했습니다: %1</translation>
    </message>
    <message numerus="yes">
        <source>Case file written: %1 — %n file(s), %2. Its SHA-256 (in the custody log): %3</source>
        <translation>
            <numerusform>사건 파일을 만들었습니다: %1 — 파일 %n개, %2. 사건 파일의 SHA-256 (보관 이력에 기록됨): %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Verify case file</source>
        <translation>사건 파일 검증</translation>
    </message>
    <message>
        <source>Checking every hash in %1…</source>
        <translation>%1의 모든 해시를 확인하는 중…</translation>
    </message>
    <message>
        <source>%1 could not be checked: %2</source>
        <translation>%1을(를) 확인하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>%1 is intact: case #%2, %3 files match manifest.json and SHA256SUMS, and the custody chain holds.</source>
        <translation>%1은(는) 변경되지 않았습니다: 사건 #%2, 파일 %3개가 manifest.json 및 SHA256SUMS와 일치하며, 보관 이력의 해시 체인도 온전합니다.</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…외 %n개.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be trusted as it is:
%2</source>
        <translation>%1은(는) 현재 상태로는 신뢰할 수 없습니다:
%2</translation>
    </message>
    <message>
        <source>Add evidence to #%1</source>
        <translation>#%1에 증거 추가</translation>
    </message>
    <message>
        <source>Verify a case file</source>
        <translation>사건 파일 검증</translation>
    </message>
    <message>
        <source>Case files (*.zip);;All files (*)</source>
        <translation>사건 파일 (*.zip);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 파일이 이미 있습니다. 바꿀까요?</translation>
    </message>
    <message>
        <source>Print a case file</source>
        <translation>사건 파일 인쇄</translation>
    </message>
    <message>
        <source>Case files (*.zip)</source>
        <translation>사건 파일 (*.zip)</translation>
    </message>
    <message>
        <source>%1 has no report to print: %2</source>
        <translation>%1에 인쇄할 보고서가 없습니다: %2</translation>
    </message>
    <message>
        <source>The case file was not printed: %1</source>
        <translation>사건 파일을 인쇄하지 못했습니다: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) of %1 sent to the printer.</source>
        <translation>
            <numerusform>%1의 %n쪽을 프린터로 보냈습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::ImportController</name>
    <message>
        <source>Import a Maildir folder</source>
        <translation>Maildir 폴더 가져오기</translation>
    </message>
    <message>
        <source>Import an mbox file</source>
        <translation>mbox 파일 가져오기</translation>
    </message>
    <message>
        <source>Mailboxes (*.mbox *.mbx *);;All files (*)</source>
        <translation>메일함 (*.mbox *.mbx *);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Import .eml files</source>
        <translation>.eml 파일 가져오기</translation>
    </message>
    <message>
        <source>Mail messages (*.eml);;All files (*)</source>
        <translation>메일 메시지 (*.eml);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Importing mail…</source>
        <translation>메일을 가져오는 중…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>가져오기 실패: %1</translation>
    </message>
    <message>
        <source>%1 read · %2 imported · %3 already here · %4 could not be read · %5 new tickets</source>
        <translation>%1개 읽음 · %2개 가져옴 · %3개는 이미 있음 · %4개 읽지 못함 · 새 문의 %5건</translation>
    </message>
    <message>
        <source>Import cancelled (it resumes where it stopped): %1</source>
        <translation>가져오기를 취소했습니다 (다음에 멈춘 곳부터 이어서 가져옵니다): %1</translation>
    </message>
    <message>
        <source>Importing mail… %1 messages (%2/s)
%3</source>
        <translation>메일을 가져오는 중… 메시지 %1개 (초당 %2개)
%3</translation>
    </message>
    <message>
        <source>Your addresses: %1</source>
        <translation>내 주소: %1</translation>
    </message>
    <message>
        <source>None of your own addresses is known: set them in Settings, then Tools → Sort mail again.</source>
        <translation>내 주소를 아직 모릅니다. 설정에서 입력한 뒤 도구 → 메일 다시 정리를 실행하세요.</translation>
    </message>
    <message>
        <source>Nothing new: this mail is stored already. If your addresses changed, use Tools → Sort mail again.</source>
        <translation>새 메일이 없습니다. 이미 저장된 메일입니다. 내 주소가 바뀌었다면 도구 → 메일 다시 정리를 실행하세요.</translation>
    </message>
    <message>
        <source>Sorting the stored mail again with your addresses…</source>
        <translation>저장된 메일을 내 주소로 다시 정리하는 중…</translation>
    </message>
    <message>
        <source>Sort mail again</source>
        <translation>메일 다시 정리</translation>
    </message>
    <message>
        <source>Sorting again failed: %1</source>
        <translation>다시 정리하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>%1 messages sorted again · %2 now read as your replies or back · %3 tickets kept · %4 new · %5 folded into others</source>
        <translation>메일 %1건 다시 정리 · 보낸 방향이 바뀐 메일 %2건 · 유지된 티켓 %3건 · 새 티켓 %4건 · 다른 티켓에 합쳐진 티켓 %5건</translation>
    </message>
</context>
<context>
    <name>casebook::ui::MailSyncController</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: syncing…</source>
        <translation>%1: 동기화하는 중…</translation>
    </message>
    <message>
        <source>%1: up to date, waiting for new mail</source>
        <translation>%1: 최신 상태, 새 메일 기다리는 중</translation>
    </message>
    <message>
        <source>%1: %2 (retrying)</source>
        <translation>%1: %2 (다시 시도하는 중)</translation>
    </message>
    <message>
        <source>Outbox: %1</source>
        <translation>보낼 편지함: %1</translation>
    </message>
    <message>
        <source>Outbox: %1 sent, %2 waiting to retry, %3 failed</source>
        <translation>보낼 편지함: %1건 보냄, %2건 재시도 대기, %3건 실패</translation>
    </message>
</context>
<context>
    <name>casebook::ui::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>가져오기(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Maildir folder…</source>
        <translation>Maildir 폴더(&amp;M)…</translation>
    </message>
    <message>
        <source>m&amp;box file…</source>
        <translation>mbox 파일(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;.eml files…</source>
        <translation>.eml 파일(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>검색(&amp;S)</translation>
    </message>
    <message numerus="yes">
        <source>%n tickets match</source>
        <translation>
            <numerusform>일치하는 문의 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tickets · %2 messages · %3</source>
        <translation>문의 %1건 · 메시지 %2개 · %3</translation>
    </message>
    <message>
        <source>Board &amp;CSV export…</source>
        <translation>마켓 CSV 파일(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>계정(&amp;A)…</translation>
    </message>
    <message>
        <source>⚠ The database may be damaged</source>
        <translation>⚠ 데이터베이스가 손상되었을 수 있습니다</translation>
    </message>
    <message>
        <source>The database may be damaged</source>
        <translation>데이터베이스가 손상되었을 수 있습니다</translation>
    </message>
    <message>
        <source>Casebook checked the database %1 and found damage: tickets, messages or evidence in it may be missing or wrong.

What to do: quit Casebook, keep a copy of this file for support, and put back your latest backup of it. Until then, do not import or sync more mail into it.</source>
        <translation>Casebook이 데이터베이스 %1을(를) 검사하다가 손상을 발견했습니다. 이 안의 티켓, 메시지, 증거가 빠졌거나 잘못되었을 수 있습니다.

이렇게 하세요: Casebook을 종료하고, 지원 요청을 위해 이 파일의 사본을 보관한 뒤, 가장 최근 백업으로 되돌려 놓으세요. 그때까지는 이 데이터베이스로 메일을 더 가져오거나 동기화하지 마세요.</translation>
    </message>
    <message>
        <source>S&amp;ync marketplace inquiries now</source>
        <translation>마켓 문의 지금 가져오기(&amp;Y)</translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation>이미 가져오는 중입니다.</translation>
    </message>
    <message>
        <source>Reply &amp;templates…</source>
        <translation>답변 템플릿(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>도구(&amp;T)</translation>
    </message>
    <message>
        <source>Sort mail &amp;again with my addresses</source>
        <translation>내 주소로 메일 다시 정리(&amp;A)</translation>
    </message>
    <message>
        <source>Derive directions, customers and tickets of the stored mail again from the raw messages, keeping status, notes and evidence</source>
        <translation>저장된 원본 메일에서 방향, 고객, 티켓을 다시 정합니다. 상태, 메모, 증거는 그대로 둡니다</translation>
    </message>
    <message>
        <source>&amp;Print case file…</source>
        <translation>사건 파일 인쇄(&amp;P)…</translation>
    </message>
    <message>
        <source>R&amp;eports</source>
        <translation>보고서(&amp;E)</translation>
    </message>
    <message numerus="yes">
        <source>Report: %n ticket(s) — %1</source>
        <translation>
            <numerusform>보고서: 티켓 %n건 — %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::MarketplaceSync</name>
    <message>
        <source>Sync</source>
        <translation>동기화</translation>
    </message>
    <message>
        <source>Fetching marketplace inquiries…</source>
        <translation>마켓 문의를 가져오는 중…</translation>
    </message>
    <message>
        <source>%1: fetching inquiries…</source>
        <translation>%1: 문의를 가져오는 중…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 fetched (%3)</source>
        <translation>%1: %2건 가져옴 (%3)</translation>
    </message>
    <message>
        <source>%1: %2 new of %3 fetched</source>
        <translation>%1: %3건 중 새 문의 %2건</translation>
    </message>
    <message>
        <source>cancelled: what was fetched is kept, the next sync goes on from there</source>
        <translation>취소함: 가져온 문의는 그대로 두고, 다음 동기화는 거기서 이어집니다</translation>
    </message>
    <message>
        <source>No marketplace account to sync (File → Accounts…).</source>
        <translation>동기화할 마켓 계정이 없습니다 (파일 → 계정…).</translation>
    </message>
</context>
<context>
    <name>casebook::ui::OrderPanel</name>
    <message>
        <source>Exchange</source>
        <translation>교환</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>반품</translation>
    </message>
    <message>
        <source>The market does not know this order, or no account can ask it.</source>
        <translation>마켓에서 이 주문을 찾을 수 없거나, 조회할 계정이 없습니다.</translation>
    </message>
    <message>
        <source>The market refused to give the order.</source>
        <translation>마켓이 주문 조회를 거부했습니다.</translation>
    </message>
    <message>
        <source>The market could not be reached; try again later.</source>
        <translation>마켓에 연결하지 못했습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The order could not be fetched.</source>
        <translation>주문을 가져오지 못했습니다.</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>주문</translation>
    </message>
    <message numerus="yes">
        <source>%n pc(s)</source>
        <translation>
            <numerusform>%n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>주문일</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>발송일</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>배송 완료일</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>택배사</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>운송장 번호</translation>
    </message>
    <message>
        <source>Fetching the order…</source>
        <translation>주문을 가져오는 중…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>%1 기준</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>결제 완료</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>상품 준비 중</translation>
    </message>
    <message>
        <source>Shipping ordered</source>
        <translation>배송 지시</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>배송 중</translation>
    </message>
    <message>
        <source>Purchase confirmed</source>
        <translation>구매 확정</translation>
    </message>
    <message>
        <source>Return requested</source>
        <translation>반품 접수</translation>
    </message>
    <message>
        <source>Stop shipping requested</source>
        <translation>출고 중지 요청</translation>
    </message>
    <message>
        <source>Back in the warehouse</source>
        <translation>입고 완료</translation>
    </message>
    <message>
        <source>Return completed</source>
        <translation>반품 완료</translation>
    </message>
    <message>
        <source>Exchange requested</source>
        <translation>교환 접수</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>불가</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>철회</translation>
    </message>
    <message>
        <source>Delivery completed</source>
        <translation>배송 완료</translation>
    </message>
    <message>
        <source>The market takes no calls from this computer&apos;s address; add it to the account&apos;s allowed addresses.</source>
        <translation>마켓이 이 컴퓨터의 주소에서 오는 호출을 받지 않습니다. 계정의 허용 IP 주소에 추가하세요.</translation>
    </message>
</context>
<context>
    <name>casebook::ui::OutboxStatusList</name>
    <message>
        <source>Queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Queued, waiting: %1</source>
        <translation>대기 중, 재시도 대기: %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>실패: %1</translation>
    </message>
    <message>
        <source>Unknown: check the Sent folder (or the marketplace) before sending again</source>
        <translation>알 수 없음: 다시 보내기 전에 보낸편지함(또는 마켓)을 확인하세요</translation>
    </message>
</context>
<context>
    <name>casebook::ui::QuarantinePane</name>
    <message>
        <source>Received</source>
        <translation>받음</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Select a message to see its raw text.</source>
        <translation>메시지를 선택하면 원문을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>

[… %1 more bytes not shown]</source>
        <translation>

[… 표시하지 않은 %1바이트가 더 있음]</translation>
    </message>
</context>
<context>
    <name>casebook::ui::ReadOnlyCopy</name>
    <message>
        <source>Could not create a temporary folder: %1</source>
        <translation>임시 폴더를 만들지 못했습니다: %1</translation>
    </message>
    <message>
        <source>No application is set up to open %1.</source>
        <translation>%1을(를) 열 프로그램이 설정되어 있지 않습니다.</translation>
    </message>
</context>
<context>
    <name>casebook::ui::ReportsView</name>
    <message>
        <source>Reports</source>
        <translation>보고서</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>지난 4주</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>지난 3개월</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>지난 12개월</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>이번 달</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>직접 지정</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>일별</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>주별</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>월별</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Save this view as a PNG picture or a PDF</source>
        <translation>이 화면을 PNG 그림이나 PDF로 저장합니다</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>기간:</translation>
    </message>
    <message>
        <source>Bars by:</source>
        <translation>막대 구분:</translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation>%1 %2%</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n inquiries&lt;/b&gt; from %1 to %2 · first answer: median %3, 90% within %4 · answered in time: %5 · resolved: median %6</source>
        <translation>
            <numerusform>&lt;b&gt;문의 %n건&lt;/b&gt; (%1 ~ %2) · 첫 답변: 중앙값 %3, 90%가 %4 이내 · 기한 내 답변: %5 · 해결까지: 중앙값 %6</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>클레임 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>Customers flagged abusive</source>
        <translation>악성으로 표시한 고객</translation>
    </message>
    <message>
        <source>Inquiries received, by channel</source>
        <translation>받은 문의 (채널별)</translation>
    </message>
    <message>
        <source>Inquiries received, by category</source>
        <translation>받은 문의 (분류별)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>First answer, hours (deadline dashed)</source>
        <translation>첫 답변까지 걸린 시간 (시간, 점선: 기한)</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>중앙값</translation>
    </message>
    <message>
        <source>90% answered within</source>
        <translation>90% 답변 시간</translation>
    </message>
    <message numerus="yes">
        <source>Deadline (%n hour(s))</source>
        <translation>
            <numerusform>기한 (%n시간)</numerusform>
        </translation>
    </message>
    <message>
        <source>Open tickets now, by age</source>
        <translation>지금 열린 티켓 (경과 기간별)</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>열린 티켓</translation>
    </message>
    <message>
        <source>Open, %1</source>
        <translation>열림, %1</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>보고서 내보내기</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;PNG picture (*.png)</source>
        <translation>PDF (*.pdf);;PNG 그림 (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1에 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>%1+ d</source>
        <translation>%1일 이상</translation>
    </message>
    <message>
        <source>%1–%2 d</source>
        <translation>%1–%2일</translation>
    </message>
    <message>
        <source>inquiries %1 · claims %2</source>
        <translation>문의 %1건 · 클레임 %2건</translation>
    </message>
    <message>
        <source>Most claimed products and orders</source>
        <translation>클레임이 많은 상품과 주문</translation>
    </message>
    <message>
        <source>order %1</source>
        <translation>주문 %1</translation>
    </message>
</context>
<context>
    <name>casebook::ui::SendConfirmationDialog</name>
    <message>
        <source>Check the wording before sending</source>
        <translation>보내기 전에 표현을 확인하세요</translation>
    </message>
    <message numerus="yes">
        <source>This reply has %n passage(s) that may hurt you with the customer or the marketplace:</source>
        <translation>
            <numerusform>이 답변에는 고객이나 마켓과의 관계에서 불리할 수 있는 표현이 %n곳 있습니다:</numerusform>
        </translation>
    </message>
    <message>
        <source>Instead:</source>
        <translation>권장 표현:</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>그래도 보내기</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>계속 수정</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 forbids this.&lt;/b&gt; Asking about reviews, offering rewards, or moving the buyer off the marketplace can get the seller account suspended.</source>
        <translation>&lt;b&gt;%1에서 금지하는 내용입니다.&lt;/b&gt; 리뷰를 요청하거나, 보상을 제안하거나, 구매자를 마켓 밖으로 유도하면 판매자 계정이 정지될 수 있습니다.</translation>
    </message>
    <message>
        <source>I have read the marketplace&apos;s rules and send this anyway</source>
        <translation>마켓 규정을 확인했으며 그래도 보냅니다</translation>
    </message>
</context>
<context>
    <name>casebook::ui::SettingsDialog</name>
    <message>
        <source> h</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>General</source>
        <translation>일반</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>판매자</translation>
    </message>
    <message>
        <source>Answer times</source>
        <translation>답변 기한</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>계정</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <source>A new language applies the next time Casebook starts.</source>
        <translation>바꾼 언어는 Casebook을 다시 시작하면 적용됩니다.</translation>
    </message>
    <message>
        <source>e.g. Dalbit Ceramics</source>
        <translation>예: 달빛도예</translation>
    </message>
    <message>
        <source>e.g. Dalbit Ceramics customer care · 02-123-4567</source>
        <translation>예: 달빛도예 고객센터 · 02-123-4567</translation>
    </message>
    <message>
        <source>Seller &amp;name:</source>
        <translation>판매자 이름(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Signature:</source>
        <translation>서명(&amp;S):</translation>
    </message>
    <message>
        <source>Templates put the seller name where they say {{seller_name}}, and the signature where they say {{seller_signature}}.</source>
        <translation>템플릿의 {{seller_name}} 자리에는 판매자 이름이, {{seller_signature}} 자리에는 서명이 들어갑니다.</translation>
    </message>
    <message>
        <source>How long after a customer writes the answer is due. Coupang and Naver expect an answer within 24 hours.</source>
        <translation>고객이 문의한 뒤 몇 시간 안에 답변해야 하는지 정합니다. 쿠팡과 네이버는 24시간 안에 답변하도록 요구합니다.</translation>
    </message>
    <message>
        <source>New messages use these times; tickets already open keep theirs.</source>
        <translation>새로 들어오는 메시지부터 적용되며, 이미 열려 있는 문의의 기한은 그대로입니다.</translation>
    </message>
    <message>
        <source>The mail accounts Casebook fetches from and sends with.</source>
        <translation>Casebook이 메일을 받아 오고 보낼 때 쓰는 계정입니다.</translation>
    </message>
    <message>
        <source>&amp;Email accounts…</source>
        <translation>이메일 계정(&amp;E)…</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>설정을 저장하지 못했습니다</translation>
    </message>
    <message>
        <source>e.g. help@dalbit.example, @dalbit.example</source>
        <translation>예: help@dalbit.example, @dalbit.example</translation>
    </message>
    <message>
        <source>Your &amp;addresses:</source>
        <translation>내 주소(&amp;A):</translation>
    </message>
    <message>
        <source>Mail from these addresses is your reply, not a customer&apos;s. Casebook also uses your email accounts and what imports found (%1). After a change, Tools → Sort mail again applies them to the mail stored already.</source>
        <translation>이 주소에서 온 메일은 고객 메일이 아니라 내 답장입니다. Casebook은 이메일 계정과 가져오기에서 찾은 주소(%1)도 씁니다. 바꾼 뒤에는 도구 → 메일 다시 정리로 이미 저장된 메일에 적용하세요.</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>아직 없음</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>영업시간</translation>
    </message>
    <message>
        <source>calendar hours</source>
        <translation>달력 시간</translation>
    </message>
    <message>
        <source>business hours</source>
        <translation>영업시간</translation>
    </message>
    <message>
        <source>%1 takes the question over when the time is up, nights and weekends included.</source>
        <translation>%1은(는) 밤과 주말을 포함해 시간이 다 되면 문의를 가져갑니다.</translation>
    </message>
    <message>
        <source>The hours an answer clock on business hours counts. Write each day&apos;s hours as 09:00-12:00,13:00-18:00 (the gap is your lunch break), or off.</source>
        <translation>영업시간 기준 답변 시계가 세는 시간입니다. 요일마다 09:00-12:00,13:00-18:00처럼 쓰세요(사이의 빈 시간은 점심시간). 쉬는 날은 off.</translation>
    </message>
    <message>
        <source>Your days off:</source>
        <translation>휴무일:</translation>
    </message>
    <message>
        <source>Korean public holidays, substitute holidays included</source>
        <translation>한국 공휴일(대체공휴일 포함)</translation>
    </message>
    <message>
        <source>Public holidays known for %1–%2, from the Korea Astronomy and Space Science Institute (KASI).</source>
        <translation>%1–%2년 공휴일, 한국천문연구원 특일 정보 기준.</translation>
    </message>
    <message>
        <source>%1: write the hours as 09:00-12:00,13:00-18:00, or off.</source>
        <translation>%1: 시간을 09:00-12:00,13:00-18:00처럼 쓰거나 off로 쓰세요.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date: write days off as 2026-12-24, 2026-12-31.</source>
        <translation>&apos;%1&apos;은(는) 날짜가 아닙니다. 휴무일은 2026-12-24, 2026-12-31처럼 쓰세요.</translation>
    </message>
    <message>
        <source>Case files</source>
        <translation>사건 파일</translation>
    </message>
    <message>
        <source>e.g. https://freetsa.org/tsr (empty: no timestamp)</source>
        <translation>예: https://freetsa.org/tsr (비워 두면 타임스탬프 없음)</translation>
    </message>
    <message>
        <source>&amp;Timestamp authority:</source>
        <translation>타임스탬프 기관(&amp;T):</translation>
    </message>
    <message>
        <source>With the address of an RFC 3161 timestamp authority, each exported case file is stamped by it: proof from a third party that the file existed at that time. The export then needs the network. The same as casebook-cli settings set tsa_url.</source>
        <translation>RFC 3161 타임스탬프 기관의 주소를 넣으면 내보내는 사건 파일마다 그 기관의 타임스탬프를 받습니다. 파일이 그 시각에 있었다는 제3자의 증명입니다. 이때 내보내기에는 네트워크가 필요합니다. casebook-cli settings set tsa_url 과 같은 설정입니다.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not the http(s) address of a timestamp authority; leave it empty for none.</source>
        <translation>&apos;%1&apos;은(는) 타임스탬프 기관의 http(s) 주소가 아닙니다. 쓰지 않으려면 비워 두세요.</translation>
    </message>
</context>
<context>
    <name>casebook::ui::ShortcutHelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>  or  </source>
        <comment>between two keys that run the same command</comment>
        <translation>  또는  </translation>
    </message>
</context>
<context>
    <name>casebook::ui::SnoozeDialog</name>
    <message>
        <source>Snooze</source>
        <translation>미루기</translation>
    </message>
    <message>
        <source>In 3 hours</source>
        <translation>3시간 후</translation>
    </message>
    <message>
        <source>Tomorrow 9:00</source>
        <translation>내일 9:00</translation>
    </message>
    <message>
        <source>Next Monday</source>
        <translation>다음 주 월요일</translation>
    </message>
    <message>
        <source>Hide from the Inbox until:</source>
        <translation>받은편지함에서 숨길 기한:</translation>
    </message>
</context>
<context>
    <name>casebook::ui::StatusBarController</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Outbox empty</source>
        <translation>보낼 편지함 비어 있음</translation>
    </message>
    <message numerus="yes">
        <source>Outbox: %n to send</source>
        <translation>
            <numerusform>보낼 편지함: %n건</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::TemplateManagerDialog</name>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Reply templates</source>
        <translation>답변 템플릿</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>letters, digits, . _ - (e.g. my.late_refund)</source>
        <translation>영문 소문자, 숫자, . _ - (예: my.late_refund)</translation>
    </message>
    <message>
        <source>Hello {{customer_name}}, …</source>
        <translation>안녕하세요 {{customer_name}}님, …</translation>
    </message>
    <message>
        <source>The same text without formatting, for marketplace boards (optional)</source>
        <translation>마켓 게시판용 서식 없는 같은 글 (선택)</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>본문</translation>
    </message>
    <message>
        <source>Board text</source>
        <translation>게시판용 본문</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>복제(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Restore built-ins</source>
        <translation>기본 템플릿 복원(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Import templates</source>
        <translation>템플릿 가져오기</translation>
    </message>
    <message>
        <source>Template files (*.json)</source>
        <translation>템플릿 파일 (*.json)</translation>
    </message>
    <message>
        <source>Export templates</source>
        <translation>템플릿 내보내기</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>내 템플릿</translation>
    </message>
    <message>
        <source>built-in, edited</source>
        <translation>기본, 수정함</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>Your own template.</source>
        <translation>직접 만든 템플릿입니다.</translation>
    </message>
    <message>
        <source>A built-in template you changed: Restore built-ins brings back the original.</source>
        <translation>수정한 기본 템플릿입니다. 기본 템플릿 복원으로 원래 내용을 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>A built-in template: saving keeps your version, and the original can be restored.</source>
        <translation>기본 템플릿입니다. 저장하면 수정본이 보관되고, 원본은 언제든 복원할 수 있습니다.</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>숨기기(&amp;H)</translation>
    </message>
    <message>
        <source>A new template of your own.</source>
        <translation>새 템플릿입니다.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1을(를) 저장했습니다.</translation>
    </message>
    <message>
        <source>The tone check finds: %1.</source>
        <translation>어조 검사 결과: %1.</translation>
    </message>
    <message>
        <source>Copied as %1: edit it and save.</source>
        <translation>%1(으)로 복사했습니다. 수정한 뒤 저장하세요.</translation>
    </message>
    <message>
        <source>%1 removed.</source>
        <translation>%1을(를) 지웠습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n built-in template(s) restored.</source>
        <translation>
            <numerusform>기본 템플릿 %n개를 복원했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Exported the templates to %1.</source>
        <translation>템플릿을 %1(으)로 내보냈습니다.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n template(s) imported.</source>
        <translation>
            <numerusform>템플릿 %n개를 가져왔습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::TemplatePicker</name>
    <message>
        <source>Insert a template</source>
        <translation>템플릿 넣기</translation>
    </message>
    <message>
        <source>Search by title or category…</source>
        <translation>제목 또는 분류로 검색…</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>넣기</translation>
    </message>
</context>
<context>
    <name>casebook::ui::TicketActionsController</name>
    <message>
        <source>&amp;Go</source>
        <translation>이동(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Ticket</source>
        <translation>문의(&amp;T)</translation>
    </message>
    <message>
        <source>Next ticket</source>
        <translation>다음 문의</translation>
    </message>
    <message>
        <source>Previous ticket</source>
        <translation>이전 문의</translation>
    </message>
    <message>
        <source>Open ticket</source>
        <translation>문의 열기</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Command palette…</source>
        <translation>명령 팔레트…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>해결</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>해결됨</translation>
    </message>
    <message>
        <source>Snooze…</source>
        <translation>미루기…</translation>
    </message>
    <message>
        <source>Mark as spam</source>
        <translation>스팸으로 표시</translation>
    </message>
    <message>
        <source>Marked as spam</source>
        <translation>스팸으로 표시함</translation>
    </message>
    <message>
        <source>Set &amp;status</source>
        <translation>상태 설정(&amp;S)</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>상태: %1</translation>
    </message>
    <message>
        <source>Status set to %1</source>
        <translation>상태를 %1(으)로 변경함</translation>
    </message>
    <message>
        <source>Set &amp;priority</source>
        <translation>우선순위 설정(&amp;P)</translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation>우선순위: %1</translation>
    </message>
    <message>
        <source>Priority set to %1</source>
        <translation>우선순위를 %1(으)로 변경함</translation>
    </message>
    <message>
        <source>Set &amp;category</source>
        <translation>분류 설정(&amp;C)</translation>
    </message>
    <message>
        <source>Suggested category</source>
        <translation>추천 분류</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>분류: %1</translation>
    </message>
    <message>
        <source>Category set to %1</source>
        <translation>분류를 %1(으)로 변경함</translation>
    </message>
    <message>
        <source>Add order number…</source>
        <translation>주문번호 추가…</translation>
    </message>
    <message>
        <source>Merge selected tickets</source>
        <translation>선택한 문의 병합</translation>
    </message>
    <message>
        <source>Split a message out…</source>
        <translation>메시지 분리…</translation>
    </message>
    <message>
        <source>Confirm Coupang transfer</source>
        <translation>쿠팡 이관 문의 확인</translation>
    </message>
    <message>
        <source>A confirmation is already on its way to Coupang.</source>
        <translation>쿠팡에 확인 요청을 이미 보내고 있습니다.</translation>
    </message>
    <message>
        <source>Confirming the transfer with Coupang…</source>
        <translation>쿠팡에 이관 문의 확인 중…</translation>
    </message>
    <message>
        <source>Coupang inquiry %1 confirmed</source>
        <translation>쿠팡 문의 %1 확인 완료</translation>
    </message>
    <message>
        <source>Customer is abusive</source>
        <translation>악성 고객</translation>
    </message>
    <message>
        <source>Customer flagged abusive</source>
        <translation>악성 고객으로 표시함</translation>
    </message>
    <message>
        <source>Abusive flag removed</source>
        <translation>악성 고객 표시 해제함</translation>
    </message>
    <message>
        <source>Customer is a VIP</source>
        <translation>VIP 고객</translation>
    </message>
    <message>
        <source>Customer marked VIP</source>
        <translation>VIP 고객으로 표시함</translation>
    </message>
    <message>
        <source>VIP mark removed</source>
        <translation>VIP 표시 해제함</translation>
    </message>
    <message>
        <source>Wake (end snooze)</source>
        <translation>다시 표시 (미루기 해제)</translation>
    </message>
    <message>
        <source>Back in the Inbox</source>
        <translation>받은편지함으로 되돌림</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>실행 취소: %1</translation>
    </message>
    <message>
        <source>Suggested: %1 (%2)</source>
        <translation>추천: %1 (%2)</translation>
    </message>
    <message>
        <source>Select a ticket first.</source>
        <translation>먼저 문의를 선택하세요.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n tickets)</source>
        <translation>
            <numerusform>%1 (문의 %n건)</numerusform>
        </translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>%1까지 미룸</translation>
    </message>
    <message>
        <source>Add order number</source>
        <translation>주문번호 추가</translation>
    </message>
    <message>
        <source>Order number (Coupang, Naver, Amazon …):</source>
        <translation>주문번호 (쿠팡, 네이버, 아마존 …):</translation>
    </message>
    <message>
        <source>Order %1 added</source>
        <translation>주문번호 %1 추가함</translation>
    </message>
    <message>
        <source>Select two tickets to merge (Ctrl+click or Shift+click).</source>
        <translation>병합할 문의 두 개를 선택하세요 (Ctrl+클릭 또는 Shift+클릭).</translation>
    </message>
    <message>
        <source>Merged %1 into #%2 — %3 undoes it</source>
        <translation>%1을(를) #%2에 병합했습니다 — %3 키로 되돌릴 수 있습니다</translation>
    </message>
    <message>
        <source>This ticket has one message: there is nothing to split it from.</source>
        <translation>이 문의에는 메시지가 하나뿐이라 분리할 수 없습니다.</translation>
    </message>
    <message>
        <source>Split a message out</source>
        <translation>메시지 분리</translation>
    </message>
    <message>
        <source>Move this message into a new ticket:</source>
        <translation>이 메시지를 새 문의로 옮깁니다:</translation>
    </message>
    <message>
        <source>Split into #%1</source>
        <translation>#%1(으)로 분리함</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>실행 취소함: %1</translation>
    </message>
    <message>
        <source>Case summary…</source>
        <translation>사건 요약…</translation>
    </message>
    <message>
        <source>Case summary for #%1</source>
        <translation>#%1 사건 요약</translation>
    </message>
    <message>
        <source>What happened, in your words (printed on the case file&apos;s cover):</source>
        <translation>있었던 일을 직접 적어 주세요 (사건 파일 표지에 인쇄됩니다):</translation>
    </message>
    <message>
        <source>Summary saved</source>
        <translation>요약을 저장함</translation>
    </message>
</context>
<context>
    <name>casebook::ui::TicketListModel</name>
    <message>
        <source>Due</source>
        <translation>답변 기한</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>최근 활동</translation>
    </message>
    <message>
        <source>Flagged abusive: answer with care, keep records</source>
        <translation>악성 고객으로 표시됨: 신중하게 답변하고 기록을 남기세요</translation>
    </message>
    <message>
        <source>MMM d</source>
        <comment>date format for a day of this year</comment>
        <translation>M월 d일</translation>
    </message>
    <message>
        <source>VIP customer</source>
        <translation>VIP 고객</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>%1까지 미룸</translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>읽지 않은 메시지 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::TicketListPane</name>
    <message>
        <source>Search (Ctrl+K): words, &quot;phrases&quot;, from:, order:, after:2026-03-01 …</source>
        <translation>검색 (Ctrl+K): 단어, &quot;구문&quot;, from:, order:, after:2026-03-01 …</translation>
    </message>
    <message>
        <source>Enter searches; Down goes to the results</source>
        <translation>Enter로 검색하고, 아래 화살표로 결과 목록에 갑니다</translation>
    </message>
</context>
<context>
    <name>casebook::ui::ToneHighlighter</name>
    <message>
        <source>Threat</source>
        <translation>위협</translation>
    </message>
    <message>
        <source>Sarcasm</source>
        <translation>비꼬기</translation>
    </message>
    <message>
        <source>Blame</source>
        <translation>책임 전가</translation>
    </message>
    <message>
        <source>False hope</source>
        <translation>섣부른 기대</translation>
    </message>
    <message>
        <source>Date promise</source>
        <translation>날짜 약속</translation>
    </message>
    <message>
        <source>Informal</source>
        <translation>반말·비격식</translation>
    </message>
    <message>
        <source>Profanity</source>
        <translation>욕설</translation>
    </message>
    <message>
        <source>Marketplace policy</source>
        <translation>마켓 정책</translation>
    </message>
    <message>
        <source>Instead:</source>
        <translation>권장 표현:</translation>
    </message>
    <message>
        <source>%1 (the sentence as a whole)</source>
        <translation>%1 (문장 전체)</translation>
    </message>
    <message>
        <source>Promise you may not keep</source>
        <translation>지키기 어려운 약속</translation>
    </message>
    <message>
        <source>Curt refusal</source>
        <translation>무성의한 거절</translation>
    </message>
</context>
<context>
    <name>casebook::ui::TrayNotifier</name>
    <message>
        <source>Show Casebook</source>
        <translation>Casebook 열기</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>New inquiries</source>
        <translation>새 문의</translation>
    </message>
    <message numerus="yes">
        <source>%n new inquiries arrived.</source>
        <translation>
            <numerusform>새 문의 %n건이 도착했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Answers due soon</source>
        <translation>답변 기한 임박</translation>
    </message>
    <message numerus="yes">
        <source>%n tickets are due soon or overdue.</source>
        <translation>
            <numerusform>답변 기한이 다가오거나 지난 문의가 %n건 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Answer due soon</source>
        <translation>답변 기한 임박</translation>
    </message>
    <message>
        <source>#%1 %2 (%3)</source>
        <translation>#%1 %2 (%3)</translation>
    </message>
</context>
<context>
    <name>casebook::ui::UndoText</name>
    <message>
        <source>customer marked VIP</source>
        <translation>고객 VIP 표시</translation>
    </message>
    <message>
        <source>VIP mark removed</source>
        <translation>VIP 표시 해제</translation>
    </message>
    <message>
        <source>customer flagged abusive</source>
        <translation>고객 악성 표시</translation>
    </message>
    <message>
        <source>abusive flag removed</source>
        <translation>악성 표시 해제</translation>
    </message>
    <message>
        <source>snoozed until %1</source>
        <translation>%1까지 미룸</translation>
    </message>
    <message>
        <source>woken</source>
        <translation>다시 받은편지함으로</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>상태 %1</translation>
    </message>
    <message>
        <source>priority %1</source>
        <translation>우선순위 %1</translation>
    </message>
    <message>
        <source>category %1</source>
        <translation>분류 %1</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>보통</translation>
    </message>
    <message>
        <source>High</source>
        <translation>높음</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>긴급</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>%1 priority %2</source>
        <translation>%1 우선순위 %2</translation>
    </message>
    <message>
        <source>%1 category %2</source>
        <translation>%1 분류 %2</translation>
    </message>
    <message>
        <source>%1 case summary</source>
        <translation>%1 사건 요약</translation>
    </message>
    <message>
        <source>%1 order %2 added</source>
        <translation>%1 주문번호 %2 추가</translation>
    </message>
    <message>
        <source>merge of %1 into %2</source>
        <translation>%1을(를) %2에 합치기</translation>
    </message>
    <message>
        <source>split of %1 out of %2</source>
        <translation>%2에서 %1 분리</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>casebook::ui::ViewsPane</name>
    <message>
        <source>Inbox</source>
        <translation>받은편지함</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>기한 임박</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>해결됨</translation>
    </message>
    <message>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>편지함</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>기한 초과</translation>
    </message>
    <message>
        <source>Waiting on customer</source>
        <translation>고객 대기</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>스팸</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>미룬 문의</translation>
    </message>
    <message>
        <source>Could not read</source>
        <translation>읽지 못한 메일</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>저장된 검색</translation>
    </message>
    <message>
        <source>Right-click to save a search</source>
        <translation>마우스 오른쪽 버튼을 눌러 검색을 저장하세요</translation>
    </message>
    <message>
        <source>Save current search…</source>
        <translation>현재 검색 저장…</translation>
    </message>
    <message>
        <source>Rename saved search…</source>
        <translation>저장된 검색 이름 바꾸기…</translation>
    </message>
    <message>
        <source>Delete saved search</source>
        <translation>저장된 검색 삭제</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>검색 저장</translation>
    </message>
    <message>
        <source>Search for:</source>
        <translation>검색어:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>Rename saved search</source>
        <translation>저장된 검색 이름 바꾸기</translation>
    </message>
</context>
<context>
    <name>casebook::ui::WorkerJob</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Casebook, the customer-service inbox for small online sellers.</source>
        <translation>Casebook, 소규모 온라인 판매자를 위한 고객 문의함입니다.</translation>
    </message>
    <message>
        <source>The database file (default: $CASEBOOK_DB, or casebook.sqlite in the app data folder).</source>
        <translation>데이터베이스 파일 (기본값: $CASEBOOK_DB, 없으면 앱 데이터 폴더의 casebook.sqlite).</translation>
    </message>
    <message>
        <source>Open the demo inbox.</source>
        <translation>데모 받은편지함을 엽니다.</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE and quit.</source>
        <translation>창 화면을 FILE로 저장하고 종료합니다.</translation>
    </message>
    <message>
        <source>The window&apos;s language for this run: en, ko or system (default: as set in Settings).</source>
        <translation>이번 실행에서 쓸 화면 언어: en, ko 또는 system (기본값: 설정에서 고른 언어).</translation>
    </message>
    <message>
        <source>Demo inbox</source>
        <translation>데모 받은편지함</translation>
    </message>
    <message>
        <source>could not save %1</source>
        <translation>%1을(를) 저장하지 못했습니다</translation>
    </message>
    <message>
        <source>Open with this ticket selected (its number, e.g. 1001).</source>
        <translation>이 문의를 선택한 채로 엽니다 (문의 번호, 예: 1001).</translation>
    </message>
    <message>
        <source>There is no ticket #%1.</source>
        <translation>#%1 문의가 없습니다.</translation>
    </message>
</context>
</TS>
