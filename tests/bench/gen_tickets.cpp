// casebook-gen-tickets DB [N]: writes a database of N tickets (default 100,000), each with a customer, an
// order number and one to three messages (a resolved one with its triage event), quickly: straight SQL on
// the writer inside Database::write, a batch per transaction. The random draws are those made before the
// orders and events were added, so the seed gives the same tickets.
#include "model/sha256.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTextStream>
#include <SQLiteCpp/Statement.h>

using namespace casebook;

namespace {

const char* const kSubjects[] = {"배송 언제 오나요?",        "환불 요청드립니다",
                                 "교환 가능한가요",          "Where is my order?",
                                 "Refund for cracked plate", "접시 하나가 누락됐어요",
                                 "세금계산서 발행 요청",     "Wrong colour mug",
                                 "반품 접수 문의",           "Invoice for order 123-4567890-1234567"};
const char* const kCategories[] = {"shipping",     "refund",  "exchange", "shipping", "defect",
                                   "missing_item", "payment", "defect",   "return",   "payment"};
const char* const kStatuses[] = {"new",      "open",     "open",     "waiting",
                                 "resolved", "resolved", "resolved", "spam"};
const char* const kChannels[] = {"email", "email", "coupang", "naver"};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: casebook-gen-tickets DB [N]\n";
        return 2;
    }
    const int n = args.size() > 2 ? args[2].toInt() : 100000;
    QFile::remove(args[1]);
    SystemClock clock;
    auto opened = Database::open(args[1], clock, {.quickCheck = false});
    if (!opened) {
        QTextStream(stderr) << opened.error().message << "\n";
        return 1;
    }
    Database& db = *opened.value();
    QElapsedTimer timer;
    timer.start();
    QRandomGenerator rng(42);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const int customers = n / 3 + 1;
    constexpr int kBatch = 20000;
    qint64 messages = 0;
    for (int start = 0; start < n; start += kBatch) {
        auto written = db.write([&](SQLite::Database& w) -> Result<void> {
            SQLite::Statement customer(
                w, "INSERT OR IGNORE INTO customers(id, display_name, abusive, vip, created_at) "
                   "VALUES (?, ?, ?, ?, ?)");
            SQLite::Statement identity(w,
                                       "INSERT OR IGNORE INTO customer_identities(customer_id, kind, value) "
                                       "VALUES (?, 'email', ?)");
            SQLite::Statement ticket(
                w, "INSERT INTO tickets(id, number, subject, customer_id, status, priority, "
                   "category, subject_key, due_at, created_at, last_activity_at, unread_count) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
            // An order number per ticket and the triage event of a resolved one, as the reports read them.
            SQLite::Statement order(w, "INSERT INTO ticket_orders(ticket_id, order_number) VALUES (?, ?)");
            SQLite::Statement resolved(w, "INSERT INTO events(ticket_id, at, kind, detail) VALUES (?, ?, "
                                          "'status', '{\"from\":\"open\",\"to\":\"resolved\"}')");
            SQLite::Statement message(
                w, "INSERT INTO messages(ticket_id, direction, channel, external_id, from_name, "
                   "from_address, to_addresses, subject, date, text_body, customer_id, source, "
                   "created_at) VALUES (?,?,?,?,?,?,'help@shop.example',?,?,?,?,'bench',?)");
            for (int i = start; i < std::min(n, start + kBatch); ++i) {
                const int c = static_cast<int>(rng.bounded(customers)) + 1;
                const QString name = QStringLiteral("Customer %1").arg(c);
                const QString address = QStringLiteral("customer%1@example.com").arg(c);
                customer.reset();
                customer.bind(1, c);
                customer.bind(2, name.toStdString());
                customer.bind(3, c % 97 == 0 ? 1 : 0);
                customer.bind(4, c % 53 == 0 ? 1 : 0);
                customer.bind(5, static_cast<int64_t>(now));
                customer.exec();
                identity.reset();
                identity.bind(1, c);
                identity.bind(2, address.toStdString());
                identity.exec();
                const int kind = static_cast<int>(rng.bounded(10));
                const char* status = kStatuses[rng.bounded(8)];
                const qint64 created = now - static_cast<qint64>(rng.bounded(365 * 86400)) * 1000;
                const bool owed = QLatin1String(status) == QLatin1String("new") ||
                                  QLatin1String(status) == QLatin1String("open");
                ticket.reset();
                ticket.bind(1, i + 1);
                ticket.bind(2, 1001 + i);
                ticket.bind(3, kSubjects[kind]);
                ticket.bind(4, c);
                ticket.bind(5, status);
                ticket.bind(6, static_cast<int>(rng.bounded(3)));
                ticket.bind(7, kCategories[kind]);
                ticket.bind(8, kSubjects[kind]);
                if (owed)
                    ticket.bind(
                        9, static_cast<int64_t>(now + (static_cast<qint64>(rng.bounded(48)) - 12) * 3600000));
                else
                    ticket.bind(9);
                ticket.bind(10, static_cast<int64_t>(created));
                ticket.bind(11, static_cast<int64_t>(created + 3600000));
                ticket.bind(12, owed ? 1 : 0);
                ticket.exec();
                order.reset();
                order.bind(1, i + 1);
                order.bind(2, QString::number(2026000000000 + i).toStdString());
                order.exec();
                if (QLatin1String(status) == QLatin1String("resolved")) {
                    resolved.reset();
                    resolved.bind(1, i + 1);
                    resolved.bind(2, static_cast<int64_t>(created + static_cast<qint64>(i % 96 + 1) * 3600000));
                    resolved.exec();
                }
                const int count = 1 + static_cast<int>(rng.bounded(3));
                for (int m = 0; m < count; ++m) {
                    message.reset();
                    message.bind(1, i + 1);
                    message.bind(2, m % 2 ? "out" : "in");
                    message.bind(3, kChannels[(i + m) % 4]);
                    message.bind(4, QStringLiteral("m%1.%2@bench").arg(i).arg(m).toStdString());
                    message.bind(5, name.toStdString());
                    message.bind(6, address.toStdString());
                    message.bind(7, kSubjects[kind]);
                    message.bind(8, static_cast<int64_t>(created + m * 3600000));
                    message.bind(9, QStringLiteral("%1 — 주문번호 %2 문의드립니다. Order %2, thanks.")
                                        .arg(QLatin1String(kSubjects[kind]))
                                        .arg(2026000000000 + i)
                                        .toStdString());
                    message.bind(10, c);
                    message.bind(11, static_cast<int64_t>(now));
                    message.exec();
                    ++messages;
                }
            }
            return {};
        });
        if (!written) {
            QTextStream(stderr) << written.error().message << "\n";
            return 1;
        }
    }
    QTextStream(stdout) << QStringLiteral(
                               "{\"tickets\": %1, \"messages\": %2, \"seconds\": %3, \"db\": \"%4\"}\n")
                               .arg(n)
                               .arg(messages)
                               .arg(timer.elapsed() / 1000.0, 0, 'f', 2)
                               .arg(args[1]);
    return 0;
}
