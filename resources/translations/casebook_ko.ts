<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
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
</context>
<context>
    <name>casebook::ui::ConversationPane</name>
    <message>
        <source>Select a ticket.</source>
        <translation>문의를 선택하세요.</translation>
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
    <message>
        <source>Evidence</source>
        <translation>증빙 자료</translation>
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
        <source>Cancel</source>
        <translation>취소</translation>
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
</context>
<context>
    <name>casebook::ui::TicketListPane</name>
    <message>
        <source>Search (Ctrl+K): words, &quot;phrases&quot;, from:, order:, after:2026-03-01 …</source>
        <translation>검색 (Ctrl+K): 단어, &quot;구문&quot;, from:, order:, after:2026-03-01 …</translation>
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
        <source>Waiting</source>
        <translation>고객 대기</translation>
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
</context>
</TS>
